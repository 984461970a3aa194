/**
 * For an island whose server HTML is already right: true while React hydrates it (and from then
 * on, until `release()`), false when it mounts after client-side navigation, where there is no
 * server HTML. While true, the island renders its container as
 * `dangerouslySetInnerHTML={{__html: ''}}` with suppressHydrationWarning: React neither walks nor
 * replaces an innerHTML subtree, so the server's nodes stay as they are, at no hydration cost.
 */
import {useCallback, useState} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';

export const KEPT_SERVER_HTML = {dangerouslySetInnerHTML: {__html: ''}, suppressHydrationWarning: true} as const;

export function useKeptServerHtml(): {kept: boolean; release: () => void} {
  const isBrowser = useIsBrowser();
  // Decided once, at the first render: false on the server and after client-side navigation.
  const [kept, setKept] = useState(() => typeof window !== 'undefined' && !isBrowser);
  const release = useCallback(() => setKept(false), []);
  return {kept, release};
}
