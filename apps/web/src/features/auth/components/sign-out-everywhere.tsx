import { useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { useSignOutEverywhere } from '../api/sign-out';

/** "Sign out everywhere": for a lost laptop or a shared computer left signed in. */
export function SignOutEverywhere({ onSignedOut }: { onSignedOut: () => void }) {
  const [open, setOpen] = useState(false);
  const signOutEverywhere = useSignOutEverywhere();

  return (
    <section className="panel account-section" aria-labelledby="sign-out-everywhere-heading">
      <h2 id="sign-out-everywhere-heading">Sign out everywhere</h2>
      <p>
        Ends every session of your account: on this device and on any other browser, phone or
        computer where you are signed in. Use it if you have lost a device or signed in somewhere
        public.
      </p>
      <Button
        variant="secondary"
        onClick={() => {
          signOutEverywhere.reset();
          setOpen(true);
        }}
      >
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Sign out on every device?"
        description="You will need your password to sign in again, here and everywhere else."
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        pending={signOutEverywhere.isPending}
        error={signOutEverywhere.error}
        onConfirm={async () => {
          // mutateAsync, not mutate's callbacks: ending the session unmounts this page at once,
          // and a callback of an unmounted mutation observer never runs.
          try {
            await signOutEverywhere.mutateAsync();
          } catch {
            return; // shown in the dialog from the mutation's error
          }
          setOpen(false);
          onSignedOut();
        }}
      />
    </section>
  );
}
