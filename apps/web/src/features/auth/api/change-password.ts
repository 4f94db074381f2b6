import type { changePasswordBody } from '@ocop/contracts/identity';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ApiError, api } from '../../../lib/api-client';
import { ME_QUERY_KEY } from '../../../lib/auth';

export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export function changePassword(body: ChangePasswordBody): Promise<{ ok: true }> {
  return api.post<{ ok: true }>('/api/auth/password', body);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation<{ ok: true }, ApiError, ChangePasswordBody>({
    mutationFn: changePassword,
    // The session now has mustChangePassword cleared (and maybe a fresh CSRF token): read it again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}
