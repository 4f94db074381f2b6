import { describe, expect, it } from 'vitest';
import {
  type CertificateFacts,
  certificateStatus,
  formatCertificateNumber,
  mayShowMark,
  normaliseCertificateNumber,
  patternProblem,
  reminderDue,
  revocationEffectiveOn,
  termEnd,
} from './index';

const base: CertificateFacts = {
  issuedOn: '2026-07-01',
  expiresOn: '2029-06-30',
  revokedFrom: null,
  supersededFrom: null,
  pendingReEvaluation: null,
};

describe('certificateStatus', () => {
  it.each([
    ['2026-07-01', 'valid', '2026-07-01'],
    ['2028-12-31', 'valid', '2026-07-01'],
    ['2029-01-01', 'expiring', '2029-01-01'],
    ['2029-06-30', 'expiring', '2029-01-01'],
    ['2029-07-01', 'expired', '2029-07-01'],
  ])('on %s without events: %s since %s', (today, status, since) => {
    expect(certificateStatus(base, today)).toMatchObject({ status, since });
  });

  it('counts the days left to the last valid day', () => {
    expect(certificateStatus(base, '2029-06-20').daysLeft).toBe(10);
    expect(certificateStatus(base, '2029-07-01').daysLeft).toBeNull();
  });

  it('takes the expiring window from the policy', () => {
    expect(certificateStatus(base, '2029-04-01', { expiringWindowDays: 90, lateExtensionMaxDays: 180 }).status).toBe('expiring');
    expect(certificateStatus(base, '2029-03-01', { expiringWindowDays: 90, lateExtensionMaxDays: 180 }).status).toBe('valid');
  });

  it('is in re-evaluation once filed in time, and still valid', () => {
    const facts = { ...base, pendingReEvaluation: { dossierId: 'd', filedOn: '2029-01-15', lateFiling: false } };
    expect(certificateStatus(facts, '2029-01-14').status).toBe('expiring');
    const status = certificateStatus(facts, '2029-02-01');
    expect(status).toMatchObject({ status: 'in_re_evaluation', since: '2029-01-15', validUntil: '2029-06-30' });
    expect(mayShowMark(status.status)).toBe(true);
  });

  it('is extended past expiry while a re-evaluation is pending, at most 180 days (Art. 12.3)', () => {
    const facts = { ...base, pendingReEvaluation: { dossierId: 'd', filedOn: '2029-04-01', lateFiling: true } };
    expect(certificateStatus(facts, '2029-07-01')).toMatchObject({ status: 'extended', since: '2029-07-01', validUntil: '2029-12-27' });
    expect(certificateStatus(facts, '2029-12-27').status).toBe('extended');
    expect(certificateStatus(facts, '2029-12-28')).toMatchObject({ status: 'expired', since: '2029-12-28' });
  });

  it('is revoked from the day the revocation takes effect, whatever else holds', () => {
    const facts = { ...base, revokedFrom: '2027-03-16', pendingReEvaluation: { dossierId: 'd', filedOn: '2027-01-01', lateFiling: false } };
    expect(certificateStatus(facts, '2027-03-15').status).toBe('in_re_evaluation');
    expect(certificateStatus(facts, '2027-03-16')).toMatchObject({ status: 'revoked', since: '2027-03-16', validUntil: null });
    expect(mayShowMark('revoked')).toBe(false);
  });

  it('is superseded from the newer decision', () => {
    const facts = { ...base, supersededFrom: '2028-05-10' };
    expect(certificateStatus(facts, '2028-05-09').status).toBe('valid');
    expect(certificateStatus(facts, '2030-01-01')).toMatchObject({ status: 'superseded', since: '2028-05-10' });
    expect(mayShowMark('superseded')).toBe(false);
  });
});

describe('termEnd', () => {
  it('ends the day before the same date 36 months on', () => {
    expect(termEnd('2026-07-01', 36)).toBe('2029-06-30');
    expect(termEnd('2028-02-29', 36)).toBe('2031-02-28');
  });
});

describe('certificate numbers', () => {
  it('formats the province pattern', () => {
    expect(formatCertificateNumber('{seq}/GCN-OCOP-{province}-{year}', { seq: 7, province: '14', year: 2026, stars: 4 })).toBe(
      '7/GCN-OCOP-14-2026',
    );
    expect(formatCertificateNumber('{seq:3}-{stars}S/{year}', { seq: 7, province: '14', year: 2026, stars: 4 })).toBe('007-4S/2026');
  });

  it.each([
    ['{seq}/GCN-OCOP-{province}-{year}', null],
    ['GCN-{year}', 'seq_missing'],
    ['{seq}/{district}', 'unknown_placeholder'],
    ['{seq} số <b>', 'characters'],
    ['x'.repeat(49), 'too_long'],
  ])('pattern %s: %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem);
  });

  it('normalises what people type and refuses what is not a number', () => {
    expect(normaliseCertificateNumber(' 12/gcn-ocop-14-2026 ')).toBe('12/GCN-OCOP-14-2026');
    expect(normaliseCertificateNumber('../../etc/passwd')).toBeNull();
    expect(normaliseCertificateNumber('<script>')).toBeNull();
    expect(normaliseCertificateNumber('1'.repeat(65))).toBeNull();
  });
});

describe('revocation and reminders', () => {
  it('takes effect 15 days after the finding (Art. 8)', () => {
    expect(revocationEffectiveOn('2027-03-01')).toBe('2027-03-16');
  });

  it('sends each reminder once, the latest due, and the expiry notice for a month', () => {
    const expires = '2029-06-30';
    expect(reminderDue(expires, '2029-01-01', new Set())).toBe(180);
    expect(reminderDue(expires, '2029-01-01', new Set(['before_180']))).toBeNull();
    expect(reminderDue(expires, '2029-03-05', new Set(['before_180']))).toBe(120);
    expect(reminderDue(expires, '2029-06-15', new Set())).toBe(30);
    expect(reminderDue(expires, '2029-07-01', new Set(['before_30']))).toBe(0);
    expect(reminderDue(expires, '2029-08-15', new Set())).toBeNull();
    expect(reminderDue(expires, '2028-12-31', new Set())).toBeNull();
  });
});
