import type { TFramework, TFrameworkSummary } from '@waymark/rubric';
import { lazy, Suspense } from 'react';
import { countLabel, formatDate, paragraphs } from '../../../lib/format';
import { ExampleProfile } from './example-profile';
import { FrameworkSwitcher } from './framework-switcher';
import { LevelLegend } from './level-legend';

interface FrameworkViewProps {
  framework: TFramework;
  publishedAt: string;
  summaries: readonly TFrameworkSummary[];
}

/**
 * The tabs and accordions (Radix) are the explorer's largest code after React and the router: they
 * are fetched while the framework itself loads (`FrameworkExplorer` starts this), instead of
 * holding up the first paint of every page (issue 7).
 */
export function loadPillarTabs() {
  return import('./pillar-tabs');
}
const PillarTabs = lazy(() => loadPillarTabs().then((m) => ({ default: m.PillarTabs })));

/** One framework version, read-only: its scale, an example result, and every pillar's criteria. */
export function FrameworkView({ framework, publishedAt, summaries }: FrameworkViewProps) {
  const criterionCount = framework.pillars.reduce((n, p) => n + p.criteria.length, 0);
  return (
    <article className="explorer">
      <title>{`${framework.title} · Waymark`}</title>
      <header className="explorer__intro">
        <p className="eyebrow">Progression framework · version {framework.version}</p>
        <h1 className="explorer__title">{framework.title}</h1>
        {paragraphs(framework.description).map((text) => (
          <p key={text} className="lead">
            {text}
          </p>
        ))}
        <ul className="explorer__facts" aria-label="About this version">
          <li>Published {formatDate(publishedAt)}</li>
          <li>{countLabel(framework.pillars.length, 'pillar', 'pillars')}</li>
          <li>{countLabel(criterionCount, 'criterion', 'criteria')}</li>
          <li>{countLabel(framework.levels.length, 'level', 'levels')}</li>
        </ul>
        <FrameworkSwitcher summaries={summaries} current={framework} />
      </header>

      <div className="explorer__overview">
        <section className="panel" aria-labelledby="levels-heading">
          <h2 id="levels-heading">How maturity is measured</h2>
          <p>
            For each criterion an organisation picks the level that describes it today, and the
            level it aims to reach. Each level names something you could point to.
          </p>
          <LevelLegend levels={framework.levels} />
        </section>
        <section className="panel" aria-labelledby="example-heading">
          <h2 id="example-heading">What results look like</h2>
          <ExampleProfile framework={framework} />
        </section>
      </div>

      <section className="explorer__pillars" aria-labelledby="pillars-heading">
        <h2 id="pillars-heading">Pillars and criteria</h2>
        <Suspense fallback={<div className="pillar-tabs-placeholder" aria-hidden="true" />}>
          <PillarTabs key={`${framework.id}@${framework.version}`} framework={framework} />
        </Suspense>
      </section>
    </article>
  );
}
