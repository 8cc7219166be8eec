import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';

/** When this statement was last checked against the service: change it with every review. */
export const ACCESSIBILITY_REVIEWED = { iso: '2026-12-02', label: '2 December 2026' };

/**
 * `/accessibility`: the accessibility statement. UK public bodies must publish one for the services
 * they use (the Public Sector Bodies Accessibility Regulations 2018), and councils and NHS trusts
 * run Waymark for their networks. It says only what the tests check (issue 8).
 */
export function AccessibilityRoute() {
  return (
    <div className="page page--narrow statement">
      <PageHeader
        title="Accessibility statement"
        description={
          <p>
            This statement covers Waymark: the framework explorer, the account pages, the
            organisation pages and the self-assessment, from the task list to the results and the
            action plan.
          </p>
        }
      />

      <section aria-labelledby="a11y-aim">
        <h2 id="a11y-aim">Using Waymark</h2>
        <p>We want everyone who needs Waymark to be able to use it. You should be able to:</p>
        <ul>
          <li>use every page with a keyboard alone, with a visible focus</li>
          <li>use it with a screen reader: every page has one main heading and named regions</li>
          <li>zoom in to 400% or use a phone-sized screen without content being cut off</li>
          <li>read every chart as a table of the same figures</li>
          <li>change answers as often as you need: they are saved as you go</li>
        </ul>
      </section>

      <section aria-labelledby="a11y-status">
        <h2 id="a11y-status">How accessible Waymark is</h2>
        <p>
          Waymark is partially compliant with the{' '}
          <a href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{' '}
          AA standard, because of the gaps listed below.
        </p>
      </section>

      <section aria-labelledby="a11y-tested">
        <h2 id="a11y-tested">What we test</h2>
        <ul>
          <li>
            Every page of the self-assessment journey is checked with axe-core in the Chromium
            browser, at a laptop size (1366 by 900 pixels) and a phone size (390 by 844 pixels),
            whenever the code changes. A serious or critical problem stops the change.
          </li>
          <li>
            Keyboard journeys: the browser tests answer questions, move between tabs, open and close
            dialogs and follow the page to page navigation using the keyboard, and check where focus
            lands.
          </li>
        </ul>
      </section>

      <section aria-labelledby="a11y-gaps">
        <h2 id="a11y-gaps">Known gaps</h2>
        <ul>
          <li>
            Automated checks find only some problems. No one has yet audited Waymark by hand against
            every WCAG 2.2 criterion, or tested it with people who use assistive technology.
          </li>
          <li>
            We have not tested it with each screen reader, or with speech recognition and screen
            magnification software.
          </li>
          <li>
            The radar and comparison charts are pictures to a screen reader: use the table beside
            each chart, which has the same figures.
          </li>
          <li>The CSV download is a plain spreadsheet file without headings for screen readers.</li>
        </ul>
        <p>We will fix these and update this statement when we do.</p>
      </section>

      <section aria-labelledby="a11y-report">
        <h2 id="a11y-report">Reporting a problem</h2>
        <p>
          If you cannot use part of Waymark, or you find a problem not listed here, tell the team
          that runs Waymark for your organisation or network, usually the network's coordinator. Say
          which page you were on, what you were trying to do and what you use (for example your
          browser and screen reader). They can pass it to the people who build Waymark.
        </p>
        <p>
          If you need information in a different format, such as large print or an accessible
          document, ask them in the same way.
        </p>
      </section>

      <section aria-labelledby="a11y-enforcement">
        <h2 id="a11y-enforcement">If you are not happy with the response</h2>
        <p>
          The Equality and Human Rights Commission enforces the accessibility regulations. If you
          are not happy with how your report is handled, contact the{' '}
          <a href="https://www.equalityadvisoryservice.com/">
            Equality Advisory and Support Service
          </a>{' '}
          (in Northern Ireland, the{' '}
          <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland</a>).
        </p>
      </section>

      <section aria-labelledby="a11y-prepared">
        <h2 id="a11y-prepared">When this statement was reviewed</h2>
        <p>
          This statement was last reviewed on{' '}
          <time dateTime={ACCESSIBILITY_REVIEWED.iso}>{ACCESSIBILITY_REVIEWED.label}</time>, against
          the tests above.
        </p>
        <p>
          <Link to="/">Go to the framework</Link>
        </p>
      </section>
    </div>
  );
}
