import { NavLink } from 'react-router';
import { assessmentPaths } from '../lib/paths';

/** The assessment's sections; the current one is marked for screen readers (`aria-current`). */
export function AssessmentNav({ assessmentId }: { assessmentId: string }) {
  const paths = assessmentPaths(assessmentId);
  const links = [
    { to: paths.taskList, label: 'Task list', end: true },
    { to: paths.review, label: 'Check your answers', end: true },
    { to: paths.results, label: 'Results', end: true },
    { to: paths.actions, label: 'Action plan', end: true },
  ];
  return (
    <nav className="assessment-nav" aria-label="Assessment">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="assessment-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
