import * as RadioGroup from '@radix-ui/react-radio-group';
import type { TLevel, TLevelDescriptor } from '@waymark/rubric';
import { useId, useRef } from 'react';
import { levelTone } from '../../../lib/level-tone';
import { DONT_KNOW } from '../lib/answer-form';

// "Not applicable" is not here: it is a checkbox of its own (criterion-form.tsx), so that arrowing
// through the levels never lands on it and asks for a reason (issue 8, point 4).
const OTHER_CHOICES = [
  {
    value: DONT_KNOW,
    label: "Don't know yet",
    note: 'Counts as unanswered: come back to it later',
  },
] as const;

const ARROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export interface LevelChangeDetails {
  /**
   * False when the arrow keys chose it on their way through the levels: it may be passed by, so
   * it is saved only if it is still chosen a little later, or when the user settles (`onSettle`).
   */
  settled: boolean;
}

interface LevelChoiceProps {
  descriptors: readonly TLevelDescriptor[];
  levels: readonly TLevel[];
  /** "1"–"4", `dont_know`, or "" (or anything else, e.g. `not_applicable`) for none chosen. */
  value: string;
  onChange: (value: string, details: LevelChangeDetails) => void;
  /** The user settled on the chosen card: Space or a click on it, or focus left the group. */
  onSettle?: () => void;
  /** Id of the visible heading that names the group. */
  labelledBy: string;
  describedBy?: string;
  disabled?: boolean;
  ref?: React.Ref<HTMLDivElement>;
}

/**
 * Where the organisation stands today: the levels as cards (name, descriptor, example), then
 * "Don't know yet", one radio group. Radix gives the keyboard model of a native radio group: Tab
 * enters at the chosen card, the arrow keys move (and choose), Space chooses the focused card. A
 * card chosen by an arrow key is reported as not settled, so that passing through four levels
 * does not save four answers.
 */
export function LevelChoice({
  descriptors,
  levels,
  value,
  onChange,
  labelledBy,
  describedBy,
  disabled = false,
  onSettle,
  ref,
}: LevelChoiceProps) {
  const id = useId();
  // Radix chooses the card that an arrow key focuses by clicking it while the key is down.
  const arrowDown = useRef(false);
  const values = new Set<string>([
    ...descriptors.map((d) => String(d.level)),
    ...OTHER_CHOICES.map((c) => c.value),
  ]);
  const settle = () => {
    if (!arrowDown.current) onSettle?.();
  };
  return (
    <RadioGroup.Root
      ref={ref}
      className="level-choice"
      value={values.has(value) ? value : null}
      onValueChange={(next) => onChange(next, { settled: !arrowDown.current })}
      onKeyDownCapture={(event) => {
        if (ARROW_KEYS.has(event.key)) arrowDown.current = true;
      }}
      onKeyUpCapture={() => {
        arrowDown.current = false;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onSettle?.();
      }}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      loop
    >
      <div className="level-choice__levels">
        {descriptors.map((d) => {
          const name = levels.find((l) => l.level === d.level)?.name ?? `Level ${d.level}`;
          const nameId = `${id}-name-${d.level}`;
          const textId = `${id}-text-${d.level}`;
          return (
            <RadioGroup.Item
              key={d.level}
              value={String(d.level)}
              className="level-option"
              data-tone={levelTone(d.level, levels.length)}
              aria-labelledby={nameId}
              aria-describedby={textId}
              onClick={settle}
            >
              <span className="level-option__head">
                <span className="level-badge" aria-hidden="true">
                  {d.level}
                </span>
                <span className="level-option__name" id={nameId}>
                  <span className="visually-hidden">Level {d.level}:</span> {name}
                </span>
                <RadioGroup.Indicator className="level-option__chosen">
                  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path
                      d="M3 8.5l3.2 3L13 4.5"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="2.2"
                    />
                  </svg>
                  Chosen
                </RadioGroup.Indicator>
              </span>
              <span id={textId} className="level-option__text">
                <span className="level-option__descriptor">{d.descriptor}</span>
                <span className="level-option__example">
                  <span className="level-option__example-label">For example: </span>
                  {d.example}
                </span>
              </span>
            </RadioGroup.Item>
          );
        })}
      </div>
      <div className="level-choice__other">
        {OTHER_CHOICES.map((choice) => (
          <RadioGroup.Item
            key={choice.value}
            value={choice.value}
            className="level-option level-option--other"
            aria-labelledby={`${id}-${choice.value}-name`}
            aria-describedby={`${id}-${choice.value}-note`}
            onClick={settle}
          >
            <span className="level-option__radio" aria-hidden="true">
              <RadioGroup.Indicator className="level-option__dot" />
            </span>
            <span className="level-option__name" id={`${id}-${choice.value}-name`}>
              {choice.label}
            </span>
            <span className="level-option__note" id={`${id}-${choice.value}-note`}>
              {choice.note}
            </span>
          </RadioGroup.Item>
        ))}
      </div>
    </RadioGroup.Root>
  );
}
