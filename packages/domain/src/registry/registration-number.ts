import { DomainError } from '../shared/domain-error';
import type { ProducerType } from './producer';

/** Mã số thuế: 10 digits, or 10 digits + '-' + 3 digits for a branch or dependent unit. */
const TAX_CODE = /^\d{10}(-\d{3})?$/;
/**
 * Since 1 July 2025 an individual's (and so a household business's) tax code is their 12-digit
 * personal identification number (Circular 86/2024/TT-BTC).
 */
const PERSONAL_ID = /^\d{12}$/;
/** A household business or cooperative group registration number: letters, digits and / - . (e.g. "24A8001234", "12/GCN-UBND"). */
const FREE_FORM = /^[A-Z0-9][A-Z0-9/.-]{0,39}$/;

export function isTaxCode(value: string): boolean {
  return TAX_CODE.test(value);
}

/**
 * Normalises and checks a producer's tax code or registration number:
 * - spaces are removed and letters upper-cased;
 * - an enterprise or a cooperative must give its tax code (mã số doanh nghiệp / mã số HTX);
 * - a household business or a cooperative group may give a tax code, a 12-digit personal ID
 *   (their tax code since 2025), or the free-form number of its registration certificate; but a
 *   value made only of digits and dashes is read as a tax code and must have its shape, so that
 *   "a tax code with 9 digits" is refused whatever the type.
 */
export function normalizeRegistrationNumber(type: ProducerType, raw: string): string {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  if (value === '') {
    throw new DomainError('invalid', 'producer.registration_number_required', 'The tax code or registration number is required.', {
      field: 'registrationNumber',
    });
  }
  const looksNumeric = /^[\d-]+$/.test(value);
  const legalEntity = type === 'enterprise' || type === 'cooperative';
  if (legalEntity || looksNumeric) {
    if (TAX_CODE.test(value) || (!legalEntity && PERSONAL_ID.test(value))) return value;
    throw new DomainError('invalid', 'producer.tax_code_invalid', 'A tax code has 10 digits, or 10 digits, a dash and 3 digits.', {
      field: 'registrationNumber',
      value,
    });
  }
  if (!FREE_FORM.test(value) || !/\d/.test(value)) {
    throw new DomainError(
      'invalid',
      'producer.registration_number_invalid',
      'The registration number has characters that are not allowed.',
      {
        field: 'registrationNumber',
        value,
      },
    );
  }
  return value;
}
