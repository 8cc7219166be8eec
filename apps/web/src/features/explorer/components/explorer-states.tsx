/** While the framework loads: the page's outline in grey, announced once as busy. */
export function ExplorerLoading() {
  return (
    <div className="explorer-loading" role="status" aria-busy="true" aria-live="polite">
      <p className="explorer-loading__text">Loading framework…</p>
      <div className="skeleton skeleton--title" aria-hidden="true" />
      <div className="skeleton skeleton--line" aria-hidden="true" />
      <div className="skeleton skeleton--line skeleton--short" aria-hidden="true" />
      <div className="skeleton-grid" aria-hidden="true">
        <div className="skeleton skeleton--card" />
        <div className="skeleton skeleton--card" />
        <div className="skeleton skeleton--card" />
        <div className="skeleton skeleton--card" />
      </div>
    </div>
  );
}

/** No framework has been published yet: say so, and who can fix it. */
export function ExplorerEmpty() {
  return (
    <section className="state-panel" aria-labelledby="explorer-empty-heading">
      <h1 id="explorer-empty-heading" className="state-panel__heading">
        No frameworks published yet
      </h1>
      <p className="state-panel__detail">
        A platform administrator publishes framework versions. Once one is published, its pillars,
        criteria and levels appear here.
      </p>
    </section>
  );
}
