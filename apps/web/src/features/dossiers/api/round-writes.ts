import type { CreateRoundBody, RoundView } from '@ocop/contracts/dossiers';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { ROUNDS_QUERY_KEY } from './dossier-queries';

export type Holiday = { day: string; name: string };

function useRoundMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation<O, ApiError, I>({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROUNDS_QUERY_KEY }),
  });
}

/** Opens the year's default rounds of the regime (Art. 5) not opened yet. */
export function useOpenDefaultRounds() {
  return useRoundMutation((body: { provinceCode: string; year: number }) => api.post<RoundView[]>('/api/evaluation/rounds/defaults', body));
}

export function useCreateRound() {
  return useRoundMutation((body: CreateRoundBody) => api.post<RoundView>('/api/evaluation/rounds', body));
}

export function useUpdateRound() {
  return useRoundMutation(({ roundId, ...body }: { roundId: string; status?: 'open' | 'closed'; name?: string }) =>
    api.patch<RoundView>(`/api/evaluation/rounds/${encodeURIComponent(roundId)}`, body),
  );
}

export function useHolidays(provinceCode: string, year: number) {
  return useQuery({
    queryKey: [...ROUNDS_QUERY_KEY, 'holidays', provinceCode, year],
    queryFn: () => api.get<Holiday[]>('/api/evaluation/holidays', { query: { provinceCode, year } }),
  });
}

export function useSaveHolidays() {
  return useRoundMutation((body: { provinceCode: string; year: number; holidays: Holiday[] }) =>
    api.put<Holiday[]>('/api/evaluation/holidays', body),
  );
}
