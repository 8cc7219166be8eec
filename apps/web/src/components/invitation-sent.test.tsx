import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InvitationSent } from './invitation-sent';

const invitation = { email: 'grace@example.org', expiresAt: '2026-04-12T09:00:00.000Z' };

describe('InvitationSent', () => {
  it('gives the link to copy, focused, when no email was sent', () => {
    render(
      <InvitationSent
        result={{
          delivery: 'link',
          inviteUrl: 'https://waymark.example/accept?token=t',
          invitation,
        }}
        linkDetail="It makes them a viewer"
        emailedDetail="a link to join as a viewer"
      />,
    );
    // The copy field has a status of its own (for "Copied"): the panel is the outer one.
    const status = screen.getByText('Invitation ready: send the link yourself').parentElement;
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveFocus();
    expect(status).toHaveTextContent(
      /so grace@example\.org has not been emailed\. Copy the link and send it to them\. It makes them a viewer, works once, and expires on /,
    );
    expect(screen.getByLabelText('Invitation link')).toHaveValue(
      'https://waymark.example/accept?token=t',
    );
  });

  it('says the invitation was emailed, with no link, when it was', () => {
    render(
      <InvitationSent
        result={{ delivery: 'email', invitation }}
        linkDetail="It makes them a viewer"
        emailedDetail="a link to join as a viewer"
      />,
    );
    expect(screen.getByText('Invitation emailed')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      /We have emailed grace@example\.org a link to join as a viewer\. It expires on .+\.$/,
    );
    expect(screen.queryByLabelText('Invitation link')).toBeNull();
  });
});
