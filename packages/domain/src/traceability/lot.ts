import { DomainError } from '../shared/domain-error';
import { isAiValue } from './gs1-keys';
import { lotClassUris } from './province-code';

/**
 * A production lot (lô sản xuất) of an OCOP product: the rules its fields follow, before any
 * storage. The lot code is what GS1 AI 10 carries, so one lot has the same name in a Digital
 * Link, an EPC class URI and the province's own URN.
 */

/** Why a lot code was refused. */
export type LotCodeProblem = 'empty' | 'too_long' | 'bad_character';

export const LOT_CODE_MAX_LENGTH = 20;

/**
 * The lot code as stored (trimmed), or why it cannot be one: 1 to 20 characters of GS1 AI
 * encodable set 82 (letters and digits without marks, and `! " % & ' ( ) * + , - . / : ; < = > ? _`).
 * Case is kept: GS1 lot numbers are case-sensitive.
 */
export function checkLotCode(raw: string): { ok: true; lotCode: string } | { ok: false; problem: LotCodeProblem } {
  const lotCode = raw.trim();
  if (lotCode === '') return { ok: false, problem: 'empty' };
  if (lotCode.length > LOT_CODE_MAX_LENGTH) return { ok: false, problem: 'too_long' };
  if (!isAiValue(lotCode, LOT_CODE_MAX_LENGTH)) return { ok: false, problem: 'bad_character' };
  return { ok: true, lotCode };
}

/**
 * Units a lot's quantity is counted in. `uom` is the UN/ECE Recommendation 20 code EPCIS puts
 * beside a quantity of a measured unit; counted units (a box, a bottle) have none, because EPCIS
 * reads a quantity without `uom` as a number of instances.
 */
export const LOT_UNITS = {
  kg: { vi: 'kg', en: 'kg', uom: 'KGM' },
  g: { vi: 'g', en: 'g', uom: 'GRM' },
  l: { vi: 'lít', en: 'litre', uom: 'LTR' },
  ml: { vi: 'ml', en: 'ml', uom: 'MLT' },
  box: { vi: 'hộp', en: 'box', uom: null },
  bottle: { vi: 'chai', en: 'bottle', uom: null },
  pack: { vi: 'gói', en: 'pack', uom: null },
  bag: { vi: 'túi', en: 'bag', uom: null },
  piece: { vi: 'cái', en: 'piece', uom: null },
  carton: { vi: 'thùng', en: 'carton', uom: null },
} as const satisfies Record<string, { vi: string; en: string; uom: string | null }>;

export type LotUnit = keyof typeof LOT_UNITS;
export const LOT_UNIT_CODES = Object.keys(LOT_UNITS) as [LotUnit, ...LotUnit[]];

/** Why a quantity was refused. */
export type QuantityProblem = 'not_a_number' | 'not_positive' | 'too_precise' | 'too_large';

/** At most 12 digits before the point and 3 after it: the `numeric(15, 3)` column, exact as a JSON number. */
const QUANTITY = /^(\d{1,12})(?:\.(\d+))?$/;
const QUANTITY_DECIMALS = 3;

/**
 * The quantity as a canonical decimal string ('12.5'), or why it cannot be one: a number above
 * zero with at most three decimals and twelve whole digits. A number or a numeric string is taken
 * (a form sends text); a decimal comma is read as a point ('12,5').
 */
export function checkQuantity(raw: number | string): { ok: true; quantity: string } | { ok: false; problem: QuantityProblem } {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : raw.trim().replace(',', '.');
  if (/^-\d/.test(text)) return { ok: false, problem: 'not_positive' };
  if (/e/i.test(text)) return { ok: false, problem: Math.abs(Number(text)) >= 1 ? 'too_large' : 'too_precise' };
  const match = QUANTITY.exec(text);
  if (!match) return /^\d{13,}(\.\d+)?$/.test(text) ? { ok: false, problem: 'too_large' } : { ok: false, problem: 'not_a_number' };
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > QUANTITY_DECIMALS) return { ok: false, problem: 'too_precise' };
  if (/^0+$/.test(whole) && fraction === '') return { ok: false, problem: 'not_positive' };
  return { ok: true, quantity: fraction === '' ? whole : `${whole}.${fraction}` };
}

/**
 * The dates of a lot. Decision: a lot carries at most one of `expiresOn` (hạn sử dụng, CBV
 * `itemExpirationDate`, GS1 AI 17) and `bestBefore` (sử dụng tốt nhất trước, CBV `bestBeforeDate`,
 * AI 15): Vietnamese labelling rules (Nghị định 43/2017, amended by 111/2021) show the shelf life
 * as one date written in either form, so both on one lot would say the same thing twice, possibly
 * differently. Neither is allowed: some goods (handicrafts, some spirits) carry no shelf life.
 */
