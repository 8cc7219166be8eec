import type { TFrameworkSummary } from '@waymark/rubric';
import { Link } from 'react-router';

interface FrameworkSwitcherProps {
  summaries: readonly TFrameworkSummary[];
  current: { id: string; version: number };
}

/** Links to the other published frameworks; nothing when there is only one. */
export function FrameworkSwitcher({ summaries, current }: FrameworkSwitcherProps) {
  if (summaries.length < 2) return null;
  return (
    <nav className="framework-switcher" aria-label="Published frameworks">
      <ul>
        {summaries.map((s) => {
          const isCurrent = s.id === current.id && s.version === current.version;
          return (
            <li key={`${s.id}@${s.version}`}>
              <Link
                to={`/frameworks/${s.id}/${s.version}`}
                aria-current={isCurrent ? 'page' : undefined}
                className="framework-switcher__link"
              >
                {s.title} <span className="framework-switcher__version">v{s.version}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
