// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe } from '../../testing/fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

async function submitLogin(login: string, password: string) {
  const loginInput = await screen.findByLabelText('Email hoặc số điện thoại', {}, { timeout: 10_000 });
  expect(loginInput.id).toBe('login');
  fireEvent.change(loginInput, { target: { value: login } });
  fireEvent.change(document.querySelector('#password') as HTMLInputElement, { target: { value: password } });
  const submit = screen.getByRole('button', { name: 'Đăng nhập' });
  expect(submit.getAttribute('type')).toBe('submit');
  fireEvent.click(submit);
}

describe('login page', () => {
  it('shows the Vietnamese text for auth.invalid_credentials', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => problemResponse(401, 'auth.required', 'Please log in.'),
      'POST /api/auth/login': () => problemResponse(401, 'auth.invalid_credentials', 'Wrong login or password.'),
    });
    renderApp('/login');

    await submitLogin(' canbo@sonla.gov.vn ', 'sai-mat-khau');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    const login = requests.find((r) => r.method === 'POST' && r.path === '/api/auth/login');
    expect(login?.body).toEqual({ login: 'canbo@sonla.gov.vn', password: 'sai-mat-khau' });
    expect(login?.headers.get('accept-language')).toBe('vi');
  });

  it('fills the throttling message from the error details', async () => {
    stubFetch({
      'GET /api/auth/me': () => problemResponse(401, 'auth.required', 'Please log in.'),
      'POST /api/auth/login': () =>
        problemResponse(429, 'auth.throttled', 'Too many.', { details: { minutes: 15, retryAtLocal: '10:45', retryAfterSeconds: 900 } }),
    });
    renderApp('/login');

    await submitLogin('0912345678', 'x');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Vui lòng thử lại sau 15 phút (sau 10:45)');
  });

  it('opens the home page after a successful login', async () => {
    let loggedIn = false;
    stubFetch({
      'GET /api/auth/me': () => (loggedIn ? jsonResponse(buildMe()) : problemResponse(401, 'auth.required', 'Please log in.')),
      'POST /api/auth/login': () => {
        loggedIn = true;
        return jsonResponse(buildMe());
      },
    });
    const { location } = renderApp('/login');

    await submitLogin('minh@sonla.gov.vn', 'dung-mat-khau');

    expect(await screen.findByText('Xin chào, Lò Văn Minh!', {}, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(location().pathname).toBe('/'));
  });
});
