// @vitest-environment happy-dom
import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, grant, PRODUCER_ID, PRODUCT_ID } from '../../../testing/fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { buildSelfAssessment, VERSION_ID } from '../../../testing/self-assessment-fixtures';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const PATH = `/api/products/${PRODUCT_ID}/self-assessment`;

async function openPage() {
  renderApp(`/products/${PRODUCT_ID}/self-assessment`);
  return screen.findByTestId('sa-summary', {}, { timeout: 10_000 });
}

describe('self-assessment page', () => {
  it('shows the total, parts, projected stars, the unmet 4★ minimum and the plan to 4★ with its evidence', async () => {
    stubFetch({ 'GET /api/auth/me': () => jsonResponse(MEMBER), [`GET ${PATH}`]: () => jsonResponse(buildSelfAssessment()) });
    const summary = await openPage();
    expect(within(summary).getByTestId('sa-total').textContent).toBe('50 / 100');
    expect(within(summary).getByTestId('sa-part-A').textContent).toBe('5/40');
    expect(within(summary).getByTestId('sa-stars').textContent).toBe('3 sao');
    expect(within(summary).getByTestId('sa-save-status').textContent).toMatch(/^Đã lưu lúc \d\d:\d\d$/);

    expect(screen.getByTestId('unmet-A1.2').textContent).toBe('Tối thiểu cho 4★ — cần «Mức 3 của A1.2» (3 điểm)');
    expect(screen.queryByTestId('unmet-A1.1')).toBeNull();
    const radio = within(screen.getByTestId('criterion-A1.2')).getByRole('radio', { name: /Mức 2 của A1.2/ }) as HTMLInputElement;
    expect(radio.checked).toBe(true);

    const plan = screen.getByTestId('sa-plan');
    expect(plan.textContent).toContain('Con đường lên hạng sao tiếp theo');
    expect(screen.getByTestId('sa-plan-summary').textContent).toBe('Để đạt 4★ cần nâng 2 tiêu chí, thêm 17 điểm (tổng dự kiến 67 điểm):');
    const step = screen.getByTestId('plan-step-A1.2');
    expect(step.textContent).toContain('Hiện tại: «Mức 2 của A1.2» (1 điểm)');
    expect(step.textContent).toContain('Cần đạt: «Mức 3 của A1.2» (3 điểm)');
    expect(step.textContent).toContain('mức tối thiểu bắt buộc của hạng 4★');
    expect(step.textContent).toContain('Hợp đồng liên kết: Bản sao có xác nhận');
    expect(screen.getByTestId('plan-step-C1').textContent).toContain('ngưỡng của hạng 4★');
    expect(screen.getByTestId('sa-pdf').getAttribute('href')).toBe(`${PATH}.pdf`);
    expect(screen.getByTestId('sa-pdf').getAttribute('target')).toBe('_blank');
  });

  it('saves the whole answer set with the last revision after a pause, and shows the new projection', async () => {
    const after = buildSelfAssessment({
      revision: 5,
      answers: { ...buildSelfAssessment().answers, 'A1.2': 'A1.2/3', C1: 'C1/3' },
      score: { ...buildSelfAssessment().score, total: 67, stars: 4, unmetMinima: [] },
      plan: null,
    });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET ${PATH}`]: () => jsonResponse(buildSelfAssessment()),
      [`PUT ${PATH}`]: () => jsonResponse(after),
    });
    await openPage();
    fireEvent.click(screen.getByTestId('sa-apply-plan'));
    expect(screen.getByTestId('sa-save-status').textContent).toBe('Đang lưu…');
    await waitFor(() => expect(screen.getByTestId('sa-stars').textContent).toBe('4 sao'), { timeout: 3000 });
    const puts = requests.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual({ criteriaVersionId: VERSION_ID, answers: after.answers, revision: 4 });
    expect(puts[0]?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(screen.getByTestId('sa-plan').textContent).toContain('đã ở hạng sao cao nhất');
    expect(screen.queryByTestId('unmet-A1.2')).toBeNull();
  });

  it('reloads the newest answers and says so when another save got there first (409)', async () => {
    let reads = 0;
    const newer = buildSelfAssessment({ revision: 6, answers: { ...buildSelfAssessment().answers, 'A1.1': 'A1.1/1' } });
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET ${PATH}`]: () => jsonResponse(reads++ === 0 ? buildSelfAssessment() : newer),
      [`PUT ${PATH}`]: () => problemResponse(409, 'self_assessment.stale_revision', 'stale', { details: { revision: 6 } }),
    });
    await openPage();
    const criterion = screen.getByTestId('criterion-A1.1');
    fireEvent.click(within(criterion).getByRole('radio', { name: /Mức 2 của A1.1/ }));
    await screen.findByTestId('sa-reloaded', {}, { timeout: 3000 });
    const kept = within(criterion).getByRole('radio', { name: /Mức 1 của A1.1/ }) as HTMLInputElement;
    expect(kept.checked).toBe(true);
  });

  it('is read-only for a province officer: disabled choices, a note, no way to apply the plan', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${PATH}`]: () => jsonResponse(buildSelfAssessment({ canEdit: false })),
    });
    await openPage();
    expect((await screen.findByTestId('sa-read-only')).textContent).toContain('Chỉ xem');
    const radios = screen
      .getAllByTestId(/^criterion-/)
      .flatMap((criterion) => within(criterion).getAllByRole('radio')) as HTMLInputElement[];
    expect(radios.length).toBe(11);
    expect(radios.every((radio) => radio.disabled)).toBe(true);
    expect(screen.queryByTestId('sa-apply-plan')).toBeNull();
    expect(screen.getByTestId('unmet-A1.2')).toBeTruthy();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('says the sheet changed when the answers were given to another version', async () => {
    const view: SelfAssessmentView = buildSelfAssessment({ answersFromOtherVersion: true });
    stubFetch({ 'GET /api/auth/me': () => jsonResponse(MEMBER), [`GET ${PATH}`]: () => jsonResponse(view) });
    await openPage();
    expect(await screen.findByText(/Phiếu chấm điểm đã thay đổi từ lần lưu trước/)).toBeTruthy();
  });
});
