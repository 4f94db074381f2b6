import { addDays } from './certificate-status';

/** Art. 8: the grounds on which a certificate is revoked, (a) to (e) of the article. */
export const REVOCATION_GROUNDS = ['a', 'b', 'c', 'd', 'dd', 'e'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

/** The letter the decision cites (đ for the fifth ground). */
export const GROUND_LETTER: Record<RevocationGround, string> = { a: 'a', b: 'b', c: 'c', d: 'd', dd: 'đ', e: 'e' };

/** Art. 8: a revocation takes effect this many days after the violation was found. */
export const REVOCATION_EFFECT_DAYS = 15;

export function revocationEffectiveOn(findingOn: string): string {
  return addDays(findingOn, REVOCATION_EFFECT_DAYS);
}
