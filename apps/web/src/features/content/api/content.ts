import type {
  ContentFileView,
  ContentItemView,
  ContentListQuery,
  ContentPageView,
  CreateContentBody,
  UpdateContentBody,
} from '@ocop/contracts/content';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';

const BASE = '/api/content/items';
export const CONTENT_QUERY_KEY = ['content'] as const;

export function useContentList(query: Partial<ContentListQuery>) {
  return useQuery({
    queryKey: [...CONTENT_QUERY_KEY, 'list', query],
    queryFn: () => api.get<ContentPageView>(BASE, { query }),
  });
}

export function useContentItem(itemId: string | undefined) {
  return useQuery({
    queryKey: [...CONTENT_QUERY_KEY, 'item', itemId],
    queryFn: () => api.get<ContentItemView>(`${BASE}/${itemId}`),
    enabled: Boolean(itemId),
  });
}

/** After any change the item is answered whole: it replaces the cached one, and the lists are read again. */
function useItemMutation<Input>(send: (input: Input) => Promise<ContentItemView>) {
  const queryClient = useQueryClient();
  return useMutation<ContentItemView, ApiError, Input>({
    mutationFn: send,
    onSuccess: async (item) => {
      queryClient.setQueryData([...CONTENT_QUERY_KEY, 'item', item.id], item);
      await queryClient.invalidateQueries({ queryKey: [...CONTENT_QUERY_KEY, 'list'] });
    },
  });
}

export const useCreateContent = () => useItemMutation((body: CreateContentBody) => api.post<ContentItemView>(BASE, body));

export const useUpdateContent = () =>
  useItemMutation(({ id, body }: { id: string; body: UpdateContentBody }) => api.put<ContentItemView>(`${BASE}/${id}`, body));

export const useContentStep = () =>
  useItemMutation(({ id, action, version }: { id: string; action: 'publish' | 'unpublish'; version: number }) =>
    api.post<ContentItemView>(`${BASE}/${id}/${action}`, { version }),
  );

/** Files change the item's file list (and its cover): the item is read again. */
export function useContentFiles(itemId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...CONTENT_QUERY_KEY, 'item', itemId] });
  const upload = useMutation<ContentFileView, ApiError, { file: File; purpose: 'attachment' | 'image' }>({
    mutationFn: ({ file, purpose }) => {
      const form = new FormData();
      form.append('purpose', purpose);
      form.append('file', file);
      return api.post<ContentFileView>(`${BASE}/${itemId}/files`, undefined, { form });
    },
    onSuccess: refresh,
  });
  const remove = useMutation<unknown, ApiError, { fileId: string }>({
    mutationFn: ({ fileId }) => api.delete(`${BASE}/${itemId}/files/${fileId}`),
    onSuccess: refresh,
  });
  return { upload, remove };
}
