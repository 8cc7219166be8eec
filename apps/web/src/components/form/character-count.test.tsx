import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHARACTER_COUNT_ANNOUNCE_MS,
  CharacterCount,
  characterCountMessage,
} from './character-count';

function Notes() {
  const [value, setValue] = useState('');
  return (
    <>
      <textarea aria-label="Notes" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="button" onClick={() => setValue((v) => `${v}x`)}>
        type
      </button>
      <CharacterCount id="notes-count" value={value} limit={2000} />
    </>
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('CharacterCount', () => {
  it('says how many characters are left, or how many too many', () => {
    expect(characterCountMessage(150, 2000)).toBe('You have 1,850 characters remaining');
    expect(characterCountMessage(1999, 2000)).toBe('You have 1 character remaining');
    expect(characterCountMessage(2012, 2000)).toBe('You have 12 characters too many');
  });

  it('shows the count at once but announces it only once typing pauses', () => {
    render(<Notes />);
    const live = document.querySelector('[aria-live="polite"]');
    expect(screen.getByText('You have 2,000 characters remaining')).toBeVisible();
    expect(live).toHaveTextContent('');
    for (let i = 0; i < 3; i += 1) {
      act(() => screen.getByRole('button', { name: 'type' }).click());
      act(() => vi.advanceTimersByTime(CHARACTER_COUNT_ANNOUNCE_MS / 2));
    }
    expect(screen.getByText('You have 1,997 characters remaining')).toBeVisible();
    // Still typing: nothing announced yet.
    expect(live).toHaveTextContent('');
    act(() => vi.advanceTimersByTime(CHARACTER_COUNT_ANNOUNCE_MS));
    expect(live).toHaveTextContent('You have 1,997 characters remaining');
  });
});
