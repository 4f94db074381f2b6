/** A Vietnamese number in E.164 form, and whether it is a mobile (the only kind SMS and Zalo reach). */
export type VietnamesePhone = { e164: string; mobile: boolean };

/**
 * A Vietnamese phone number as people write it ('0912 345 678', '(+84) 912.345.678',
 * '0084912345678', '84912345678', '0212 3852 123') in E.164 ('+84912345678'), or null for anything
 * else: letters, two numbers in one field, a wrong length, an old 11-digit mobile (01xx, renumbered
 * in 2018). After the country code a mobile has 9 digits starting 3, 5, 7, 8 or 9; a landline has
 * 10 starting 2.
 */
export function normaliseVietnamesePhone(input: string): VietnamesePhone | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+84')) national = compact.slice(3);
  else if (compact.startsWith('+'))
    return null; // another country
  else if (compact.startsWith('0084')) national = compact.slice(4);
  else if (compact.startsWith('84') && compact.length === 11) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return null;
  if (/^[35789]\d{8}$/.test(national)) return { e164: `+84${national}`, mobile: true };
  if (/^2\d{9}$/.test(national)) return { e164: `+84${national}`, mobile: false };
  return null;
}

/** A number as a log may show it: the country code and the last two digits ('+84*******78'). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const head = phone.startsWith('+') ? `+${digits.slice(0, 2)}` : digits.slice(0, 2);
  return `${head}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}
