import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../testing/fetch-stub';
import { ApiError, api, CLIENT_ERROR_CODES, setApiLanguage, setCsrfToken, setUnauthorizedHandler } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
  setApiLanguage('vi');
});

describe('apiRequest', () => {
  it('turns a problem+json answer into an ApiError carrying the code, status, details and request id', async () => {
    stubFetch({
      'POST /api/auth/login': () =>
        problemResponse(429, 'auth.throttled', 'Too many failed logins.', {
          details: { retryAfterSeconds: 840, minutes: 14, retryAtLocal: '10:45' },
          requestId: 'req-42',
        }),
    });

    const error = await api.post('/api/auth/login', { login: 'a@b.vn', password: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(429);
    expect(apiError.code).toBe('auth.throttled');
    expect(apiError.message).toBe('Too many failed logins.');
    expect(apiError.details).toEqual({ retryAfterSeconds: 840, minutes: 14, retryAtLocal: '10:45' });
    expect(apiError.requestId).toBe('req-42');
  });

  it('returns the parsed JSON of a successful answer', async () => {
    stubFetch({ 'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]) });
    await expect(api.get('/api/provinces/served')).resolves.toEqual([{ code: '14', name: 'Tỉnh Sơn La' }]);
  });

  it('sends the CSRF token on state-changing requests only, and the language on every request', async () => {
    const { requests } = stubFetch({
      'GET /api/users': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      'POST /api/users/u1/disable': () => jsonResponse({}),
    });
    setCsrfToken('token-abc');
    setApiLanguage('en');

    await api.get('/api/users', { query: { q: 'Minh', provinceCode: '14', page: 1, empty: '', missing: undefined } });
    await api.post('/api/users/u1/disable');

    const [get, post] = requests;
    expect(get?.headers.get('x-csrf-token')).toBeNull();
    expect(get?.headers.get('accept-language')).toBe('en');
    expect(Object.fromEntries(get?.search ?? [])).toEqual({ q: 'Minh', provinceCode: '14', page: '1' });
    expect(post?.method).toBe('POST');
    expect(post?.headers.get('x-csrf-token')).toBe('token-abc');
    expect(post?.headers.get('content-type')).toBeNull();
  });

  it('reports a 401 to the session handler, except for the login call itself', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    stubFetch({
      'GET /api/users': () => problemResponse(401, 'auth.session_expired', 'Session expired.'),
      'POST /api/auth/login': () => problemResponse(401, 'auth.invalid_credentials', 'Wrong login or password.'),
    });

    await expect(api.get('/api/users')).rejects.toMatchObject({ status: 401, code: 'auth.session_expired' });
    await expect(api.post('/api/auth/login', {})).rejects.toMatchObject({ code: 'auth.invalid_credentials' });

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toMatchObject({ code: 'auth.session_expired' });
  });

  it('names a network failure and a non-problem error answer with client codes', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 0, code: CLIENT_ERROR_CODES.network });

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 502, code: CLIENT_ERROR_CODES.badResponse });
  });
});
