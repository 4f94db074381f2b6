import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { type ContentAction, type ContentStatus, checkLegalFields, nextContentStatus, publishedAtAfter } from './content-item';

describe('nextContentStatus', () => {
  const cases: [ContentStatus, ContentAction, ContentStatus | 'refused'][] = [
    ['draft', 'publish', 'published'],
    ['unpublished', 'publish', 'published'],
    ['published', 'publish', 'refused'],
    ['published', 'unpublish', 'unpublished'],
    ['draft', 'unpublish', 'refused'],
    ['unpublished', 'unpublish', 'refused'],
  ];
  it.each(cases)('%s + %s → %s', (status, action, expected) => {
    if (expected === 'refused') {
      expect(() => nextContentStatus(status, action)).toThrow(
        expect.objectContaining({ code: 'content.step_not_allowed', kind: 'conflict' }),
      );
    } else expect(nextContentStatus(status, action)).toBe(expected);
  });
});

describe('publishedAtAfter', () => {
  const first = new Date('2026-05-22T01:00:00Z');
  const now = new Date('2026-06-01T01:00:00Z');
  it.each([
    ['publish', null, now],
    ['publish', first, first],
    ['unpublish', first, first],
  ] as const)('%s with previous %s keeps %s', (action, previous, expected) => {
    expect(publishedAtAfter(action, previous, now)).toEqual(expected);
  });
});

describe('checkLegalFields', () => {
  const valid = {
    legalKind: 'decision' as const,
    documentNumber: '26/2026/QĐ-TTg',
    issuingBody: 'Thủ tướng Chính phủ',
    signedOn: '2026-05-22',
    effectiveOn: '2026-07-06',
  };
  it('accepts a complete legal text, with or without an effective date', () => {
    expect(() => checkLegalFields(valid)).not.toThrow();
    expect(() => checkLegalFields({ ...valid, effectiveOn: null })).not.toThrow();
  });
  it.each(['legalKind', 'documentNumber', 'issuingBody', 'signedOn'] as const)('refuses a legal text without %s', (field) => {
    try {
      checkLegalFields({ ...valid, [field]: null });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('content.legal_field_required');
      expect((error as DomainError).details).toEqual({ field });
    }
  });
  it('refuses an effective date before the signing date', () => {
    expect(() => checkLegalFields({ ...valid, effectiveOn: '2026-05-21' })).toThrow(
      expect.objectContaining({ code: 'content.effective_before_signed' }),
    );
  });
});
