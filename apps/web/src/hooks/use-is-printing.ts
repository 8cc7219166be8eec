import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

// One store for the whole page, so that a component first mounted *because* we are printing (a
// hidden tab panel) reads `true` straight away rather than waiting for the next event.
let printing = false;
const listeners = new Set<() => void>();

function setPrinting(value: boolean): void {
  printing = value;
  // The browser lays out the printout as soon as `beforeprint` listeners return: render now.
  flushSync(() => {
    for (const listener of listeners) listener();
  });
}

const onBeforePrint = () => setPrinting(true);
const onAfterPrint = () => setPrinting(false);

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    }
  };
}

/** True while the browser prepares to print, so that folded content can be expanded for paper. */
export function useIsPrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}
