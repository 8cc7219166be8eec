import { isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { NotFoundRoute } from './not-found';

/**
 * A route's error boundary: a render error anywhere in the page lands here instead of blanking
 * the app. "Try again" re-navigates to the same address, which resets the boundary and renders
 * the route afresh.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;

  if (import.meta.env.DEV) console.error(error);

  return (
    <section
      className="state-panel state-panel--error"
      role="alert"
      aria-labelledby="route-error-heading"
    >
      <title>Something went wrong · Waymark</title>
      <h1 id="route-error-heading" className="state-panel__heading">
        Something went wrong
      </h1>
      <p className="state-panel__detail">
        This page hit a problem it could not recover from. Your saved work is safe. Try again, and
        if it keeps happening, reload the page.
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => navigate(location, { replace: true })}
      >
        Try again
      </button>
    </section>
  );
}
