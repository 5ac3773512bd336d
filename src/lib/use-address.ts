// Islands whose state lives in the address (filters, page): what the address asks for is loaded
// once the island runs (the page was built without it) and again on back and forward.
import { useEffect } from 'preact/hooks';

export function useAddress(follow: (search: string) => void, options: { now?: boolean; cancel?: () => void } = {}): void {
  useEffect(() => {
    if (options.now !== false) follow(window.location.search);
    const onPop = () => follow(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      options.cancel?.();
    };
  }, []);
}