export type LotDates = { producedOn: string; expiresOn: string | null; bestBefore: string | null };

export type LotDateProblem = 'produced_in_future' | 'expiry_not_after_production' | 'best_before_not_after_production' | 'both_end_dates';

/** The first rule the dates break, or null; ISO dates compare as strings. `today` is the date in Vietnam. */
export function lotDateProblem(dates: LotDates, today: string): { problem: LotDateProblem; field: keyof LotDates } | null {
  if (dates.producedOn > today) return { problem: 'produced_in_future', field: 'producedOn' };
  if (dates.expiresOn !== null && dates.bestBefore !== null) return { problem: 'both_end_dates', field: 'bestBefore' };
  if (dates.expiresOn !== null && dates.expiresOn <= dates.producedOn)
    return { problem: 'expiry_not_after_production', field: 'expiresOn' };
  if (dates.bestBefore !== null && dates.bestBefore <= dates.producedOn)
    return { problem: 'best_before_not_after_production', field: 'bestBefore' };
  return null;
}

/** A growing-area code (mã số vùng trồng) as the plant-protection offices issue them: letters, digits, spaces and . _ / -. */
const GROWING_AREA_CODE = /^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,39}$/;

/** The growing-area code as stored (trimmed, inner spaces collapsed), null when blank, undefined when malformed. */
export function normalizeGrowingAreaCode(raw: string | null | undefined): string | null | undefined {
  const code = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (code === '') return null;
  return GROWING_AREA_CODE.test(code) ? code : undefined;
}

/** What a lot's fields are, as a client sends them. */
export type LotFieldsInput = {
  lotCode: string;
  producedOn: string;
  expiresOn?: string | null | undefined;
  bestBefore?: string | null | undefined;
  quantity: number | string;
  unit: LotUnit;
  growingAreaCode?: string | null | undefined;
  growingAreaCommuneCode?: string | null | undefined;
  notes?: string | null | undefined;
};

export type CheckedLotFields = LotDates & {
  lotCode: string;
  quantity: string;
  unit: LotUnit;
  growingAreaCode: string | null;
  growingAreaCommuneCode: string | null;
  notes: string | null;
};

const DATE_CODES = {
  produced_in_future: 'lot.produced_in_future',
  expiry_not_after_production: 'lot.expiry_not_after_production',
  best_before_not_after_production: 'lot.best_before_not_after_production',
  both_end_dates: 'lot.both_end_dates',
} as const;

/**
 * The checked, normalised fields of a lot, or a DomainError (`invalid`) naming the first field
 * that breaks a rule and why. The growing area's commune is checked against the map by the caller.
 */
export function checkLotFields(input: LotFieldsInput, today: string): CheckedLotFields {
  const code = checkLotCode(input.lotCode);
  if (!code.ok)
    throw new DomainError('invalid', 'lot.code_invalid', 'The lot code is not valid.', { field: 'lotCode', reason: code.problem });
  const dates: LotDates = { producedOn: input.producedOn, expiresOn: input.expiresOn ?? null, bestBefore: input.bestBefore ?? null };
  const dateProblem = lotDateProblem(dates, today);
  if (dateProblem)
    throw new DomainError('invalid', DATE_CODES[dateProblem.problem], 'The lot dates are not valid.', {
      ...dates,
      field: dateProblem.field,
      today,
    });
  const quantity = checkQuantity(input.quantity);
  if (!quantity.ok)
    throw new DomainError('invalid', 'lot.quantity_invalid', 'The quantity is not valid.', { field: 'quantity', reason: quantity.problem });
  const growingAreaCode = normalizeGrowingAreaCode(input.growingAreaCode);
  if (growingAreaCode === undefined)
    throw new DomainError('invalid', 'lot.growing_area_code_invalid', 'The growing area code is not valid.', { field: 'growingAreaCode' });
  const notes = input.notes?.trim() || null;
  return {
    lotCode: code.lotCode,
    ...dates,
    quantity: quantity.quantity,
    unit: input.unit,
    growingAreaCode,
    growingAreaCommuneCode: input.growingAreaCommuneCode?.trim() || null,
    notes,
  };
}

/**
 * The EPC class URI of a lot, the name EPCIS events give it: the LGTIN Digital Link
 * (`https://id.gs1.org/01/{gtin14}/10/{lot}`) when the product has a GTIN, the province URN
 * (`urn:ocop:vn:lot:{code}:{lot}`) otherwise.
 */
export function lotClassUri(product: { gtin14: string | null; code: string }, lotCode: string): string {
  return lotClassUris(product.gtin14 === null ? { code: product.code } : { code: product.code, gtin: product.gtin14 }, lotCode).primary;
}
