// The one draft every citizen form keeps: restored on opening, saved to IndexedDB (draft-store,
// which expires drafts after DRAFT_MAX_AGE_DAYS) as the person types, flushed at once on
// pagehide/visibilitychange (use-autosave), and dropped once sent. The draft carries the
// submission id, so a retry after a reload is still recorded once.
import { useEffect, useState } from 'preact/hooks';
import { clearDraft, draftsAvailable, loadDraft, saveDraft, stashDraft } from '../draft-store';
import { useAutosave } from '../use-autosave';
import { newSubmissionId } from './send';

/** What a form stored; the submission id is kept beside it (the stored shape stays flat). */
type Stored<T> = T & { submissionId: string };

export interface DraftHandle {
  /** False until the draft (or its absence) is known: the form shows nothing to type into before. */
  ready: boolean;
  /** When the restored draft was saved, or null when the form started empty. */
  restoredAt: number | null;
  /** This submission's id: the draft's, or a new one. */
  submissionId: string;
  /** Whether this browser can keep a draft at all (the form says so only when it can). */
  available: boolean;
  /** Deletes the draft and starts a new submission (the person chose to start again). */
  discard: () => Promise<void>;
  /** Deletes the draft after the server has taken the submission; saving stops. */
  finish: () => void;
}

export function useDraft<T extends object>(
  key: string,
  current: { data: T; files?: Record<string, File | null> },
  restore: (data: Partial<T>, files: Record<string, File>) => void,
): DraftHandle {
  const [ready, setReady] = useState(false);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [submissionId, setSubmissionId] = useState('');
  const [finished, setFinished] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void loadDraft<Stored<T>>(key).then((draft) => {
      if (cancelled) return;
      if (draft && typeof draft.data.submissionId === 'string' && draft.data.submissionId) {
        const files: Record<string, File> = {};
        for (const [name, f] of Object.entries(draft.files)) files[name] = new File([f.blob], f.name, { type: f.type });
        restore(draft.data, files);
        setSubmissionId(draft.data.submissionId);
        setRestoredAt(draft.savedAt);
      } else {
        setSubmissionId(newSubmissionId());
      }
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const stored = (): Stored<T> => ({ ...current.data, submissionId });
  const files = current.files ?? {};
  useAutosave(
    () => void saveDraft(key, stored(), files),
    [...Object.values(current.data), ...Object.values(files), submissionId],
    ready && !finished,
    () => stashDraft(key, stored()),
  );

  return {
    ready,
    restoredAt,
    submissionId,
    available: draftsAvailable(),
    discard: async () => {
      await clearDraft(key);
      setRestoredAt(null);
      setSubmissionId(newSubmissionId());
    },
    finish: () => {
      setFinished(true);
      void clearDraft(key);
    },
  };
}
