import { describe, expect, it } from 'vitest';
import { ConfigError, fastifyTrustProxy, loadConfig } from '../src/config.js';

/** The configuration module alone (no app, no database). */
describe('TRUST_PROXY', () => {
  const trust = (value?: string) =>
    loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

  it('defaults to trusting no proxy', () => {
    expect(trust()).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
  });

  it('takes a hop count', () => {
    expect(trust('1')).toEqual({ hops: 1 });
    expect(trust('2')).toEqual({ hops: 2 });
  });

  it('takes a comma-separated list of addresses and CIDRs', () => {
    expect(trust('10.0.0.0/8, 192.168.1.10,fd00::/8,loopback')).toEqual({
      addresses: ['10.0.0.0/8', '192.168.1.10', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses `true` with a line that names the variable and what to set instead', () => {
    expect(() => trust('true')).toThrow(ConfigError);
    expect(() => trust('TRUE')).toThrow(
      /TRUST_PROXY=true .*TRUST_PROXY=1.*TRUST_PROXY=10\.0\.0\.0\/8/,
    );
  });

  it.each([
    ['a word', 'yes'],
    ['a bad address', '10.0.0.300'],
    ['a bad prefix', '10.0.0.0/33'],
    ['an empty entry', '10.0.0.1,'],
    ['too many hops', '11'],
  ])('refuses %s', (_label, value) => {
    expect(() => trust(value)).toThrow(/TRUST_PROXY/);
  });

  it('becomes a Fastify trust function that believes exactly that many hops', () => {
    const fn = fastifyTrustProxy({ hops: 1 });
    expect(typeof fn).toBe('function');
    if (typeof fn !== 'function') return;
    expect(fn('10.0.0.1', 0)).toBe(true);
    expect(fn('10.0.0.2', 1)).toBe(false);
    expect(fastifyTrustProxy({ addresses: ['10.0.0.0/8'] })).toEqual(['10.0.0.0/8']);
    expect(fastifyTrustProxy(false)).toBe(false);
  });
});

describe('session and sign-in settings', () => {
  it('have defaults', () => {
    const { auth } = loadConfig({});
    expect(auth.sessionMaxAgeDays).toBe(90);
    expect(auth.loginLimits).toEqual({ perAddressAndEmail: 10, perAddress: 30, perAccount: 20 });
  });

  it('are read from the environment', () => {
    const { auth } = loadConfig({
      SESSION_MAX_AGE_DAYS: '7',
      LOGIN_LIMIT_ADDRESS_EMAIL: '5',
      LOGIN_LIMIT_ADDRESS: '100',
      LOGIN_LIMIT_ACCOUNT: '8',
    });
    expect(auth.sessionMaxAgeDays).toBe(7);
    expect(auth.loginLimits).toEqual({ perAddressAndEmail: 5, perAddress: 100, perAccount: 8 });
  });

  it.each([
    ['SESSION_MAX_AGE_DAYS', '0'],
    ['SESSION_MAX_AGE_DAYS', 'ninety'],
    ['LOGIN_LIMIT_ADDRESS', '0'],
    ['LOGIN_LIMIT_ACCOUNT', '-1'],
    ['LOGIN_LIMIT_ADDRESS_EMAIL', '1.5'],
  ])('refuses %s=%s with a line naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new RegExp(`Invalid configuration: ${name}`),
    );
  });
});

describe('REMINDER_INTERVAL_SECONDS', () => {
  it('runs the reminders job every 5 minutes by default, never on a timer in tests', () => {
    expect(loadConfig({}).reminders).toEqual({ intervalSeconds: 300 });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).reminders).toEqual({
      intervalSeconds: 300,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).reminders).toEqual({ intervalSeconds: 0 });
  });

  it('is read from the environment, 0 turning the timer off', () => {
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '60' }).reminders.intervalSeconds).toBe(60);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '0' }).reminders.intervalSeconds).toBe(0);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: ' ' }).reminders.intervalSeconds).toBe(300);
    expect(
      loadConfig({ NODE_ENV: 'test', REMINDER_INTERVAL_SECONDS: '5' }).reminders.intervalSeconds,
    ).toBe(5);
  });

  it.each(['-1', '1.5', 'often', '86401'])('refuses %s', (value) => {
    expect(() => loadConfig({ REMINDER_INTERVAL_SECONDS: value })).toThrow(
      /Invalid configuration: REMINDER_INTERVAL_SECONDS/,
    );
  });
});
