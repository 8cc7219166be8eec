import { ConfirmDialog } from './dialog';

export interface ReplaceInvitationDialogProps {
  open: boolean;
  /** Who was invited before and what sending again changes. */
  description: React.ReactNode;
  /** True while the replacing invitation is sent. */
  sending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before sending an invitation that replaces a pending one (the old link stops working). */
export function ReplaceInvitationDialog({
  open,
  description,
  sending,
  onConfirm,
  onCancel,
}: ReplaceInvitationDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => (next ? null : onCancel())}
      title="Replace the pending invitation?"
      description={description}
      confirmLabel="Replace invitation"
      pendingLabel="Replacing…"
      pending={sending}
      tone="primary"
      onConfirm={onConfirm}
    />
  );
}
