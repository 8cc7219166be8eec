import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { MAIN_CONTENT_ID } from '../../components/layouts/app-layout';
import { mainHeading } from '../../lib/focus';

/** How long to wait for a page's heading (its code and data may still be loading). */
export const HEADING_WAIT_MS = 10_000;

/** A loading page shows a spinner whose label may sit in an h1-less panel: wait for the real one. */
function isLoading(): boolean {
  return (
    document
      .getElementById(MAIN_CONTENT_ID)
      ?.querySelector('.loading-state:not(.loading-state--compact)') != null
  );
}

/**
 * After every move to another page (a link, Next/Previous, the browser's back button), focus goes
 * to the new page's main heading and its title is announced politely, as a full page load would
 * do for a screen reader (issue 8, point 3). One mechanism for every route, in the root layout; a
 * page only needs an `h1` and a `<title>`. Focus is left alone when the user has already moved it
 * somewhere else on the new page, and on the first load (the browser handles that).
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const first = previous.current === null;
    const changed = previous.current !== pathname;
    previous.current = pathname;
    if (first || !changed) return;

    // What had focus when the page changed (the link that was followed, say): focus may be taken
    // from it, or from nowhere (`body`), but not from anything the user focused since.
    const focusedAtStart = document.activeElement;
    let done = false;
    const settle = () => {
      if (done) return;
      const heading = mainHeading();
      if (!heading || isLoading()) return;
      done = true;
      const active = document.activeElement;
      const untouched =
        active === null ||
        active === document.body ||
        active === focusedAtStart ||
        !active.isConnected;
      if (untouched) heading.focus({ preventScroll: true });
      // The page's `<title>` is hoisted by React as the page renders.
      setAnnouncement(document.title);
    };
    const main = document.getElementById(MAIN_CONTENT_ID);
    const observer = new MutationObserver(settle);
    if (main) observer.observe(main, { childList: true, subtree: true, attributes: true });
    const giveUp = setTimeout(() => {
      done = true;
      observer.disconnect();
    }, HEADING_WAIT_MS);
    // The new page may already be there (a page whose code and data were cached).
    queueMicrotask(settle);
    return () => {
      done = true;
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [pathname]);

  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-route-announcer="">
      {announcement}
    </p>
  );
}
