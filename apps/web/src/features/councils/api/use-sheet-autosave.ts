import type { MySheetView } from '@ocop/contracts/councils';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { mySheetQueryOptions, saveMySheet, submitMySheet } from './scoring';

export const SHEET_AUTOSAVE_DELAY_MS = 600;

type Texts = Record<string, string>;

export type SheetSaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** The sheet changed elsewhere (another tab or device): the newest answers were reloaded. */
  | { kind: 'reloaded' }
  | { kind: 'failed'; error: unknown };

const RELOAD_CODES = new Set(['scoring.stale_revision', 'scoring.sheet_submitted', 'scoring.conflict_declared', 'scoring.not_open']);
/** A refusal that means the server holds a newer sheet: it is reloaded instead of saved over. */
const meansReload = (error: unknown) => isApiError(error) && error.status === 409 && RELOAD_CODES.has(error.code);

/**
 * A member's answers and comments on screen and their draft on the server: every change shows at
 * once and is saved after a pause, one save at a time, with the revision the last save returned.
 * A 409 reloads the newest sheet instead of overwriting it.
 */
export function useSheetAutosave(view: MySheetView) {
  const queryClient = useQueryClient();
  const dossierId = view.dossierId;
  const [answers, setAnswers] = useState<Texts>(view.answers);
  const [comments, setComments] = useState<Texts>(view.comments);
  const [sheet, setSheet] = useState<MySheetView>(view);
  const [state, setState] = useState<SheetSaveState>(view.status === 'none' ? { kind: 'idle' } : { kind: 'saved' });
  const live = useRef({ answers: view.answers, comments: view.comments, revision: view.revision, dirty: false, saving: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);

  const adopt = useCallback(
    (fresh: MySheetView) => {
      Object.assign(live.current, { answers: fresh.answers, comments: fresh.comments, revision: fresh.revision, dirty: false });
      setAnswers(fresh.answers);
      setComments(fresh.comments);
      setSheet(fresh);
      queryClient.setQueryData(mySheetQueryOptions(dossierId).queryKey, fresh);
    },
    [queryClient, dossierId],
  );

  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...mySheetQueryOptions(dossierId), staleTime: 0 });
    adopt(fresh);
    setState({ kind: 'reloaded' });
  }, [queryClient, dossierId, adopt]);

  const handleFailure = useCallback(
    async (error: unknown) => {
      if (meansReload(error)) {
        await reload().catch((reloadError: unknown) => setState({ kind: 'failed', error: reloadError }));
        return;
      }
      setState({ kind: 'failed', error });
    },
    [reload],
  );

  /** Saves what is pending; false when a save failed (its changes stay pending for the next try). */
  const saveNow = useCallback(async (): Promise<boolean> => {
    const now = live.current;
    if (now.saving || !now.dirty) return true;
    now.saving = true;
    now.dirty = false;
    setState({ kind: 'saving' });
    try {
      const saved = await saveMySheet(dossierId, { answers: now.answers, comments: now.comments, revision: now.revision });
      now.revision = saved.revision;
      now.saving = false;
      setSheet(saved);
      queryClient.setQueryData(mySheetQueryOptions(dossierId).queryKey, saved);
      if (now.dirty) return await saveNow();
      setState({ kind: 'saved' });
      return true;
    } catch (error) {
      now.saving = false;
      // Unsaved is still unsaved (a dropped connection, a 5xx): the next change, or the submit, sends it again.
      // A 409 reloads the newest sheet instead, which replaces these changes.
      if (!meansReload(error)) now.dirty = true;
      await handleFailure(error);
      return false;
    }
  }, [dossierId, queryClient, handleFailure]);

  /** Saves now; false when a save failed and changes are left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!running.current)
      running.current = saveNow().finally(() => {
        running.current = null;
      });
    const saved = await running.current;
    if (!saved) return false;
    // A change made while that save ran goes now.
    if (live.current.dirty) return flush();
    return true;
  }, [saveNow]);

  const schedule = useCallback(() => {
    live.current.dirty = true;
    setState({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    // A failed save shows in `state`; the promise itself has nothing left to handle.
    timer.current = setTimeout(() => void flush(), SHEET_AUTOSAVE_DELAY_MS);
  }, [flush]);

  const answer = useCallback(
    (criterionCode: string, optionId: string) => {
      const next = { ...live.current.answers, [criterionCode]: optionId };
      live.current.answers = next;
      setAnswers(next);
      schedule();
    },
    [schedule],
  );

  const comment = useCallback(
    (criterionCode: string, text: string) => {
      const next = { ...live.current.comments, [criterionCode]: text };
      if (!text) delete next[criterionCode];
      live.current.comments = next;
      setComments(next);
      schedule();
    },
    [schedule],
  );

  /** Saves what is pending, then submits over the revision that save returned; never over unsaved changes. */
  const submit = useCallback(async (): Promise<boolean> => {
    if (!(await flush()) || live.current.dirty) return false;
    try {
      const submitted = await submitMySheet(dossierId, live.current.revision);
      adopt(submitted);
      setState({ kind: 'saved' });
      return true;
    } catch (error) {
      await handleFailure(error);
      return false;
    }
  }, [flush, dossierId, adopt, handleFailure]);

  // Leaving the page within the pause still saves the last change.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (live.current.dirty) void saveNow(); // its failure has no screen left to show on
    },
    [saveNow],
  );

  return { answers, comments, sheet, state, answer, comment, submit };
}
