import type { LoginBody, MeView, UserView } from '@ocop/contracts/identity';
import { administeredProvinces } from '@ocop/domain/identity';
import { type Capability, can, reachOf } from '@ocop/domain/shared';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api, isApiError, setCsrfToken } from './api-client';

/**
 * The session as the web app sees it: `GET /api/auth/me` cached under one query key. `null`
 * means "not logged in"; the route guards read it and send the user to /login.
 */
export const ME_QUERY_KEY = ['auth', 'me'] as const;

export async function getMe(): Promise<MeView | null> {
  try {
    const me = await api.get<MeView>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: getMe,
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

/** The logged-in user; only for components rendered behind the auth guard. */
export function useCurrentUser(): MeView {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser needs a logged-in user (render it behind <RequireAuth>).');
  return data;
}

export async function logIn(body: LoginBody): Promise<MeView> {
  const me = await api.post<MeView>('/api/auth/login', body);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation<MeView, ApiError, LoginBody>({
    mutationFn: logIn,
    onSuccess: (me) => {
      sessionEndReason = null;
      // Another user's cached lists must not leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

export async function logOut(): Promise<void> {
  await api.post<{ ok: true }>('/api/auth/logout');
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: logOut,
    // Whatever the server says, this browser forgets the session.
    onSettled: () => endSession(queryClient, null),
  });
}

let sessionEndReason: string | null = null;

/** Forgets the session locally; the guards then show the login page. */
export function endSession(queryClient: QueryClient, reason: string | null): void {
  sessionEndReason = reason;
  setCsrfToken(null);
  queryClient.setQueryData(ME_QUERY_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
}

/** Why the last session ended (an error code such as `auth.session_expired`), read once. */
export function takeSessionEndReason(): string | null {
  const reason = sessionEndReason;
  sessionEndReason = null;
  return reason;
}

/** The handler the api client calls on a 401: the session is over, whatever the call was. */
export function createUnauthorizedHandler(queryClient: QueryClient) {
  return (error: ApiError) => {
    const hadSession = Boolean(queryClient.getQueryData(ME_QUERY_KEY));
    endSession(queryClient, hadSession ? error.code : null);
  };
}

export function canAdministerUsers(user: Pick<UserView, 'roles'>): boolean {
  return can(user.roles, 'users.manage');
}

export function canReadAudit(user: Pick<UserView, 'roles'>): boolean {
  return can(user.roles, 'audit.read');
}

/** Whether the capability reaches every province: such a user chooses the province to work in. */
export function reachesEveryProvince(user: Pick<UserView, 'roles'>, capability: Capability): boolean {
  return reachOf(user.roles, capability) === 'all';
}

/** The province an administrator works in by default: their own, else the first they run, else Sơn La. */
export function homeProvinceCode(user: Pick<UserView, 'roles' | 'provinceCode'>): string {
  if (user.provinceCode) return user.provinceCode;
  const administered = administeredProvinces(user.roles);
  if (administered !== 'all' && administered[0]) return administered[0];
  const anyProvince = user.roles.find((grant) => grant.provinceCode)?.provinceCode;
  return anyProvince ?? DEFAULT_PROVINCE_CODE;
}

export const DEFAULT_PROVINCE_CODE = '14';

/** Helps pages tell a "must change password first" answer from other refusals. */
export function isPasswordChangeRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'auth.password_change_required';
}
