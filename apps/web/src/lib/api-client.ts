import type { Language } from '@ocop/contracts/common';

/**
 * A failed API call: the server's RFC 7807 problem document (`code` is what the UI matches on),
 * or a stand-in code when the server could not be reached or did not answer with a problem.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Codes the client makes up itself when there is no problem document to read. */
export const CLIENT_ERROR_CODES = {
  network: 'client.network_unavailable',
  badResponse: 'client.bad_response',
} as const;

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A multipart upload; the browser sets its content type with the boundary. */
  form?: FormData;
  signal?: AbortSignal;
};

type ClientState = {
  language: Language;
  csrfToken: string | null;
  onUnauthorized: ((error: ApiError) => void) | null;
};

const state: ClientState = { language: 'vi', csrfToken: null, onUnauthorized: null };

/** Sent as `Accept-Language`, so the server's own texts (`detail`) come in the user's language. */
export function setApiLanguage(language: Language): void {
  state.language = language;
}

/** The token from `/api/auth/me` or the login answer; sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Called on a 401 from any call except the login itself: the session is gone. */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  state.onUnauthorized = handler;
}

const LOGIN_PATH = '/api/auth/login';

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isRecord(body) && typeof body.code === 'string') {
    const message = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : body.code;
    const details = isRecord(body.details) ? body.details : {};
    const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
    const status = typeof body.status === 'number' ? body.status : response.status;
    return new ApiError(status, body.code, message, details, requestId);
  }
  return new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `HTTP ${response.status} ${response.statusText}`.trim(), {
    status: response.status,
  });
}

/** Calls the API and returns the parsed JSON, or throws `ApiError`. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': state.language,
  };
  const hasBody = options.body !== undefined;
  if (hasBody && !options.form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (hasBody ? JSON.stringify(options.body) : undefined),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, cause instanceof Error ? cause.message : String(cause));
  }

  const body = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response, body);
    if (error.status === 401 && path !== LOGIN_PATH) state.onUnauthorized?.(error);
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  /** POSTs a multipart form (a file and its text fields), with the CSRF token like any change. */
  upload: <T>(path: string, form: FormData, options?: Omit<RequestOptions, 'body' | 'form'>) =>
    apiRequest<T>('POST', path, { ...options, form }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};
