import { useEffect, useState } from 'react';

const number = new Intl.NumberFormat('en-GB');

/** "You have 1,850 characters remaining", or "You have 12 characters too many". */
export function characterCountMessage(length: number, limit: number): string {
  const left = limit - length;
  if (left >= 0) {
    return `You have ${number.format(left)} ${left === 1 ? 'character' : 'characters'} remaining`;
  }
  const over = -left;
  return `You have ${number.format(over)} ${over === 1 ? 'character' : 'characters'} too many`;
}

/** How long typing must pause before the count is announced. */
export const CHARACTER_COUNT_ANNOUNCE_MS = 1000;

/**
 * The GOV.UK character count (https://design-system.service.gov.uk/components/character-count/):
 * the visible count follows every keystroke; screen readers hear it politely once typing pauses,
 * not on every key. `id` is for the field's `aria-describedby`.
 */
export function CharacterCount({ id, value, limit }: { id: string; value: string; limit: number }) {
  const message = characterCountMessage(value.length, limit);
  const [announced, setAnnounced] = useState('');
  const [first, setFirst] = useState(true);
  useEffect(() => {
    // Nothing is announced when the page loads: only after the user types.
    if (first) {
      setFirst(false);
      return;
    }
    const timer = setTimeout(() => setAnnounced(message), CHARACTER_COUNT_ANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  const over = value.length > limit;
  return (
    <>
      <p id={id} className={`character-count${over ? ' character-count--over' : ''}`}>
        {message}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
