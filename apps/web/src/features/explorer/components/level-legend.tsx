import type { TLevel } from '@waymark/rubric';
import { levelTone } from '../../../lib/level-tone';

/** The framework's scale, each level in its colour: the key to every level card below. */
export function LevelLegend({ levels }: { levels: readonly TLevel[] }) {
  return (
    <ol className="level-legend">
      {levels.map((level) => (
        <li
          key={level.level}
          className="level-legend__item"
          data-tone={levelTone(level.level, levels.length)}
        >
          <span className="level-badge" aria-hidden="true">
            {level.level}
          </span>
          <span className="level-legend__text">
            <span className="level-legend__name">
              <span className="visually-hidden">Level {level.level}: </span>
              {level.name}
            </span>
            <span className="level-legend__meaning">{level.meaning}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
