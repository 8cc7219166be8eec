import { type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { describeProblem, type IssueDescription } from '../../lib/problem-messages';

/** One line of the summary: the field's name in the form (to link to it) and what to do. */
export interface ErrorSummaryItem {
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** A failed submission: its plain-English detail and any issues no field shows are listed. */
  error?: unknown;
  /** The form's field errors (react-hook-form's `formState.errors`), or items made by hand. */
  fieldErrors?: FieldErrors<FieldValues> | readonly ErrorSummaryItem[];
  /** Field labels for the issues of `error`, by field name. */
  labels?: Record<string, string>;
  /** The title for a failed request, e.g. "Could not sign you in"; else "There is a problem". */
  heading?: string;
  /**
   * Focus the summary when it appears and whenever this changes (pass `formState.submitCount`):
   * on by default, as after a submit; off for a form that saves as it is typed (focus stays put).
   */
  focusKey?: unknown;
  autoFocus?: boolean;
}

/** `{ evidenceLinks: [ , { url: { message } } ] }` → `[{ field: 'evidenceLinks.1.url', … }]`. */
export function flattenFieldErrors(
  errors: FieldErrors<FieldValues>,
  prefix = '',
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || typeof value !== 'object') continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') {
      items.push({ field, message });
    } else {
      items.push(...flattenFieldErrors(value as FieldErrors<FieldValues>, field));
    }
  }
  return items;
}

/** The control for a field of the summary's form: by `name`, then by id. */
function findControl(root: HTMLElement | null, field: string): HTMLElement | null {
  const scope = root?.closest('form') ?? document;
  const candidates = [field, `${field}.url`];
  for (const name of candidates) {
    const byName = scope.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (byName) return byName;
  }
  return document.getElementById(field);
}

interface Controls {
  /** The control's id by field, for the links. */
  ids: Record<string, string>;
  /** The message the field itself shows, by field: the summary must say the same words. */
  shown: Record<string, string>;
}

function useControls(
  ref: RefObject<HTMLElement | null>,
  items: readonly ErrorSummaryItem[],
): Controls {
  const [controls, setControls] = useState<Controls>({ ids: {}, shown: {} });
  // Looked up again whenever a field or its message changes.
  const signature = items.map((item) => `${item.field}\u0000${item.message}`).join('\u0001');
  // Before paint, so that neither eyes nor the alert ever get the form library's raw words.
  useLayoutEffect(() => {
    const next: Controls = { ids: {}, shown: {} };
    for (const field of signature.split('\u0001').map((entry) => entry.split('\u0000')[0] ?? '')) {
      if (field === '') continue;
      const control = findControl(ref.current, field);
      if (!control?.id) continue;
      next.ids[field] = control.id;
      // `FieldError` renders "Error: <message>" at `<id>-error`.
      const text = document.getElementById(`${control.id}-error`)?.textContent?.trim();
      if (text) next.shown[field] = text.replace(/^Error:\s*/, '');
    }
    setControls(next);
  }, [signature, ref]);
  return controls;
}

/**
 * The GOV.UK error summary (https://design-system.service.gov.uk/components/error-summary/): a box
 * at the top of the form titled "There is a problem", listing every error as a link that moves
 * focus to its field, focused when it appears so that keyboard and screen-reader users start
 * there. Renders nothing when there is nothing to say.
 */
export function ErrorSummary({
  error,
  fieldErrors,
  labels,
  heading,
  focusKey,
  autoFocus = true,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const description = error ? describeProblem(error, labels) : null;
  const fieldItems = Array.isArray(fieldErrors)
    ? (fieldErrors as readonly ErrorSummaryItem[])
    : flattenFieldErrors((fieldErrors ?? {}) as FieldErrors<FieldValues>);
  const shown = new Set(fieldItems.map((item) => item.field));
  // Issues of a failed request that are already on their field are not listed twice.
  const issueItems = (description?.issues ?? []).filter(
    (issue: IssueDescription) => !shown.has(issue.field) && !shown.has(`${issue.field}.url`),
  );
  const items: ErrorSummaryItem[] = [
    ...fieldItems,
    ...issueItems.map((issue) => ({ field: issue.field, message: issue.message })),
  ];
  const visible = description !== null || items.length > 0;
  const { ids, shown: fieldText } = useControls(ref, items);

  useEffect(() => {
    if (!visible || !autoFocus) return;
    // After the form library has focused the first invalid field (it does so once validation
    // settles), so that the summary is where focus ends up, as the GOV.UK pattern asks.
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [visible, autoFocus, focusKey]);

  if (!visible) return null;
  const detail =
    description && !(description.detail.startsWith('Correct the fields') && items.length > 0)
      ? description.detail
      : null;
  const content = (
    <>
      <h2 className="error-summary__title" id={titleId}>
        {description
          ? (heading ?? (items.length === 0 ? description.title : 'There is a problem'))
          : 'There is a problem'}
      </h2>
      {detail ? <p className="error-summary__detail">{detail}</p> : null}
      {items.length > 0 ? (
        <ul className="error-summary__list">
          {items.map((item) => {
            const id = ids[item.field];
            return (
              <li key={`${item.field}:${item.message}`}>
                {id ? (
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      const control = document.getElementById(id);
                      control?.focus();
                      // Centred, so that the field's label and error show above it.
                      control?.scrollIntoView?.({ block: 'center' });
                    }}
                  >
                    {fieldText[item.field] ?? item.message}
                  </a>
                ) : (
                  (fieldText[item.field] ?? item.message)
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
  // After a submit it is an alert, focused; beside a form that saves as it is typed, a labelled
  // region that does not interrupt typing.
  if (autoFocus) {
    return (
      <div
        className="error-summary"
        role="alert"
        tabIndex={-1}
        ref={ref as RefObject<HTMLDivElement | null>}
      >
        {content}
      </div>
    );
  }
  return (
    <section className="error-summary" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      {content}
    </section>
  );
}
