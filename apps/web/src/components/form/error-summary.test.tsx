import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { ErrorSummary } from './error-summary';

function Form({ error, focusKey }: { error?: unknown; focusKey?: number }) {
  return (
    <form>
      <ErrorSummary
        error={error}
        focusKey={focusKey}
        fieldErrors={{ email: { type: 'required', message: 'Enter your email address' } }}
      />
      <label htmlFor="email-input">Email address</label>
      <input id="email-input" name="email" />
      <label htmlFor="token-input">Reset link</label>
      <input id="token-input" name="token" />
    </form>
  );
}

describe('ErrorSummary', () => {
  it('is focused when it appears and links each error to its field', async () => {
    const user = userEvent.setup();
    render(<Form />);
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    const link = within(summary).getByRole('link', { name: 'Enter your email address' });
    expect(link).toHaveAttribute('href', '#email-input');
    await user.click(link);
    expect(screen.getByLabelText('Email address')).toHaveFocus();
  });

  it('lists a failed request’s issues that no field shows, in plain English', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      detail: 'The body is not valid.',
      issues: [{ path: 'body.token', message: 'Too small', code: 'too_small' }],
    });
    render(<Form error={error} />);
    const summary = screen.getByRole('alert');
    expect(summary).not.toHaveTextContent('body is not valid');
    expect(
      within(summary).getByRole('link', { name: /The reset link is incomplete/ }),
    ).toHaveAttribute('href', '#token-input');
  });

  it('renders nothing without errors', () => {
    render(<ErrorSummary fieldErrors={{}} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
