// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildDossier, DOSSIER_ID } from '../../../testing/dossier-fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant, PRODUCER_ID } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const COMMUNE = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03868' })] });
const PATH = `/api/evaluation/dossiers/${DOSSIER_ID}`;

async function openPage() {
  renderApp(`/dossiers/${DOSSIER_ID}`);
  return screen.findByTestId('dossier-actions', {}, { timeout: 10_000 });
}

describe('dossier page: the action panel', () => {
  it('draws a disabled button with the unmet preconditions in Vietnamese, and the checklist ✓/✗', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET ${PATH}`]: () =>
        jsonResponse(
          buildDossier({ steps: [{ action: 'submit', to: 'submitted', unmet: ['documents_complete', 'self_assessment_complete'] }] }),
        ),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
    });
    const panel = await openPage();
    const button = within(panel).getByTestId('step-button-submit') as HTMLButtonElement;
    expect(button.textContent?.replace(/\s/g, '')).toBe('Nộphồsơ');
    expect(button.disabled).toBe(true);
    expect(within(panel).getByTestId('step-unmet-submit').textContent).toContain('Còn thiếu giấy tờ bắt buộc');
    expect(within(panel).getByTestId('step-unmet-submit').textContent).toContain('Chưa hoàn thành phiếu tự đánh giá');
    expect(screen.getByTestId('checklist-giay-dang-ky-kinh-doanh').getAttribute('data-present')).toBe('true');
    expect(screen.getByTestId('checklist-giay-chung-nhan-du-dieu-kien').getAttribute('data-present')).toBe('false');
    expect(screen.getByTestId('dossier-state').textContent).toBe('Bản nháp');
  });

  it('offers the commune officer exactly the steps the view lists; a return asks for reasons and sends them', async () => {
    const submitted = buildDossier({
      state: 'submitted',
      revision: 4,
      communeClock: { receivedOn: '2026-11-20', dueOn: '2026-12-11', allowed: 15, used: 12, remaining: 3, overdue: false },
      steps: [
        { action: 'return_to_producer', to: 'returned_by_commune', unmet: ['reasons_given'] },
        { action: 'propose', to: 'proposed', unmet: ['commune_report_attached'] },
      ],
    });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(COMMUNE),
      [`GET ${PATH}`]: () => jsonResponse(submitted),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
      [`POST ${PATH}/transitions`]: () =>
        jsonResponse(buildDossier({ state: 'returned_by_commune', revision: 5, steps: [], lastReasons: 'Thiếu ảnh nhãn' })),
    });
    const panel = await openPage();
    expect(within(panel).queryByTestId('step-button-submit')).toBeNull();
    const propose = within(panel).getByTestId('step-button-propose') as HTMLButtonElement;
    expect(propose.disabled).toBe(true);
    expect(within(panel).getByTestId('step-unmet-propose').textContent).toContain('Chưa có báo cáo của xã (Mẫu 03)');
    const back = within(panel).getByTestId('step-button-return_to_producer') as HTMLButtonElement;
    expect(back.disabled).toBe(false);
    expect(screen.getByTestId('commune-report')).toBeTruthy();
    expect(screen.getByTestId('clock-panel').textContent).toContain('Còn 3 ngày làm việc');

    fireEvent.click(back);
    const input = await screen.findByTestId('reasons-input');
    fireEvent.change(input, { target: { value: 'Thiếu ảnh nhãn' } });
    fireEvent.click(screen.getByTestId('reasons-ok'));
    await waitFor(() => expect(screen.getByTestId('dossier-state').textContent).toBe('Xã trả lại'));
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({ action: 'return_to_producer', revision: 4, reasons: 'Thiếu ảnh nhãn' });
  });
});

describe('dossier page: submitting', () => {
  it('on 409 (someone moved the dossier) says so in Vietnamese and reloads the newest dossier', async () => {
    let reads = 0;
    const ready = buildDossier({ steps: [{ action: 'submit', to: 'submitted', unmet: [] }] });
    const moved = buildDossier({ state: 'submitted', revision: 3, steps: [] });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET ${PATH}`]: () => jsonResponse(reads++ === 0 ? ready : moved),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
      [`POST ${PATH}/transitions`]: () =>
        problemResponse(409, 'dossier.changed_concurrently', 'The dossier changed meanwhile.', { details: { revision: 3 } }),
    });
    const panel = await openPage();
    fireEvent.click(within(panel).getByTestId('step-button-submit'));
    // The confirm dialog's OK carries the step's name too: wait for it, then press the last one.
    await waitFor(() => expect(screen.getAllByRole('button', { name: /Nộp hồ sơ/ }).length).toBeGreaterThan(1), { timeout: 5000 });
    const buttons = screen.getAllByRole('button', { name: /Nộp hồ sơ/ });
    fireEvent.click(buttons[buttons.length - 1] as HTMLElement);
    const alert = await screen.findByTestId('dossier-conflict', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('Hồ sơ đã được tải lại bản mới nhất.');
    await waitFor(() => expect(alert.textContent).toContain('vừa được người khác thay đổi'));
    await waitFor(() => expect(screen.getByTestId('dossier-state').textContent).toBe('Đã nộp xã'));
    expect(requests.filter((request) => request.method === 'GET' && request.path === PATH)).toHaveLength(2);
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ action: 'submit', revision: 2 });
  });
});
