// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMySheet, DOSSIER_ID } from '../../../testing/council-fixtures';
import { REGIME_26 } from '../../../testing/criteria-fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const MEMBER = buildMe({ roles: [grant('council_member', { provinceCode: '14' })] });
const SHEET = `/api/evaluation/dossiers/${DOSSIER_ID}/my-sheet`;

const base = { 'GET /api/auth/me': () => jsonResponse(MEMBER), 'GET /api/evaluation/regimes': () => jsonResponse([REGIME_26]) };

async function openSheet() {
  renderApp(`/scoring/${DOSSIER_ID}`);
  return screen.findByTestId('sc-summary', {}, { timeout: 10_000 });
}

const radio = (code: string, option: string) =>
  within(screen.getByTestId(`criterion-${code}`)).getByRole('radio', { name: new RegExp(option) }) as HTMLInputElement;

describe('the council member’s score sheet', () => {
  it('scores with the keyboard: digits pick the n-th option, Enter/↓ go on, ↑ back; the running total follows and the draft is saved', async () => {
    const { requests } = stubFetch({
      ...base,
      [`GET ${SHEET}`]: () => jsonResponse(buildMySheet()),
      [`PUT ${SHEET}`]: (request) =>
        jsonResponse(buildMySheet({ answers: (request.body as { answers: Record<string, string> }).answers, revision: 3 })),
    });
    const summary = await openSheet();
    expect(screen.getByTestId('sc-keys').textContent).toContain('phím số 1–9');
    expect(within(summary).getByTestId('sc-total').textContent).toBe('4 / 100');
    // The sheet opens on the first criterion not yet scored.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('criterion-A1.2')));

    fireEvent.keyDown(document.activeElement as Element, { key: '3' });
    expect(radio('A1.2', 'Mức 3 của A1.2').checked).toBe(true);
    expect(within(summary).getByTestId('sc-total').textContent).toBe('7 / 100');
    expect(within(summary).getByTestId('sc-part-A').textContent).toBe('7/40');

    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(document.activeElement).toBe(screen.getByTestId('criterion-B1'));
    fireEvent.keyDown(document.activeElement as Element, { key: '2' });
    expect(radio('B1', 'Mức 2 của B1').checked).toBe(true);
    expect(within(summary).getByTestId('sc-total').textContent).toBe('32 / 100');
    expect(within(summary).getByTestId('sc-stars').textContent).toBe('2 sao');

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('criterion-C1'));
    fireEvent.keyDown(document.activeElement as Element, { key: '9' }); // no ninth option: nothing happens
    expect(
      within(screen.getByTestId('criterion-C1'))
        .getAllByRole('radio')
        .some((input) => (input as HTMLInputElement).checked),
    ).toBe(false);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByTestId('criterion-A1.2'));
    expect(within(summary).getByTestId('sc-answered').textContent).toBe('Đã chấm 3/4 tiêu chí');

    await waitFor(() => expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(1), { timeout: 3000 });
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ answers: { 'A1.1': 'A1.1/3', 'A1.2': 'A1.2/3', B1: 'B1/2' }, comments: {}, revision: 2 });
    await waitFor(() => expect(screen.getByTestId('sc-save-status').textContent).toBe('Đã lưu nháp'));
  });

  it('keeps digits typed in a comment as text, and saves the comment with the answers', async () => {
    const { requests } = stubFetch({
      ...base,
      [`GET ${SHEET}`]: () => jsonResponse(buildMySheet()),
      [`PUT ${SHEET}`]: () => jsonResponse(buildMySheet({ revision: 3 })),
    });
    await openSheet();
    fireEvent.click(screen.getByTestId('add-comment-C1'));
    const box = (await screen.findByTestId('comment-C1')) as HTMLTextAreaElement;
    fireEvent.keyDown(box, { key: '2' });
    fireEvent.change(box, { target: { value: 'Mẫu 2 chưa đạt' } });
    expect(
      within(screen.getByTestId('criterion-C1'))
        .getAllByRole('radio')
        .some((input) => (input as HTMLInputElement).checked),
    ).toBe(false);
    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true), { timeout: 3000 });
    expect(requests.find((request) => request.method === 'PUT')?.body).toMatchObject({ comments: { C1: 'Mẫu 2 chưa đạt' } });
  });

  it('lists the unscored criteria instead of submitting an incomplete sheet', async () => {
    const { requests } = stubFetch({ ...base, [`GET ${SHEET}`]: () => jsonResponse(buildMySheet()) });
    await openSheet();
    fireEvent.click(screen.getByTestId('sc-submit'));
    const list = await screen.findByTestId('sc-unanswered', {}, { timeout: 10_000 });
    expect(list.textContent).toContain('A1.2. Liên kết chuỗi');
    expect(list.textContent).toContain('C1. Chất lượng cảm quan');
    expect(screen.getAllByText('Còn 3 tiêu chí chưa chấm').length).toBeGreaterThan(0);
    expect(requests.some((request) => request.path.endsWith('/submit'))).toBe(false);
  });

  it('submits after a confirmation; the sheet is then read-only and shows its seal', async () => {
    const complete = { 'A1.1': 'A1.1/3', 'A1.2': 'A1.2/3', B1: 'B1/2', C1: 'C1/3' };
    const sealed = buildMySheet({
      answers: complete,
      status: 'submitted',
      canEdit: false,
      unanswered: [],
      submittedAt: '2026-09-10T03:15:00.000Z',
      sealSeq: 2,
      hash: 'ab'.repeat(32),
      revision: 3,
    });
    const { requests } = stubFetch({
      ...base,
      [`GET ${SHEET}`]: () => jsonResponse(buildMySheet({ answers: complete, unanswered: [] })),
      [`POST ${SHEET}/submit`]: () => jsonResponse(sealed),
    });
    const summary = await openSheet();
    expect(within(summary).getByTestId('sc-total').textContent).toBe('67 / 100');
    expect((await within(summary).findByTestId('sc-stars')).textContent).toBe('3 sao');
    fireEvent.click(screen.getByTestId('sc-submit'));
    expect((await screen.findAllByText('Nộp phiếu chấm?', {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    expect(screen.getByRole('dialog').textContent).toContain('Tổng 67 điểm, hạng dự kiến: 3 sao');
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Nộp phiếu' }));

    const notice = await screen.findByTestId('sc-sealed', {}, { timeout: 5000 });
    expect(notice.textContent).toMatch(/Đã nộp lúc \d\d\/09\/2026 \d\d:\d\d — phiếu đã niêm phong/);
    expect(screen.getByTestId('sc-hash').textContent).toContain('ab'.repeat(32));
    expect(requests.find((request) => request.path.endsWith('/submit'))?.body).toEqual({ revision: 2 });
    expect(screen.queryByTestId('sc-submit')).toBeNull();
    const radios = screen
      .getAllByTestId(/^criterion-/)
      .flatMap((criterion) => within(criterion).getAllByRole('radio')) as HTMLInputElement[];
    expect(radios).toHaveLength(11);
    expect(radios.every((input) => input.disabled)).toBe(true);
    fireEvent.keyDown(screen.getByTestId('criterion-C1'), { key: '1' });
    expect(radio('C1', 'Mức 3 của C1').checked).toBe(true);
  });

  it('never seals over a change whose save failed: the submit saves it again first, and submits only once it is saved', async () => {
    const almost = { 'A1.1': 'A1.1/3', 'A1.2': 'A1.2/3', B1: 'B1/2' };
    const complete = { ...almost, C1: 'C1/3' };
    let putsFailing = 2;
    const { requests } = stubFetch({
      ...base,
      [`GET ${SHEET}`]: () => jsonResponse(buildMySheet({ answers: almost, unanswered: ['C1'] })),
      [`PUT ${SHEET}`]: () =>
        putsFailing-- > 0
          ? problemResponse(503, 'request.unavailable', 'Service unavailable.')
          : jsonResponse(buildMySheet({ answers: complete, unanswered: [], revision: 3 })),
      [`POST ${SHEET}/submit`]: () =>
        jsonResponse(
          buildMySheet({
            answers: complete,
            unanswered: [],
            status: 'submitted',
            canEdit: false,
            revision: 4,
            sealSeq: 1,
            hash: 'cd'.repeat(32),
            submittedAt: '2026-09-10T03:15:00.000Z',
          }),
        ),
    });
    await openSheet();
    fireEvent.click(radio('C1', 'Mức 3 của C1'));
    await waitFor(() => expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(1), { timeout: 3000 });

    const press = async (opened: number) => {
      fireEvent.click(screen.getByTestId('sc-submit'));
      // The dialog of an earlier press may still be in the page, closing.
      await waitFor(() => expect(screen.getAllByText('Nộp phiếu chấm?').length).toBeGreaterThanOrEqual(opened), { timeout: 10_000 });
      const dialog = screen.getAllByRole('dialog').at(-1);
      if (!dialog) throw new Error('no confirmation dialog');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Nộp phiếu' }));
    };
    // The save fails again: nothing is submitted, the answer is still on screen and still pending.
    await press(1);
    await waitFor(() => expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(2), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.some((request) => request.path.endsWith('/submit'))).toBe(false);
    expect(radio('C1', 'Mức 3 của C1').checked).toBe(true);

    // Now the connection is back: the submit saves the answer, then seals over the revision that save returned.
    await press(2);
    await screen.findByTestId('sc-sealed', {}, { timeout: 5000 });
    const puts = requests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(3);
    expect(puts.at(-1)?.body).toMatchObject({ answers: complete, revision: 2 });
    expect(requests.find((request) => request.path.endsWith('/submit'))?.body).toEqual({ revision: 3 });
  });

  it('reloads the newest sheet and says so when another save got there first (409)', async () => {
    let reads = 0;
    const newer = buildMySheet({ answers: { 'A1.1': 'A1.1/1', 'A1.2': 'A1.2/2' }, revision: 5 });
    stubFetch({
      ...base,
      [`GET ${SHEET}`]: () => jsonResponse(reads++ === 0 ? buildMySheet() : newer),
      [`PUT ${SHEET}`]: () => problemResponse(409, 'scoring.stale_revision', 'The sheet changed meanwhile.', { details: { revision: 5 } }),
    });
    await openSheet();
    fireEvent.click(radio('B1', 'Mức 2 của B1'));
    const notice = await screen.findByTestId('sc-reloaded', {}, { timeout: 3000 });
    expect(notice.textContent).toContain('Đã tải lại bản mới nhất');
    expect(radio('A1.1', 'Mức 1 của A1.1').checked).toBe(true);
    expect(radio('A1.2', 'Mức 2 của A1.2').checked).toBe(true);
    expect(radio('B1', 'Mức 2 của B1').checked).toBe(false);
    expect(screen.getByTestId('sc-total').textContent).toBe('1 / 100');
  });

  it('asks for the conflict-of-interest declaration first; a conflict with its reason ends the member’s part', async () => {
    let declared: unknown = null;
    const { requests } = stubFetch({
      ...base,
      [`GET ${SHEET}`]: () =>
        jsonResponse(
          declared
            ? buildMySheet({
                conflict: { hasConflict: true, reason: 'Người thân của giám đốc' },
                canEdit: false,
                status: 'none',
                answers: {},
              })
            : buildMySheet({ conflict: null, status: 'none', answers: {}, revision: 0 }),
        ),
      [`PUT /api/evaluation/dossiers/${DOSSIER_ID}/conflict`]: (request) => {
        declared = request.body;
        return jsonResponse({
          dossierId: DOSSIER_ID,
          memberId: 'm',
          hasConflict: true,
          reason: 'x',
          declaredAt: '2026-09-10T03:00:00.000Z',
          draftDiscarded: false,
        });
      },
    });
    renderApp(`/scoring/${DOSSIER_ID}`);
    await screen.findByTestId('sc-conflict', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('criterion-A1.1')).toBeNull();
    fireEvent.click(screen.getByTestId('sc-has-conflict'));
    fireEvent.change(screen.getByTestId('sc-conflict-reason'), { target: { value: 'Người thân của giám đốc' } });
    fireEvent.click(screen.getByTestId('sc-conflict-confirm'));
    const done = await screen.findByTestId('sc-conflicted', {}, { timeout: 5000 });
    expect(done.textContent).toContain('Lý do: Người thân của giám đốc');
    expect(declared).toEqual({ hasConflict: true, reason: 'Người thân của giám đốc' });
    expect(screen.queryByTestId('criterion-A1.1')).toBeNull();
    expect(requests.some((request) => request.method === 'PUT' && request.path === SHEET)).toBe(false);
  });
});
