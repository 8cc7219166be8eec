import * as Accordion from '@radix-ui/react-accordion';
import type { TCriterion, TLevel } from '@waymark/rubric';
import { useState } from 'react';
import { useIsPrinting } from '../../../hooks/use-is-printing';
import { describeApplicability } from '../../../lib/applicability';
import { paragraphs } from '../../../lib/format';
import { LevelCards } from './level-cards';

interface CriterionAccordionProps {
  criteria: readonly TCriterion[];
  levels: readonly TLevel[];
}

/** A pillar's criteria, each folded to its title until opened. */
export function CriterionAccordion({ criteria, levels }: CriterionAccordionProps) {
  const [open, setOpen] = useState<string[]>([]);
  // On paper every criterion is shown in full; the reader's own choice comes back after printing.
  const printing = useIsPrinting();
  const value = printing ? criteria.map((c) => c.id) : open;
  return (
    <Accordion.Root type="multiple" className="criteria" value={value} onValueChange={setOpen}>
      {criteria.map((criterion, index) => {
        const limit = describeApplicability(criterion.appliesTo);
        return (
          <Accordion.Item key={criterion.id} value={criterion.id} className="criterion">
            <Accordion.Header asChild>
              <h4 className="criterion__header">
                <Accordion.Trigger className="criterion__trigger">
                  <span className="criterion__number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="criterion__title">{criterion.title}</span>
                  {limit ? <span className="tag tag--limit">{limit}</span> : null}
                  <svg
                    className="criterion__chevron"
                    viewBox="0 0 20 20"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
                  </svg>
                </Accordion.Trigger>
              </h4>
            </Accordion.Header>
            <Accordion.Content className="criterion__content">
              <div className="criterion__body">
                <p className="criterion__question">{criterion.question}</p>
                <div className="criterion__guidance">
                  {paragraphs(criterion.guidance).map((text) => (
                    <p key={text}>{text}</p>
                  ))}
                </div>
                <h5 className="criterion__levels-heading">What good looks like</h5>
                <LevelCards
                  descriptors={criterion.levels}
                  levels={levels}
                  label={`Levels for ${criterion.title}`}
                />
              </div>
            </Accordion.Content>
          </Accordion.Item>
        );
      })}
    </Accordion.Root>
  );
}
