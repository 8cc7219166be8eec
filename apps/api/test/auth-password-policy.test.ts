import { describe, expect, it } from 'vitest';
import { checkPassword } from '../src/modules/auth/password-policy.js';

/** The password rules beyond length, without the HTTP layer. */
describe('checkPassword', () => {
  const person = { email: 'sam.okafor@example.org', name: 'Sam Okafor' };

  it('accepts a long, uncommon password', () => {
    expect(checkPassword('mango-velvet-harbour-92', person)).toBeNull();
    expect(checkPassword('correct horse battery staple 42', person)).toBeNull();
  });

  it.each(['password1234', 'qwertyuiop123', 'Password123!', 'iloveyou2024!'])(
    'refuses the common password %s',
    (password) => {
      const problem = checkPassword(password, person);
      expect(problem?.code).toBe('password_common');
      // Says its point once, without zxcvbn's warning repeating it.
      expect(problem?.message).toBe(
        'This password is too common. Choose another: three or four random words work well.',
      );
    },
  );

  it('refuses a guessable one that no list names', () => {
    const problem = checkPassword('abcabcabcabcabc', person);
    expect(problem?.code).toBe('password_weak');
    expect(problem?.message).toBe(
      'Repeated character patterns like "abcabcabc" are easy to guess. Choose a longer one: three or four random words work well.',
    );
    expect(problem?.message.match(/easy to guess/g)).toHaveLength(1);
    expect(problem?.message).not.toMatch(/\.\./);
  });

  it.each([
    ['the email local part, any case, separators ignored', 'SamOkafor-quartz-lantern-7'],
    ['the whole name', 'quartz sam okafor lantern'],
    ['a part of the name', 'quartz-OKAFOR-lantern-7'],
  ])('refuses a password containing %s', (_label, password) => {
    expect(checkPassword(password, person)?.code).toBe('password_personal');
  });

  it('ignores name parts too short to matter', () => {
    expect(
      checkPassword('samba-velvet-harbour-92', { email: 'al@example.org', name: 'Al Sam' }),
    ).toBeNull();
  });
});
