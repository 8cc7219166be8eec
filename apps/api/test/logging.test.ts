import { describe, expect, it } from 'vitest';
import { redactUrl } from '../src/logging.js';

describe('redactUrl', () => {
  it('hides token query parameters, wherever they stand', () => {
    expect(redactUrl('/api/v1/invitations/preview?token=abc123')).toBe(
      '/api/v1/invitations/preview?token=[redacted]',
    );
    expect(redactUrl('/reset-password?x=1&token=s3cr3t&y=2')).toBe(
      '/reset-password?x=1&token=[redacted]&y=2',
    );
  });

  it('leaves other URLs alone', () => {
    expect(redactUrl('/api/v1/frameworks?page=2')).toBe('/api/v1/frameworks?page=2');
    expect(redactUrl('/tokens/abc')).toBe('/tokens/abc');
  });
});
