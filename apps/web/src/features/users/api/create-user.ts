import type { CreateUserBody, UserView } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { USERS_QUERY_KEY } from './list-users';

export function createUser(body: CreateUserBody): Promise<UserView> {
  return api.post<UserView>('/api/users', body);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation<UserView, ApiError, CreateUserBody>({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
