import type { UpdateUserBody, UserView } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

export type UpdateUserInput = { userId: string; changes: UpdateUserBody };

export function updateUser({ userId, changes }: UpdateUserInput): Promise<UserView> {
  return api.patch<UserView>(`/api/users/${encodeURIComponent(userId)}`, changes);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation<UserView, ApiError, UpdateUserInput>({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
