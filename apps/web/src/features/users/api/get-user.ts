import type { UserView } from '@ocop/contracts/identity';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

export function getUser(userId: string): Promise<UserView> {
  return api.get<UserView>(`/api/users/${encodeURIComponent(userId)}`);
}

export function userQueryOptions(userId: string) {
  return queryOptions({
    queryKey: [...USERS_QUERY_KEY, 'detail', userId],
    queryFn: () => getUser(userId),
  });
}

export function useUser(userId: string | null) {
  return useQuery({ ...userQueryOptions(userId ?? ''), enabled: Boolean(userId) });
}
