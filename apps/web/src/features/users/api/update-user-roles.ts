import type { RoleGrantBody, UserView } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

export type UpdateUserRolesInput = { userId: string; roles: RoleGrantBody[] };

export function updateUserRoles({ userId, roles }: UpdateUserRolesInput): Promise<UserView> {
  return api.put<UserView>(`/api/users/${encodeURIComponent(userId)}/roles`, { roles });
}

export function useUpdateUserRoles() {
  const queryClient = useQueryClient();
  return useMutation<UserView, ApiError, UpdateUserRolesInput>({
    mutationFn: updateUserRoles,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
