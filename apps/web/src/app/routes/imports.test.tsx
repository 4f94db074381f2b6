// @vitest-environment happy-dom
import type { ImportJobView } from '@ocop/contracts/registry-files';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildImportJob, buildMe, grant, IMPORT_ID, importSummary } from '../../testing/fixtures';
import { jsonResponse, type RecordedRequest, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

const ADMIN = buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] });
const COMMIT_ID = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';

const PROBLEMS: ImportJobView['problems'] = [
  {
    row: 5,
    column: 'A',
    header: 'Mã số thuế / số ĐKKD',
    code: 'producer.tax_code_invalid',
    message: 'Mã số thuế "550012345" không hợp lệ: mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (chi nhánh).',
    details: { value: '550012345' },
  },
  {
    row: 7,
    column: 'E',
    header: 'Xã, phường',
    code: 'cell.unknown_commune',
    message: 'Không tìm thấy xã/phường "Chieng Xyz" trong tỉnh.',
    details: { value: 'Chieng Xyz' },
  },
];

/** The server's side of an import: each job answers "running" once, then its final state. */
function stubImports(dryRunResult: Partial<ImportJobView>, commitResult?: Partial<ImportJobView>) {
  const polls = new Map<string, number>();
  const job = (id: string, final: Partial<ImportJobView>, mode: ImportJobView['mode']) => {
    const count = (polls.get(id) ?? 0) + 1;
    polls.set(id, count);
    return count === 1
      ? buildImportJob({ id, mode, status: 'running', processedRows: 2, totalRows: null })
      : buildImportJob({ id, mode, finishedAt: '2025-09-01T02:00:05.000Z', ...final });
  };
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(ADMIN),
    'GET /api/imports': () => jsonResponse([]),
    'POST /api/imports/producers': () => jsonResponse(buildImportJob(), 202),
    [`GET /api/imports/${IMPORT_ID}`]: () => jsonResponse(job(IMPORT_ID, dryRunResult, 'dry-run')),
    [`POST /api/imports/${IMPORT_ID}/commit`]: () => jsonResponse(buildImportJob({ id: COMMIT_ID, mode: 'commit' }), 202),
    [`GET /api/imports/${COMMIT_ID}`]: () => jsonResponse(job(COMMIT_ID, commitResult ?? {}, 'commit')),
  });
}

