import type { UserView } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

/** Blocks the account from logging in; the server also ends its open sessions. */
export function disableUser(userId: string): Promise<UserView> {
  return api.post<UserView>(`/api/users/${encodeURIComponent(userId)}/disable`);
}

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation<UserView, ApiError, string>({
    mutationFn: disableUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
