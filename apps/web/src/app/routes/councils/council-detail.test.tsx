// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  buildBrief,
  buildCouncil,
  buildScores,
  COUNCIL_ID,
  DOSSIER_2_ID,
  DOSSIER_ID,
  MEMBER_IDS,
  USER_IDS,
} from '../../../testing/council-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildUser, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';

const ADMIN = buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] });
const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const COUNCIL = `/api/evaluation/councils/${COUNCIL_ID}`;
const CANDIDATE = buildUser({
  id: USER_IDS[1] ?? '',
  fullName: 'Trần Thị Bình',
  email: 'binh@sonla.gov.vn',
  roles: [grant('council_member', { provinceCode: '14' })],
});

function roundDossiers() {
  return {
    items: [buildBrief(), buildBrief({ id: DOSSIER_2_ID, state: 'draft', product: { id: 'x', name: 'Mật ong bạc hà', code: null } })],
    total: 2,
    page: 1,
    pageSize: 200,
    counts: {},
  };
}

describe('a council’s page', () => {
  it('seats a council member picked from the province’s users', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(ADMIN),
      [`GET ${COUNCIL}`]: () => jsonResponse(buildCouncil()),
      'GET /api/evaluation/dossiers': () => jsonResponse(roundDossiers()),
      'GET /api/evaluation/council-candidates': () =>
        jsonResponse({ members: [{ id: CANDIDATE.id, fullName: CANDIDATE.fullName, email: CANDIDATE.email }], staff: [] }),
      [`POST ${COUNCIL}/members`]: () =>
        jsonResponse(
          buildCouncil({
            members: [
              ...buildCouncil().members,
              {
                id: MEMBER_IDS[1] ?? '',
                userId: USER_IDS[1] ?? '',
                fullName: 'Trần Thị Bình',
                title: null,
                position: 'member',
                department: 'health',
              },
            ],
          }),
        ),
    });
    renderApp(`/councils/${COUNCIL_ID}`);
    const members = await screen.findByTestId('members', {}, { timeout: 10_000 });
    expect(members.textContent).toContain('Nguyễn Văn An');
    expect(members.textContent).toContain('Sở Nông nghiệp và Môi trường');
    expect(members.textContent).toContain('Chủ tịch');

    const form = screen.getByTestId('add-member-form');
    await chooseOption(within(form).getByLabelText('Người dùng'), 'Trần Thị Bình — binh@sonla.gov.vn');
    await chooseOption(within(form).getByLabelText('Cơ quan'), 'Sở Y tế');
    fireEvent.click(screen.getByTestId('add-member'));
    await waitFor(() => expect(screen.getByTestId('members').textContent).toContain('Trần Thị Bình'));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      userId: USER_IDS[1],
      position: 'member',
      department: 'health',
      title: null,
    });
    expect(screen.getByTestId('members').textContent).toContain('Sở Y tế');
  });

  it('offers a province officer the province’s candidates, council members apart from staff', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${COUNCIL}`]: () => jsonResponse(buildCouncil()),
      'GET /api/evaluation/dossiers': () => jsonResponse(roundDossiers()),
      'GET /api/evaluation/council-candidates': () =>
        jsonResponse({ members: [], staff: [{ id: CANDIDATE.id, fullName: 'Lò Văn Thư', email: null }] }),
    });
    renderApp(`/councils/${COUNCIL_ID}`);
    const form = await screen.findByTestId('add-member-form', {}, { timeout: 10_000 });
    await chooseOption(within(form).getByLabelText('Người dùng'), 'Lò Văn Thư');
    expect(requests.some((request) => request.path === '/api/evaluation/council-candidates')).toBe(true);
  });

  it('assigns received dossiers of the round and shows their scoring progress', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${COUNCIL}`]: () => jsonResponse(buildCouncil()),
      'GET /api/evaluation/dossiers': () => jsonResponse(roundDossiers()),
      [`POST ${COUNCIL}/dossiers`]: () => jsonResponse(buildCouncil({ dossiers: [{ id: DOSSIER_ID, state: 'council_scoring' }] })),
      [`GET /api/evaluation/dossiers/${DOSSIER_ID}/scores`]: () => jsonResponse(buildScores()),
    });
    renderApp(`/councils/${COUNCIL_ID}`);
    fireEvent.click(await screen.findByTestId('assign-open', {}, { timeout: 10_000 }));
    const table = await screen.findByTestId('assign-table');
    // Only the received dossier is offered; the draft is not the council's to take.
    expect(table.textContent).toContain('Chè Shan tuyết Tà Xùa');
    expect(table.textContent).not.toContain('Mật ong bạc hà');
    const row = within(table).getByText('Chè Shan tuyết Tà Xùa').closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Giao 1 hồ sơ' }));
    await waitFor(() => expect(requests.some((request) => request.path === `${COUNCIL}/dossiers`)).toBe(true));
    expect(requests.find((request) => request.path === `${COUNCIL}/dossiers`)?.body).toEqual({ dossierIds: [DOSSIER_ID] });

    const progress = await screen.findByTestId(`progress-${DOSSIER_ID}`, {}, { timeout: 5000 });
    expect(progress.textContent).toBe('Đã nộp 3/3 phiếu');
    expect(screen.getByTestId(`average-${DOSSIER_ID}`).textContent).toBe('69,5');
    expect(screen.getByTestId('council-dossiers').textContent).toContain('Phiếu lệch: Lò Văn Cường');
    expect(screen.getByTestId('council-dossiers').textContent).toContain('Quàng Văn Em');
    expect(screen.getByTestId(`results-link-${DOSSIER_ID}`).getAttribute('href')).toBe(`/scoring/${DOSSIER_ID}/results`);
  });
});
