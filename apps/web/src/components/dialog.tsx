import * as RadixDialog from '@radix-ui/react-dialog';
import { type ReactNode, useRef } from 'react';
import { focusNearest } from '../lib/focus';
import { Button } from './button';
import { FormAlert } from './form/form-alert';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /**
   * Where focus goes on close when the opener is gone (say, a button that its action removed): an
   * element or its id. Without one, focus goes to the page's main heading, never to `body`.
   */
  returnFocusTo?: HTMLElement | string | null;
}

/**
 * A modal dialog (Radix): focus is trapped inside and returns to the opener on close; Escape and
 * the close button close it. When the opener is no longer on the page, focus goes to
 * `returnFocusTo`, else to the page's heading (`useDialogReturnFocus`).
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  returnFocusTo,
}: DialogProps) {
  const returnFocus = useDialogReturnFocus(returnFocusTo);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          className="dialog"
          onOpenAutoFocus={returnFocus.onOpenAutoFocus}
          onCloseAutoFocus={returnFocus.onCloseAutoFocus}
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

/**
 * Focus goes back to what had it when the dialog opened (Radix alone returns it only to a
 * `Dialog.Trigger`, which our controlled dialogs do not use); when that is gone (its action
 * removed it), to `fallback`, else the page's heading: never to `body`.
 */
export function useDialogReturnFocus(fallback?: HTMLElement | string | null): {
  onOpenAutoFocus: () => void;
  onCloseAutoFocus: (event: Event) => void;
} {
  const opener = useRef<HTMLElement | null>(null);
  return {
    // Called before Radix moves focus into the dialog.
    onOpenAutoFocus: () => {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      // A page that already put focus somewhere on close knows best.
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body && active.isConnected) return;
      focusNearest(opener.current, fallback);
    },
  };
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
  /** See `DialogProps.returnFocusTo`. */
  returnFocusTo?: HTMLElement | string | null;
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
  returnFocusTo,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      returnFocusTo={returnFocusTo}
    >
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
