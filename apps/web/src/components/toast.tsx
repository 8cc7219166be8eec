import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type ToastTone = 'success' | 'info' | 'error';

export interface ToastInput {
  message: string;
  tone?: ToastTone;
}

interface Toast extends Required<ToastInput> {
  id: number;
}

interface ToastContextValue {
  showToast: (toast: ToastInput) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

/** How long a toast stays, long enough to read twice. */
const TOAST_MS = 6000;

let nextId = 1;

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, onDismiss]);
  return (
    <li className={`toast toast--${toast.tone}`}>
      <span className="toast__message">{toast.message}</span>
      <button
        type="button"
        className="toast__close"
        onClick={() => onDismiss(toast.id)}
        aria-label="Dismiss message"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/**
 * Short confirmations ("Invitation revoked") in a live region that exists before any message
 * arrives, so that screen readers announce each one. Errors the user must act on belong in the
 * page (FormAlert, ErrorState), not in a toast that disappears.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);
  const showToast = useCallback((input: ToastInput) => {
    const toast: Toast = { id: nextId++, message: input.message, tone: input.tone ?? 'success' };
    setToasts((current) => [...current.slice(-2), toast]);
  }, []);
  const value = useMemo(() => ({ showToast }), [showToast]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toast-region" aria-label="Notifications">
        <ol className="toast-list" aria-live="polite" aria-atomic="false">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

/** `const { showToast } = useToast(); showToast({ message: 'Saved' })`. */
export function useToast(): ToastContextValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast() needs a <ToastProvider> above it');
  return value;
}
