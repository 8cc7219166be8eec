import { Link } from 'react-router';
import { useMe } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useToast } from '../../components/toast';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { SignOutEverywhere } from '../../features/auth/components/sign-out-everywhere';
import { formatDate } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/organisation-labels';
import { useSignedInUser } from '../../lib/session';

/** `/account`: who you are, your organisations, your password, and "sign out everywhere". */
export function AccountRoute() {
  const user = useSignedInUser();
  const me = useMe();
  const { showToast } = useToast();
  return (
    <div className="page page--narrow">
      <PageHeader title="Your account" />
      <section className="panel account-section" aria-labelledby="details-heading">
        <h2 id="details-heading">Your details</h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Email address</dt>
            <dd>{user.email}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Member since</dt>
            <dd>{formatDate(user.createdAt)}</dd>
          </div>
        </dl>
      </section>
      {me.data && me.data.memberships.length > 0 ? (
        <section className="panel account-section" aria-labelledby="organisations-heading">
          <h2 id="organisations-heading">Your organisations</h2>
          <ul className="link-list">
            {me.data.memberships.map((membership) => (
              <li key={membership.organisationId}>
                <Link to={`/orgs/${membership.organisationId}`}>{membership.organisationName}</Link>{' '}
                <span className={`role-tag role-tag--${membership.role}`}>
                  {ROLE_LABELS[membership.role]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="panel account-section">
        <ChangePasswordForm />
      </section>
      <SignOutEverywhere
        onSignedOut={() => showToast({ message: 'You have been signed out on every device.' })}
      />
    </div>
  );
}
