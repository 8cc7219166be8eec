/**
 * A wide table's frame: it scrolls sideways on a narrow screen, and is focusable and named so
 * that keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="nw-table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
