// @vitest-environment happy-dom
import type { LegacyCertificatePreview, LegacyImportProblemView, LegacyImportReport } from '@ocop/contracts/certification';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, type RecordedRequest, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });

const PROBLEMS: LegacyImportProblemView[] = [
  {
    row: 2,
    column: 'H',
    header: 'Huyện cũ',
    code: 'certificate.legacy_district_unknown',
    message: 'Huyện "Huyện Không Có" không có trong danh mục đơn vị hành chính của tỉnh trước 01/07/2025.',
    messageVi: 'Huyện "Huyện Không Có" không có trong danh mục đơn vị hành chính của tỉnh trước 01/07/2025.',
    messageEn: 'District "Huyện Không Có" did not exist in the province before 1 July 2025.',
    details: { district: 'Huyện Không Có' },
  },
  {
    row: 7,
    column: 'F',
    header: 'Số sao',
    code: 'certificate.legacy_stars_invalid',
    message: 'Số sao "2" không hợp lệ: giấy chứng nhận chỉ có 3, 4 hoặc 5 sao.',
    messageVi: 'Số sao "2" không hợp lệ: giấy chứng nhận chỉ có 3, 4 hoặc 5 sao.',
    messageEn: 'Stars "2" is not valid: certificates have 3, 4 or 5 stars.',
    details: { value: '2' },
  },
];

const PREVIEW: LegacyCertificatePreview = {
  row: 2,
  number: '125/GCN-UBND',
  productName: 'Sữa chua nếp cẩm Mộc Châu',
  productCode: null,
  productLinked: false,
  producerName: 'Hợp tác xã Bò sữa Chiềng Sơn',
  stars: 3,
  regimeCode: '148/2023',
  issuer: { level: 'district', name: 'Ủy ban nhân dân huyện Mộc Châu', unitCode: '123' },
  legacyDistrictName: 'Huyện Mộc Châu',
  legacyCommuneName: 'Xã Chiềng Sơn',
  communeCode: '03985',
  decisionNumber: '1520/QĐ-UBND',
  decisionDate: '2023-05-10',
  issuedOn: '2023-05-10',
  expiresOn: '2026-05-09',
  status: 'expiring',
};

function report(overrides: Partial<LegacyImportReport> = {}): LegacyImportReport {
  return {
    dryRun: true,
    provinceCode: '14',
    fileName: 'gcn.xlsx',
    sheetName: 'Giấy chứng nhận',
    headerRow: 1,
    dataRows: 1,
    rowsOk: 1,
    rowsWithProblems: 0,
    problemCount: 0,
    problems: [],
    notices: [],
    preview: [PREVIEW],
    created: 0,
    ...overrides,
  };
}

const WITH_PROBLEMS = report({ dataRows: 7, rowsOk: 5, rowsWithProblems: 2, problemCount: 2, problems: PROBLEMS, preview: [] });

function stubLegacy(answer: (request: RecordedRequest) => Response) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(OFFICER),
    'POST /api/certificates/legacy-import': answer,
  });
}

async function chooseAndCheck(name = 'gcn.xlsx') {
  const input = (await screen.findByTestId('legacy-file', {}, { timeout: 10_000 })) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['PK'], name)] } });
  expect(await screen.findByText(name)).toBeTruthy();
  expect(screen.getByTestId('legacy-commit').hasAttribute('disabled')).toBe(true);
  fireEvent.click(screen.getByTestId('legacy-check'));
}

describe('legacy certificate import page', () => {
  it('offers the template and lists every problem of the check by row and column, keeping "Nhập" off', async () => {
    const { requests } = stubLegacy(() => jsonResponse(WITH_PROBLEMS));
    renderApp('/certificates/legacy-import');
    const template = await screen.findByTestId('legacy-template', {}, { timeout: 10_000 });
    expect(template.getAttribute('href')).toBe('/api/certificates/legacy-template.xlsx');

    await chooseAndCheck();

    const rows = within(await screen.findByTestId('legacy-problems', {}, { timeout: 10_000 })).getAllByTestId('legacy-problem');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('2');
    expect(rows[0]?.textContent).toContain('H');
    expect(rows[0]?.textContent).toContain('Huyện "Huyện Không Có" không có trong danh mục');
    expect(rows[1]?.textContent).toContain('Số sao');
    expect(screen.getByText('Có 2 lỗi ở 2 dòng. Hãy sửa trong tệp rồi kiểm tra lại; chưa có gì được ghi.')).toBeTruthy();
    expect(screen.getByTestId('legacy-commit').hasAttribute('disabled')).toBe(true);
    const upload = requests.find((request) => request.method === 'POST');
    expect(upload?.search.get('dryRun')).toBe('true');
    expect((upload?.form?.get('file') as File | null)?.name).toBe('gcn.xlsx');
  });

  it('previews a clean file with the old issuer, then imports it with "Nhập"', async () => {
    const { requests } = stubLegacy((request) =>
      request.search.get('dryRun') === 'false' ? jsonResponse(report({ dryRun: false, created: 1 }), 201) : jsonResponse(report()),
    );
    renderApp('/certificates/legacy-import');
    await chooseAndCheck();

    const preview = await screen.findByTestId('legacy-preview', {}, { timeout: 10_000 });
    expect(within(preview).getByText('Ủy ban nhân dân huyện Mộc Châu')).toBeTruthy();
    expect(within(preview).getByText('Còn hiệu lực – sắp hết hạn')).toBeTruthy();
    expect(within(preview).getByText('10/05/2023 – 09/05/2026')).toBeTruthy();
    const commit = screen.getByTestId('legacy-commit');
    await waitFor(() => expect(commit.hasAttribute('disabled')).toBe(false));
    fireEvent.click(commit);

    expect(await screen.findByText('Đã nhập 1 giấy chứng nhận.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.search.get('dryRun'))).toEqual([
      'true',
      'false',
    ]);
    expect(screen.getByTestId('legacy-commit').hasAttribute('disabled')).toBe(true);
  });

  it('shows the report of an import the server refused', async () => {
    stubLegacy((request) =>
      request.search.get('dryRun') === 'false'
        ? problemResponse(422, 'certificate.legacy_import_rejected', 'Tệp có 2 lỗi ở 2 dòng.', {
            details: { problems: 2, rows: 2, report: { ...WITH_PROBLEMS, dryRun: false } },
          })
        : jsonResponse(report()),
    );
    renderApp('/certificates/legacy-import');
    await chooseAndCheck();
    const commit = await screen.findByTestId('legacy-commit');
    await waitFor(() => expect(commit.hasAttribute('disabled')).toBe(false));
    fireEvent.click(commit);

    expect(
      await screen.findByText('Không nhập: tệp có 2 lỗi ở 2 dòng; không giấy chứng nhận nào được ghi.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getAllByTestId('legacy-problem')).toHaveLength(2);
  });

  it('refuses a file that is not .xlsx before uploading it', async () => {
    const { requests } = stubLegacy(() => jsonResponse(report()));
    renderApp('/certificates/legacy-import');
    const input = (await screen.findByTestId('legacy-file', {}, { timeout: 10_000 })) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['a;b'], 'gcn.csv', { type: 'text/csv' })] } });
    expect(await screen.findByText('Chỉ nhận tệp .xlsx (bảng tính Excel).')).toBeTruthy();
    expect(screen.getByTestId('legacy-check').hasAttribute('disabled')).toBe(true);
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });
});
