import type { LegacyImportReport } from '@ocop/contracts/certification';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api, isApiError } from '../../../../lib/api-client';

export type RunLegacyImportInput = { file: File; dryRun: boolean; provinceCode?: string | undefined };

/**
 * Uploads the filled legacy template. A dry run answers the report (every problem by row and
 * column, and a preview of the certificates) and writes nothing; an import writes every row or
 * none, and a file with problems answers 422 with the same report in its details.
 */
export function runLegacyImport({ file, dryRun, provinceCode }: RunLegacyImportInput): Promise<LegacyImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<LegacyImportReport>('/api/certificates/legacy-import', form, {
    query: { dryRun: dryRun ? 'true' : 'false', provinceCode },
  });
}

/** The report a refused import carries (422 `certificate.legacy_import_rejected`), if the error is one. */
export function rejectedReport(error: unknown): LegacyImportReport | null {
  if (!isApiError(error) || error.code !== 'certificate.legacy_import_rejected') return null;
  const report = error.details.report;
  return typeof report === 'object' && report !== null ? (report as LegacyImportReport) : null;
}

export function useRunLegacyImport() {
  const queryClient = useQueryClient();
  return useMutation<LegacyImportReport, ApiError, RunLegacyImportInput>({
    mutationFn: runLegacyImport,
    // Imported certificates show in the certificate lists.
    onSuccess: (report) => (report.created > 0 ? queryClient.invalidateQueries({ queryKey: ['certificates'] }) : undefined),
  });
}

/** The template: Vietnamese headers, a marked example row, the province's former districts and communes. */
export function legacyTemplateUrl(): string {
  return '/api/certificates/legacy-template.xlsx';
}
