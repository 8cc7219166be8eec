import * as Tabs from '@radix-ui/react-tabs';
import type { TFramework } from '@waymark/rubric';
import { useIsPrinting } from '../../../hooks/use-is-printing';
import { describeApplicability, describeOptionalPillar } from '../../../lib/applicability';
import { countLabel, paragraphs } from '../../../lib/format';
import { CriterionAccordion } from './criterion-accordion';

/** One tab per pillar (arrow keys move between them), each with its criteria. */
export function PillarTabs({ framework }: { framework: TFramework }) {
  // On paper every pillar is shown, one after another; print.css hides the tab list.
  const printing = useIsPrinting();
  const first = framework.pillars[0];
  if (!first) return null;
  return (
    <Tabs.Root className="pillar-tabs" defaultValue={first.id}>
      <Tabs.List className="pillar-tabs__list" aria-label="Pillars">
        {framework.pillars.map((pillar) => (
          <Tabs.Trigger key={pillar.id} value={pillar.id} className="pillar-tabs__tab">
            {pillar.title}
            {pillar.optional ? <span className="pillar-tabs__optional">Optional</span> : null}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {framework.pillars.map((pillar) => {
        const optional = describeOptionalPillar(pillar);
        const limit = pillar.optional ? null : describeApplicability(pillar.appliesTo);
        return (
          <Tabs.Content
            key={pillar.id}
            value={pillar.id}
            className="pillar-panel"
            forceMount={printing || undefined}
          >
            <div className="pillar-panel__head">
              <h3 className="pillar-panel__title">{pillar.title}</h3>
              {optional ? <span className="tag tag--optional">{optional}</span> : null}
              {limit ? <span className="tag tag--limit">{limit}</span> : null}
            </div>
            {paragraphs(pillar.summary).map((text) => (
              <p key={text} className="pillar-panel__summary">
                {text}
              </p>
            ))}
            <p className="pillar-panel__hint">
              {countLabel(pillar.criteria.length, 'criterion', 'criteria')}. Open one to see what
              each level looks like.
            </p>
            <CriterionAccordion criteria={pillar.criteria} levels={framework.levels} />
          </Tabs.Content>
        );
      })}
    </Tabs.Root>
  );
}
