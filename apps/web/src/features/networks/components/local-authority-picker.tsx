import type { TLocalAuthority } from '@waymark/rubric';
import { useId, useMemo, useRef, useState } from 'react';
import { FieldError } from '../../../components/form/field';

/** How many matching districts the list shows at once; typing narrows it. */
export const SHOWN_DISTRICTS = 60;

/** Lower case without accents, so that "ynys mon" finds "Ynys Môn". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface LocalAuthorityPickerProps {
  /** The field's name: the error summary's link focuses the search box by it. */
  name: string;
  label: string;
  hint?: React.ReactNode;
  error?: string | undefined;
  options: readonly TLocalAuthority[];
  /** The chosen ONS codes, in the order they were chosen. */
  value: readonly string[];
  onChange: (codes: string[]) => void;
}

/**
 * Chooses several of the ~360 UK local authority districts: a search box filters a list of
 * checkboxes (by name, ONS code or region), and each chosen district shows as a button that
 * removes it, so that everything works with a keyboard and a screen reader without a custom
 * widget's key handling to learn. How many districts match is announced as the search changes.
 */
export function LocalAuthorityPicker({
  name,
  label,
  hint,
  error,
  options,
  value,
  onChange,
}: LocalAuthorityPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const chosen = new Set(value);
  const sorted = useMemo(
    () => [...options].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    [options],
  );
  const needle = fold(query.trim());
  const matches = needle
    ? sorted.filter(
        (o) =>
          fold(o.name).includes(needle) ||
          o.code.toLowerCase().startsWith(needle) ||
          fold(o.region).includes(needle),
      )
    : sorted;
  const shown = matches.slice(0, SHOWN_DISTRICTS);

  const toggle = (code: string, on: boolean) => {
    onChange(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  };

  const remove = (code: string, index: number) => {
    onChange(value.filter((c) => c !== code));
    // Focus the chip that takes its place, else the one before, else the search box: never body.
    requestAnimationFrame(() => {
      const buttons = chipsRef.current?.querySelectorAll<HTMLButtonElement>('button');
      const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      (next ?? searchRef.current)?.focus();
    });
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const searchId = `${id}-search`;
  const listId = `${id}-list`;
  const count =
    matches.length === 0
      ? `No district matches “${query.trim()}”.`
      : needle
        ? `${matches.length} ${matches.length === 1 ? 'district matches' : 'districts match'} “${query.trim()}”${matches.length > shown.length ? `: showing the first ${shown.length}` : ''}.`
        : `${matches.length} districts: showing the first ${shown.length}. Type to narrow the list.`;

  return (
    <fieldset
      className="field la-picker"
      aria-describedby={
        [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="field__label">{label}</legend>
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldError id={errorId} error={error} />
      <div className="la-picker__chosen">
        <p className="la-picker__chosen-label" id={`${id}-chosen`}>
          Chosen: {value.length === 0 ? 'none yet' : value.length}
        </p>
        {value.length > 0 ? (
          <ul className="chip-list" ref={chipsRef} aria-labelledby={`${id}-chosen`}>
            {value.map((code, index) => {
              const district = byCode.get(code);
              const districtName = district?.name ?? code;
              return (
                <li key={code}>
                  <button
                    type="button"
                    className="chip"
                    aria-label={`Remove ${districtName}`}
                    onClick={() => remove(code, index)}
                  >
                    {districtName}
                    <span className="chip__remove" aria-hidden="true">
                      ×
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <label className="la-picker__search-label" htmlFor={searchId}>
        Search districts by name, code or region
      </label>
      <input
        ref={searchRef}
        id={searchId}
        name={name}
        type="search"
        className="field__control la-picker__search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter in the search box must not submit the whole settings form.
          if (event.key === 'Enter') event.preventDefault();
        }}
        aria-controls={listId}
        aria-describedby={countId}
        aria-invalid={error ? true : undefined}
      />
      <p className="la-picker__count" id={countId} role="status">
        {count}
      </p>
      <ul className="la-picker__options" id={listId} aria-label="Districts">
        {shown.map((district) => {
          const optionId = `${id}-${district.code}`;
          return (
            <li key={district.code} className="la-picker__option">
              <input
                type="checkbox"
                id={optionId}
                checked={chosen.has(district.code)}
                onChange={(event) => toggle(district.code, event.target.checked)}
              />
              <label htmlFor={optionId}>
                {district.name}{' '}
                <span className="la-picker__meta">
                  {district.code} · {district.region}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