async function runDryRun() {
  const input = (await screen.findByTestId('import-file', {}, { timeout: 10_000 })) as HTMLInputElement;
  const file = new File(['Mã số thuế;Tên chủ thể\n5500123456;HTX Chè'], 'chu-the.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  expect(await screen.findByText('chu-the.csv')).toBeTruthy();
  const commit = screen.getByTestId('import-commit');
  expect(commit.hasAttribute('disabled')).toBe(true);
  fireEvent.click(screen.getByTestId('import-dry-run'));
}

function uploadOf(requests: RecordedRequest[]): RecordedRequest | undefined {
  return requests.find((r) => r.method === 'POST' && r.path === '/api/imports/producers');
}

describe('import page', () => {
  it('lists every problem of the dry run by row and column, and keeps the import button disabled', async () => {
    const { requests } = stubImports({
      status: 'completed',
      summary: importSummary({ rowsWithProblems: 2, problemCount: 2 }),
      problems: PROBLEMS,
      reportUrl: `/api/imports/${IMPORT_ID}/report.xlsx`,
    });
    renderApp('/imports');

    await runDryRun();

    const table = await screen.findByTestId('import-problems', {}, { timeout: 10_000 });
    const rows = within(table).getAllByTestId('import-problem');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('5');
    expect(rows[0]?.textContent).toContain('A');
    expect(rows[0]?.textContent).toContain('Mã số thuế / số ĐKKD');
    expect(rows[0]?.textContent).toContain('Mã số thuế "550012345" không hợp lệ');
    expect(rows[1]?.textContent).toContain('Không tìm thấy xã/phường "Chieng Xyz" trong tỉnh.');
    expect(screen.getByText('Có 2 lỗi ở 2 dòng. Hãy sửa tệp rồi kiểm tra lại; chưa có dữ liệu nào được nhập.')).toBeTruthy();
    expect(screen.getByTestId('import-report').getAttribute('href')).toBe(`/api/imports/${IMPORT_ID}/report.xlsx`);
    expect(screen.getByTestId('import-commit').hasAttribute('disabled')).toBe(true);

    const upload = uploadOf(requests);
    expect(upload?.search.get('mode')).toBe('dry-run');
    expect((upload?.form?.get('file') as File | null)?.name).toBe('chu-the.csv');
    expect(upload?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(upload?.headers.get('content-type')).toBeNull();
    expect(requests.some((r) => r.path.endsWith('/commit'))).toBe(false);
  });

  it('shows the progress, enables the import after a clean dry run, and shows what the import did', async () => {
    const { requests } = stubImports(
      { status: 'completed', summary: importSummary(), processedRows: 3, totalRows: 3 },
      { status: 'completed', summary: importSummary({ created: 2, updated: 1, unchanged: 0 }) },
    );
    renderApp('/imports');

    await runDryRun();

    expect(await screen.findByTestId('import-progress', {}, { timeout: 10_000 })).toBeTruthy();
    expect(
      await screen.findByText(
        'Không có lỗi: 3 dòng hợp lệ — 2 dòng sẽ được thêm mới, 1 dòng khớp với bản ghi đã có (cập nhật nếu có thay đổi). Bấm "Nhập dữ liệu" để nhập.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('import-problems')).toBeNull();
    const commit = screen.getByTestId('import-commit');
    await waitFor(() => expect(commit.hasAttribute('disabled')).toBe(false));

    fireEvent.click(commit);

    const result = await screen.findByTestId('import-result', {}, { timeout: 10_000 });
    expect(result.textContent).toContain('Đã nhập xong tệp chu-the.xlsx');
    expect(within(result).getByTestId('import-created').textContent).toContain('2');
    expect(within(result).getByTestId('import-updated').textContent).toContain('1');
    expect(within(result).getByTestId('import-unchanged').textContent).toContain('0');
    const commitCall = requests.find((r) => r.method === 'POST' && r.path === `/api/imports/${IMPORT_ID}/commit`);
    expect(commitCall?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    // One dry run, one import: the file was not uploaded a second time.
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/api/imports/producers')).toHaveLength(1);
  });

  it('refuses a file that is not a spreadsheet before uploading it', async () => {
    const { requests } = stubImports({ status: 'completed' });
    renderApp('/imports');

    const input = (await screen.findByTestId('import-file', {}, { timeout: 10_000 })) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7'], 'giay-phep.pdf', { type: 'application/pdf' })] } });

    expect(await screen.findByText('Chỉ nhận tệp .xlsx hoặc .csv.')).toBeTruthy();
    expect(screen.getByTestId('import-dry-run').hasAttribute('disabled')).toBe(true);
    expect(uploadOf(requests)).toBeUndefined();
  });

  it('lists past imports with their results and links to the records one created or updated and to its audit entry', async () => {
    const PRODUCTS_RUN = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
    const PRODUCERS_RUN = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(ADMIN),
      'GET /api/imports': () =>
        jsonResponse([
          buildImportJob({
            id: PRODUCTS_RUN,
            kind: 'products',
            mode: 'commit',
            status: 'completed',
            fileName: 'san-pham-2025.xlsx',
            summary: importSummary({ dataRows: 12, created: 10, updated: 2, unchanged: 0 }),
          }),
          buildImportJob({
            id: PRODUCERS_RUN,
            kind: 'producers',
            mode: 'commit',
            status: 'completed',
            fileName: 'chu-the-cap-nhat.xlsx',
            summary: importSummary({ dataRows: 5, created: 0, updated: 3, unchanged: 2 }),
          }),
          buildImportJob({
            status: 'completed',
            fileName: 'chu-the-loi.xlsx',
            summary: importSummary({ dataRows: 8, rowsWithProblems: 2, problemCount: 3 }),
            reportUrl: `/api/imports/${IMPORT_ID}/report.xlsx`,
          }),
        ]),
    });
    renderApp('/imports');

    const history = await screen.findByTestId('import-history', {}, { timeout: 10_000 });
    const done = (await within(history).findByText('san-pham-2025.xlsx')).closest('tr') as HTMLElement;
    expect(done.textContent).toContain('Hoàn thành');
    expect(done.textContent).toContain('12 dòng: thêm mới 10, cập nhật 2, không thay đổi 0');
    expect(within(done).getByRole('link', { name: 'Xem 12 sản phẩm đã thêm hoặc cập nhật' }).getAttribute('href')).toBe(
      `/products?importId=${PRODUCTS_RUN}`,
    );
    expect(within(done).getByRole('link', { name: 'Xem trong nhật ký' }).getAttribute('href')).toBe(
      `/audit?entityType=import&entityId=${PRODUCTS_RUN}`,
    );
    // An import that only updated producers links to them too.
    const updated = within(history).getByText('chu-the-cap-nhat.xlsx').closest('tr') as HTMLElement;
    expect(within(updated).getByRole('link', { name: 'Xem 3 chủ thể đã thêm hoặc cập nhật' }).getAttribute('href')).toBe(
      `/producers?importId=${PRODUCERS_RUN}`,
    );
    const failed = within(history).getByText('chu-the-loi.xlsx').closest('tr') as HTMLElement;
    expect(failed.textContent).toContain('3 lỗi ở 2 dòng, không lưu dòng nào');
    expect(within(failed).queryByRole('link', { name: 'Xem trong nhật ký' })).toBeNull();
    expect(within(failed).getByRole('link', { name: 'Tải báo cáo lỗi (.xlsx)' })).toBeTruthy();
  });
});
