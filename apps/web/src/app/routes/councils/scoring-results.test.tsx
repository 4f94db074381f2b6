// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMySheet, buildScores, DOSSIER_ID, MEMBER_IDS, ROUND_ID } from '../../../testing/council-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const CHAIR = buildMe({ roles: [grant('council_member', { provinceCode: '14' })] });
const DOSSIER = `/api/evaluation/dossiers/${DOSSIER_ID}`;

function dossierView(steps: { action: string; to: string; unmet: string[] }[]) {
  const { version } = buildMySheet();
  return {
    id: DOSSIER_ID,
    state: 'council_scoring',
    revision: 7,
    roundId: ROUND_ID,
    roundName: 'Đợt 2 năm 2026',
    product: { id: 'p', name: 'Chè Shan tuyết Tà Xùa', code: null },
    producer: { id: 'q', name: 'HTX Chè Tà Xùa' },
    selfAssessment: { criteriaVersionId: version.id, total: 70, answers: {} },
    steps,
  };
}

describe('the council’s results on a dossier', () => {
  it('shows each member’s parts and total with the average row, flags the outlier, and lists who is missing', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${DOSSIER}/scores`]: () => jsonResponse(buildScores()),
      [`GET ${DOSSIER}`]: () => jsonResponse(dossierView([{ action: 'close_scoring', to: 'scored', unmet: [] }])),
      [`GET ${DOSSIER}/seal`]: () => jsonResponse({ ok: true, sealedSheets: 3, broken: null }),
      [`GET /api/evaluation/criteria-versions/${buildMySheet().version.id}`]: () =>
        jsonResponse({ ...buildMySheet().version, content: buildMySheet().content, issues: [] }),
    });
    renderApp(`/scoring/${DOSSIER_ID}/results`);
    const table = await screen.findByTestId('results-table', {}, { timeout: 10_000 });
    const outlier = within(table).getByTestId(`sheet-row-${MEMBER_IDS[2]}`);
    expect(outlier.getAttribute('data-outlier')).toBe('true');
    expect(within(outlier).getByTestId(`outlier-${MEMBER_IDS[2]}`).textContent).toBe('Lệch quá 10 điểm');
    expect(outlier.textContent).toContain('-14,5');
    expect(within(table).getByTestId(`sheet-row-${MEMBER_IDS[0]}`).getAttribute('data-outlier')).toBeNull();
    expect(within(table).queryByTestId(`outlier-${MEMBER_IDS[0]}`)).toBeNull();

    const average = within(table).getByTestId('average-row');
    expect(average.textContent).toContain('Trung bình');
    expect(within(average).getByTestId('average-total').textContent).toBe('69,5');
    expect(within(average).getByTestId('average-part-A').textContent).toBe('14,5');
    expect(within(average).getByTestId('average-stars').textContent).toBe('3 sao');

    expect(screen.getByTestId('results-progress').textContent).toBe('Đã nộp 3/3 phiếu');
    expect(screen.getByTestId('not-submitted').textContent).toContain('Quàng Văn Em');
    expect(screen.getByTestId('conflicts').textContent).toContain('Hà Thị Dung');
    await waitFor(() => expect(screen.getByTestId('unmet-minima').textContent).toContain('A1.2 Liên kết chuỗi (TB 1, cần 3)'));
    expect((await screen.findByTestId('seal-ok')).textContent).toContain('3 phiếu');
    expect(screen.getByTestId('minutes-pdf').getAttribute('href')).toBe(`/api/evaluation/rounds/${ROUND_ID}/minutes.pdf`);

    fireEvent.click(within(screen.getByTestId('criteria-breakdown')).getByText(/Điểm theo từng tiêu chí/));
    expect((await screen.findByTestId('criterion-average-A1.1')).textContent).toBe('4/4');
    expect(screen.getByTestId('close-scoring')).toBeTruthy();
  });

  it('closes scoring for the secretariat with the dossier’s revision', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${DOSSIER}/scores`]: () => jsonResponse(buildScores()),
      [`GET ${DOSSIER}`]: () => jsonResponse(dossierView([{ action: 'close_scoring', to: 'scored', unmet: [] }])),
      [`GET ${DOSSIER}/seal`]: () => jsonResponse({ ok: true, sealedSheets: 3, broken: null }),
      [`POST ${DOSSIER}/transitions`]: () => jsonResponse({ ...dossierView([]), state: 'scored', revision: 8 }),
    });
    renderApp(`/scoring/${DOSSIER_ID}/results`);
    fireEvent.click(await screen.findByTestId('close-scoring', {}, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kết thúc chấm điểm' }));
    await waitFor(() => expect(requests.some((request) => request.path.endsWith('/transitions'))).toBe(true));
    expect(requests.find((request) => request.path.endsWith('/transitions'))?.body).toEqual({ action: 'close_scoring', revision: 7 });
  });

  it('shows the chair the scores without the seal or the closing button', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(CHAIR),
      [`GET ${DOSSIER}/scores`]: () => jsonResponse(buildScores()),
      [`GET ${DOSSIER}`]: () => jsonResponse(dossierView([])),
    });
    renderApp(`/scoring/${DOSSIER_ID}/results`);
    await screen.findByTestId('results-table', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('close-scoring')).toBeNull();
    expect(screen.queryByTestId('seal-ok')).toBeNull();
    expect(requests.some((request) => request.path.endsWith('/seal'))).toBe(false);
  });
});
