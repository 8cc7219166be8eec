import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <section className="state-panel" aria-labelledby="not-found-heading">
      <title>Page not found · Waymark</title>
      <h1 id="not-found-heading" className="state-panel__heading">
        Page not found
      </h1>
      <p className="state-panel__detail">
        There is nothing at this address. It may have moved, or the link may have a typo.
      </p>
      <p>
        <Link to="/" className="button button--primary">
          Go to the framework
        </Link>
      </p>
    </section>
  );
}
