import type { TLevel, TLevelDescriptor } from '@waymark/rubric';
import { levelTone } from '../../../lib/level-tone';

interface LevelCardsProps {
  descriptors: readonly TLevelDescriptor[];
  levels: readonly TLevel[];
  /** Names the list for screen readers, e.g. "Levels for Real Living Wage". */
  label: string;
}

/** "What good looks like": every level of one criterion side by side, with an example of each. */
export function LevelCards({ descriptors, levels, label }: LevelCardsProps) {
  return (
    <ol className="level-cards" aria-label={label}>
      {descriptors.map((d) => {
        const name = levels.find((l) => l.level === d.level)?.name ?? `Level ${d.level}`;
        return (
          <li key={d.level} className="level-card" data-tone={levelTone(d.level, levels.length)}>
            <p className="level-card__heading">
              <span className="level-badge" aria-hidden="true">
                {d.level}
              </span>
              <span className="level-card__name">
                <span className="visually-hidden">Level {d.level}: </span>
                {name}
              </span>
            </p>
            <p className="level-card__descriptor">{d.descriptor}</p>
            <p className="level-card__example">
              <span className="level-card__example-label">For example</span> {d.example}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
