import type { UserView } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

export type ResetUserPasswordInput = { userId: string; temporaryPassword: string };

/** Sets a temporary password; the user must choose a new one at the next login. */
export function resetUserPassword({ userId, temporaryPassword }: ResetUserPasswordInput): Promise<UserView> {
  return api.post<UserView>(`/api/users/${encodeURIComponent(userId)}/password-reset`, { temporaryPassword });
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation<UserView, ApiError, ResetUserPasswordInput>({
    mutationFn: resetUserPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
