// One way every form keeps its draft: saved 400 ms after the last change, and at once when the
// page is hidden or left (a switch to the camera app, a reload, a closed tab), so a reload right
// after typing loses nothing. As the page goes away only a synchronous write survives, so `stash`
// (draft-store's stashDraft: the text, without files) runs then too.
import { useEffect, useRef } from 'preact/hooks';

export const AUTOSAVE_DELAY_MS = 400;

export function useAutosave(save: () => void, deps: readonly unknown[], enabled: boolean, stash?: () => void): void {
  const latest = useRef(save);
  latest.current = save;
  const latestStash = useRef(stash);
  latestStash.current = stash;
  const dirty = useRef(false);

  useEffect(() => {
    if (!enabled) {
      dirty.current = false;
      return;
    }
    dirty.current = true;
    const timer = setTimeout(() => {
      dirty.current = false;
      latest.current();
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, ...deps]);

  useEffect(() => {
    const flush = () => {
      if (!dirty.current) return;
      dirty.current = false;
      latestStash.current?.();
      latest.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
