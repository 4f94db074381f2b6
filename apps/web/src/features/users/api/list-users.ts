import type { UserView } from '@ocop/contracts/identity';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type UserListFilter = { provinceCode?: string; q?: string; page: number; pageSize: number };

export type UserPage = { items: UserView[]; total: number; page: number; pageSize: number };

export function listUsers(filter: UserListFilter): Promise<UserPage> {
  return api.get<UserPage>('/api/users', { query: filter });
}

export const USERS_QUERY_KEY = ['users'] as const;

export function usersQueryOptions(filter: UserListFilter) {
  return queryOptions({
    queryKey: [...USERS_QUERY_KEY, 'list', filter],
    queryFn: () => listUsers(filter),
  });
}

export function useUsers(filter: UserListFilter) {
  return useQuery({ ...usersQueryOptions(filter), placeholderData: keepPreviousData });
}
