import { describe, expect, it } from 'vitest';
import { documentExpiry } from './document';

describe('document expiry', () => {
  it('flags a document ended yesterday as expired, its last day as still valid but expiring', () => {
    expect(documentExpiry('2026-03-09', '2026-03-10')).toBe('expired');
    expect(documentExpiry('2026-03-10', '2026-03-10')).toBe('expiring');
  });

  it('warns exactly 60 days ahead, across a month and a year end', () => {
    expect(documentExpiry('2027-01-30', '2026-12-01')).toBe('expiring');
    expect(documentExpiry('2027-01-31', '2026-12-01')).toBeNull();
    expect(documentExpiry('2026-04-29', '2026-02-28')).toBe('expiring');
  });

  it('never flags a document without an end date', () => {
    expect(documentExpiry(null, '2026-03-10')).toBeNull();
  });
});
