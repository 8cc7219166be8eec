import { Link } from 'react-router';

export const MAIN_CONTENT_ID = 'main-content';

export interface AppLayoutProps {
  children: React.ReactNode;
  /** The header's right side (sign-in links, or the organisation switcher and user menu). */
  headerEnd?: React.ReactNode;
}

/** The frame of every page: skip link, header, the page in `<main>`, footer. */
export function AppLayout({ children, headerEnd }: AppLayoutProps) {
  return (
    <div className="app-shell">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            <svg
              className="site-header__mark"
              viewBox="0 0 32 32"
              aria-hidden="true"
              focusable="false"
            >
              <path d="M16 4l10 24-10-5.5L6 28z" fill="currentColor" />
            </svg>
            Waymark
          </Link>
          <p className="site-header__tagline">Progression frameworks for anchor organisations</p>
          {headerEnd ? <div className="site-header__end">{headerEnd}</div> : null}
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            Waymark helps businesses, councils, NHS trusts and universities see their local impact
            and plan their next step.
          </p>
          <p>
            <Link to="/accessibility">Accessibility statement</Link>
          </p>
          <p className="site-footer__small">Open source, MIT licence.</p>
        </div>
      </footer>
    </div>
  );
}
