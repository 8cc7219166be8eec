import { collaborationText, type TCollaborationMatch, type TFramework } from '@waymark/rubric';
import { useId, useState } from 'react';
import { Button } from '../../../../components/button';
import { useToast } from '../../../../components/toast';
import { copyText } from './copy-text';
import type { DashboardLabels } from './labels';

/** How many criteria the list shows before "Show all": a network can have dozens. */
export const SHOWN_MATCHES = 6;

/** Per criterion, named members at the top level who could help named members starting out. */
export function CollaborationSection({
  matches,
  framework,
  labels,
}: {
  matches: readonly TCollaborationMatch[];
  framework: Pick<TFramework, 'pillars' | 'levels'>;
  labels: DashboardLabels;
}) {
  const { showToast } = useToast();
  const [showText, setShowText] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  const shown = showAll ? matches : matches.slice(0, SHOWN_MATCHES);
  const textId = useId();
  const text = matches.map((m) => collaborationText(framework, m)).join('\n');

  const copy = async () => {
    if (await copyText(text)) {
      setShowText(false);
      showToast({
        message: `Copied ${matches.length} ${matches.length === 1 ? 'match' : 'matches'} to the clipboard.`,
      });
    } else {
      setShowText(true);
      showToast({
        message:
          'Could not copy automatically: the list is shown as text below, select it and copy it.',
        tone: 'error',
      });
      requestAnimationFrame(() => {
        const box = document.getElementById(textId) as HTMLTextAreaElement | null;
        box?.focus();
        box?.select();
      });
    }
  };

  return (
    <section className="dashboard-section" aria-labelledby="collaboration">
      <div className="dashboard-section__head">
        <h2 id="collaboration">Who could help whom</h2>
        {matches.length > 0 ? (
          <Button variant="secondary" onClick={() => void copy()}>
            Copy list
          </Button>
        ) : null}
      </div>
      <p className="field__hint">
        Named members at {labels.level(framework.levels.at(-1)?.level ?? 4)} on a criterion, beside
        named members at the first two stages who aim higher on it.
      </p>
      {showText ? (
        <div className="field">
          <label className="field__label" htmlFor={textId}>
            The list as text
          </label>
          <textarea id={textId} className="field__control" readOnly rows={6} value={text} />
        </div>
      ) : null}
      {matches.length === 0 ? (
        <p className="panel">
          No match yet: matches appear when a named member leads on a criterion that another aims to
          improve.
        </p>
      ) : (
        <ul className="match-list" id={listId}>
          {shown.map((m) => (
            <li key={m.criterionId} className="panel match">
              <h3 className="match__title">
                {labels.criterion(m.criterionId)}{' '}
                <span className="match__pillar">{labels.pillar(m.pillarId)}</span>
              </h3>
              <div className="match__groups">
                <div>
                  <h4 className="match__subhead">Could help</h4>
                  <ul>
                    {m.leaders.map((l) => (
                      <li key={l.organisationId}>
                        {l.name} <span className="muted">({labels.level(l.level)})</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4 className="match__subhead">Could learn</h4>
                  <ul>
                    {m.learners.map((l) => (
                      <li key={l.organisationId}>
                        {l.name}{' '}
                        <span className="muted">
                          ({labels.level(l.level)}
                          {l.targetLevel ? `, aiming for ${labels.level(l.targetLevel)}` : ''})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {matches.length > SHOWN_MATCHES ? (
        <p className="match-list__more">
          <Button
            variant="secondary"
            aria-controls={listId}
            aria-expanded={showAll}
            onClick={() => setShowAll((v) => !v)}
          >
            {showAll
              ? `Show the first ${SHOWN_MATCHES} only`
              : `Show all ${matches.length} criteria with matches`}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
