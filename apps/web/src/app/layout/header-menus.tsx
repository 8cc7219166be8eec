import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { TMembershipSummary } from '@waymark/rubric';
import { Link, useNavigate } from 'react-router';
import { useUnreadNoticeCount } from '../../api/notices';
import { useToast } from '../../components/toast';
import { signOut } from '../../features/auth/api/sign-out';
import { ROLE_LABELS } from '../../lib/organisation-labels';
import '../../styles/network-membership.css';

function Chevron() {
  return (
    <svg className="menu-trigger__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

// Menus are non-modal: a modal one hides the rest of the page with aria-hidden while it still
// holds focusable elements (axe: aria-hidden-focus). Escape and a click outside still close it.

/** Lists the user's organisations; choosing one opens its home. The current one is checked. */
function OrganisationSwitcher({
  memberships,
  currentId,
}: {
  memberships: TMembershipSummary[];
  currentId: string | null;
}) {
  const navigate = useNavigate();
  const current = memberships.find((m) => m.organisationId === currentId);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="menu-trigger menu-trigger--org">
        <span className="visually-hidden">Organisation:</span>{' '}
        <span className="menu-trigger__label">{current?.organisationName ?? 'Organisations'}</span>
        <Chevron />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu__label">Switch organisation</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={current?.organisationId ?? ''}
            onValueChange={(orgId) => navigate(`/orgs/${orgId}`)}
          >
            {memberships.map((membership) => (
              <DropdownMenu.RadioItem
                key={membership.organisationId}
                value={membership.organisationId}
                className="menu__item"
              >
                <DropdownMenu.ItemIndicator className="menu__check">✓</DropdownMenu.ItemIndicator>
                <span className="menu__item-text">
                  {membership.organisationName}
                  <span className="menu__item-meta">{ROLE_LABELS[membership.role]}</span>
                </span>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu__separator" />
          <DropdownMenu.Item className="menu__item" onSelect={() => navigate('/orgs/new')}>
            Create an organisation
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function UserMenu({ name, email }: { name: string; email: string }) {
  const navigate = useNavigate();
  const { showToast } = useToast();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="menu-trigger menu-trigger--user">
        <span className="avatar" aria-hidden="true">
          {name.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="menu-trigger__label menu-trigger__label--name">
          <span className="visually-hidden">Account:</span> {name}
        </span>
        <Chevron />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu__label">
            {name}
            <span className="menu__item-meta">{email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="menu__separator" />
          <DropdownMenu.Item className="menu__item" onSelect={() => navigate('/account')}>
            Your account
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="menu__item"
            onSelect={async () => {
              await signOut();
              showToast({ message: 'You have signed out.', tone: 'info' });
            }}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** Notices, with how many are unread in its name ("Notices, 2 unread") and a badge. */
function NoticesLink() {
  const unread = useUnreadNoticeCount();
  const count = unread.data ?? 0;
  return (
    <Link
      to="/notices"
      className="header-link header-link--notices"
      // One name for every browser and reader, rather than one pieced together from the badge.
      aria-label={count > 0 ? `Notices, ${count} unread` : undefined}
    >
      Notices
      {count > 0 ? ' ' : null}
      {count > 0 ? (
        <span className="unread-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}

/**
 * The signed-in header: Networks and Notices, the organisation switcher (once there is one) and
 * the user menu.
 */
export function HeaderMenus({
  user,
  memberships,
  currentId,
}: {
  user: { name: string; email: string };
  memberships: TMembershipSummary[];
  currentId: string | null;
}) {
  return (
    <nav className="header-account" aria-label="Account">
      <Link to="/networks" className="header-link">
        Networks
      </Link>
      <NoticesLink />
      {memberships.length > 0 ? (
        <OrganisationSwitcher memberships={memberships} currentId={currentId} />
      ) : null}
      <UserMenu name={user.name} email={user.email} />
    </nav>
  );
}
