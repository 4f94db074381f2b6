import { vi } from 'vitest';

export type RecordedRequest = {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The multipart form of an upload. */
  form?: FormData;
};

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** The server's error answer: RFC 7807 problem JSON with the stable `code`. */
export function problemResponse(
  status: number,
  code: string,
  detail: string,
  extra: { details?: Record<string, unknown>; requestId?: string } = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, detail, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

/**
 * Replaces `fetch` with a table of routes ("GET /api/auth/me" → handler). Unknown routes answer
 * 404 `route.not_found`, as the server does, so a test sees a request it did not plan for.
 */
export function stubFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const rawBody = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      search: url.searchParams,
      headers: new Headers(init.headers),
      body: rawBody ? (JSON.parse(rawBody) as unknown) : undefined,
      form: init.body instanceof FormData ? init.body : undefined,
    };
    requests.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return problemResponse(404, 'route.not_found', `No route ${method} ${url.pathname}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}
