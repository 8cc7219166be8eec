import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { Button } from './button';
import { FormAlert } from './form/form-alert';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}

/**
 * A modal dialog (Radix): focus is trapped inside and returns to the opener on close; Escape and
 * the close button close it.
 */
export function Dialog({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          className="dialog"
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog__description">
              {description}
            </RadixDialog.Description>
          ) : null}
          {children}
          <RadixDialog.Close className="dialog__close" aria-label="Close">
            <span aria-hidden="true">×</span>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The confirming button's label: say what happens, e.g. "Remove Sam". */
  confirmLabel: string;
  pendingLabel?: string;
  onConfirm: () => void;
  /** True while the action runs. */
  pending?: boolean;
  /** A failure to show inside the dialog (it stays open). */
  error?: unknown;
  /** The alert's heading for that failure (default: the problem's title). */
  errorHeading?: string;
  tone?: 'danger' | 'primary';
}

/** "Are you sure?" for a destructive or far-reaching action; Cancel has focus first. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  pendingLabel,
  onConfirm,
  pending = false,
  error,
  errorHeading,
  tone = 'danger',
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <FormAlert error={error} {...(errorHeading ? { heading: errorHeading } : {})} />
      <div className="dialog__actions">
        <RadixDialog.Close asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </RadixDialog.Close>
        <Button
          variant={tone}
          onClick={onConfirm}
          pending={pending}
          {...(pendingLabel ? { pendingLabel } : {})}
        >
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
