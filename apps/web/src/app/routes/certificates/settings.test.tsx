// @vitest-environment happy-dom
import type { CertificationSettingsView } from '@ocop/contracts/certification';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const ADMIN = buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] });
const PATH = '/api/certification/settings/14';

function settings(overrides: Partial<CertificationSettingsView> = {}): CertificationSettingsView {
  return {
    provinceCode: '14',
    numberPattern: '{seq}/GCN-OCOP-{province}-{year}',
    expiringWindowDays: 180,
    revision: 2,
    example: '7/GCN-OCOP-14-2026',
    ...overrides,
  };
}

describe('the numbering settings', () => {
  it('saves over the revision read, shows the server’s next number, and says when someone else saved first', async () => {
    let puts = 0;
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(ADMIN),
      [`GET ${PATH}`]: () => jsonResponse(settings(puts > 1 ? { revision: 4, numberPattern: '{seq}/X-{year}' } : {})),
      [`PUT ${PATH}`]: () => {
        puts += 1;
        return puts === 1
          ? jsonResponse(settings({ numberPattern: '{seq:3}/GCN-{year}', revision: 3, example: '007/GCN-2026' }))
          : problemResponse(409, 'certificate.settings_changed_concurrently', 'changed');
      },
    });
    renderApp('/certificates/settings');

    expect((await screen.findByTestId('settings-example', {}, { timeout: 10_000 })).textContent).toBe('7/GCN-OCOP-14-2026');
    expect(screen.getByTestId('placeholder-help').textContent).toContain('{seq:3}: số thứ tự đủ 3 chữ số');

    fireEvent.change(screen.getByTestId('settings-pattern'), { target: { value: 'GCN-{year}' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText(/Mẫu số giấy chứng nhận không hợp lệ \(seq_missing\)/)).toBeTruthy();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);

    fireEvent.change(screen.getByTestId('settings-pattern'), { target: { value: '{seq:3}/GCN-{year}' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('settings-example').textContent).toBe('007/GCN-2026'));
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({
      numberPattern: '{seq:3}/GCN-{year}',
      expiringWindowDays: 180,
      revision: 2,
    });

    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByTestId('settings-conflict')).toBeTruthy();
    expect(screen.getByTestId('settings-conflict').textContent).toContain('đã bị người khác thay đổi');
    expect(requests.filter((request) => request.method === 'PUT').at(-1)?.body).toMatchObject({ revision: 3 });
    await waitFor(() => expect((screen.getByTestId('settings-pattern') as HTMLInputElement).value).toBe('{seq}/X-{year}'));
  });
});
