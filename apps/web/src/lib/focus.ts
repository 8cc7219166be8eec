/**
 * Where focus goes when the element that had it goes away (a button that disappears after its
 * action, a dialog whose opener is gone): the first of the given candidates that is still on the
 * page, else the page's main heading, never `body` (issue 8, point 3).
 */

const MAIN_ID = 'main-content';

/** The page's main heading (the first `h1` in `<main>`), made focusable but kept out of Tab. */
export function mainHeading(): HTMLElement | null {
  const heading = document.getElementById(MAIN_ID)?.querySelector<HTMLElement>('h1') ?? null;
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

type Candidate = HTMLElement | string | null | undefined;

/** Focuses the first candidate (an element or an element id) still on the page, else the `h1`. */
export function focusNearest(...candidates: Candidate[]): HTMLElement | null {
  for (const candidate of candidates) {
    const element = typeof candidate === 'string' ? document.getElementById(candidate) : candidate;
    if (element?.isConnected && !element.hasAttribute('disabled')) {
      if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
      element.focus();
      return element;
    }
  }
  const heading = mainHeading();
  heading?.focus();
  return heading;
}
