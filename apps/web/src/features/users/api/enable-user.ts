import type { UserView } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

export function enableUser(userId: string): Promise<UserView> {
  return api.post<UserView>(`/api/users/${encodeURIComponent(userId)}/enable`);
}

export function useEnableUser() {
  const queryClient = useQueryClient();
  return useMutation<UserView, ApiError, string>({
    mutationFn: enableUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
