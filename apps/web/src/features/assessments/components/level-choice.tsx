import * as RadioGroup from '@radix-ui/react-radio-group';
import type { TLevel, TLevelDescriptor } from '@waymark/rubric';
import { useId } from 'react';
import { levelTone } from '../../../lib/level-tone';
import { DONT_KNOW, NOT_APPLICABLE } from '../lib/answer-form';

const OTHER_CHOICES = [
  {
    value: DONT_KNOW,
    label: "Don't know yet",
    note: 'Counts as unanswered: come back to it later',
  },
  {
    value: NOT_APPLICABLE,
    label: 'Not applicable',
    note: 'Say why below; it is left out of your score',
  },
] as const;

interface LevelChoiceProps {
  descriptors: readonly TLevelDescriptor[];
  levels: readonly TLevel[];
  /** "1"–"4", `not_applicable`, `dont_know`, or "" for nothing chosen. */
  value: string;
  onChange: (value: string) => void;
  /** Id of the visible heading that names the group. */
  labelledBy: string;
  describedBy?: string;
  disabled?: boolean;
  ref?: React.Ref<HTMLDivElement>;
}

/**
 * Where the organisation stands today: the levels as cards (name, descriptor, example), then
 * "Don't know yet" and "Not applicable", all one radio group. Radix gives the keyboard model of a
 * native radio group: Tab enters at the chosen card, the arrow keys move (and choose), Space
 * chooses the focused card.
 */
export function LevelChoice({
  descriptors,
  levels,
  value,
  onChange,
  labelledBy,
  describedBy,
  disabled = false,
  ref,
}: LevelChoiceProps) {
  const id = useId();
  return (
    <RadioGroup.Root
      ref={ref}
      className="level-choice"
      value={value === '' ? null : value}
      onValueChange={onChange}
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
