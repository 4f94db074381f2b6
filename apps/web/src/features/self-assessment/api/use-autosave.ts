import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { SELF_ASSESSMENT_QUERY_KEY, saveSelfAssessment, selfAssessmentQueryOptions } from './self-assessment';

export const AUTOSAVE_DELAY_MS = 500;

type Answers = Record<string, string>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string | null }
  /** Someone saved meanwhile (or the sheet changed): the newest answers were reloaded. */
  | { kind: 'reloaded' }
  | { kind: 'failed'; error: unknown };

const CONFLICTS = new Set(['self_assessment.stale_revision', 'self_assessment.other_version']);

/**
 * The answers on screen and their draft on the server: every change is kept locally at once and
 * saved after a pause, one save at a time (changes made during a save go in the next one, with the
 * revision the last save returned). A 409 reloads the newest answers instead of overwriting them.
 */
export function useAutosave(view: SelfAssessmentView, target: number | undefined) {
  const queryClient = useQueryClient();
  const productId = view.product.id;
  const [answers, setAnswers] = useState<Answers>(view.answers);
  const [state, setState] = useState<SaveState>(view.updatedAt ? { kind: 'saved', at: view.updatedAt } : { kind: 'idle' });
  const live = useRef({ answers: view.answers, revision: view.revision, versionId: view.version.id, target, dirty: false, saving: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  live.current.target = target;

  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...selfAssessmentQueryOptions(productId, live.current.target), staleTime: 0 });
    Object.assign(live.current, { answers: fresh.answers, revision: fresh.revision, versionId: fresh.version.id, dirty: false });
    setAnswers(fresh.answers);
    setState({ kind: 'reloaded' });
  }, [queryClient, productId]);

  const flush = useCallback(async (): Promise<void> => {
    const now = live.current;
    if (now.saving || !now.dirty) return;
    now.saving = true;
    now.dirty = false;
    setState({ kind: 'saving' });
    const { target: savedTarget } = now;
    try {
      const saved = await saveSelfAssessment(
        productId,
        { criteriaVersionId: now.versionId, answers: now.answers, revision: now.revision },
        savedTarget,
      );
      now.revision = saved.revision;
      const key = selfAssessmentQueryOptions(productId, savedTarget).queryKey;
      queryClient.setQueryData(key, saved);
      // Plans to other targets were computed from older answers.
      queryClient.removeQueries({
        queryKey: [...SELF_ASSESSMENT_QUERY_KEY, productId],
        predicate: (query) => query.queryKey[2] !== key[2],
      });
      now.saving = false;
      if (now.dirty) return await flush();
      setState({ kind: 'saved', at: saved.updatedAt });
    } catch (error) {
      now.saving = false;
      if (isApiError(error) && error.status === 409 && CONFLICTS.has(error.code)) {
        await reload().catch((reloadError: unknown) => setState({ kind: 'failed', error: reloadError }));
        return;
      }
      setState({ kind: 'failed', error });
    }
  }, [productId, queryClient, reload]);

  const change = useCallback(
    (next: Answers) => {
      Object.assign(live.current, { answers: next, dirty: true });
      setAnswers(next);
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      // A failed save shows in `state`; the promise itself has nothing left to handle.
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the page within the pause still saves the last change.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (live.current.dirty) void flush();
    },
    [flush],
  );

  return { answers, state, change };
}
