import { canonicalGs1Uri, type JsonObject, type JsonValue, parseGs1KeyUri, parseProvinceKeyUri } from '@ocop/domain/traceability';
import type { EpcisKeyRole } from './epcis.tables';

/**
 * The identifiers an event names, each in canonical form and with the place it appears, as the
 * key index stores them and the MATCH_ query parameters look them up.
 */
export type EventKey = { key: string; role: EpcisKeyRole };

/** At most this many keys are indexed per event (a document's events are bounded by the schema's lists otherwise). */
export const MAX_KEYS_PER_EVENT = 2_000;

const INSTANCE_LISTS: ReadonlyArray<[string, EpcisKeyRole]> = [
  ['epcList', 'epc'],
  ['childEPCs', 'child'],
  ['inputEPCList', 'input'],
  ['outputEPCList', 'output'],
];
const CLASS_LISTS: ReadonlyArray<[string, EpcisKeyRole]> = [
  ['quantityList', 'quantity'],
  ['childQuantityList', 'child_quantity'],
  ['inputQuantityList', 'input_quantity'],
  ['outputQuantityList', 'output_quantity'],
];

/**
 * One spelling per identifier: a GS1 key as its id.gs1.org Digital Link (so `urn:epc:id:sgtin:…`
 * and any resolver's Digital Link meet), anything else as sent. Query values go through the same.
 */
export function canonicalKey(uri: string): string {
  return canonicalGs1Uri(uri) ?? uri;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The keys of one event, without repeats. */
export function eventKeys(event: JsonObject): EventKey[] {
  const seen = new Set<string>();
  const keys: EventKey[] = [];
  const add = (raw: JsonValue | undefined, role: EpcisKeyRole) => {
    if (typeof raw !== 'string' || raw === '' || keys.length >= MAX_KEYS_PER_EVENT) return;
    const key = canonicalKey(raw);
    const id = `${role} ${key}`;
    if (seen.has(id)) return;
    seen.add(id);
    keys.push({ key, role });
  };
  if (typeof event.parentID === 'string') add(event.parentID, 'parent');
  for (const [field, role] of INSTANCE_LISTS) {
    const list = event[field];
    if (Array.isArray(list)) for (const epc of list) add(epc, role);
  }
  for (const [field, role] of CLASS_LISTS) {
    const list = event[field];
    if (Array.isArray(list)) for (const entry of list) if (isObject(entry)) add(entry.epcClass, role);
  }
  return keys;
}

/** The roles MATCH_epc reads (EPCIS 2.0 §8.2.7.1: epcList and childEPCs); MATCH_anyEPC adds parent, inputs and outputs. */
export const EPC_ROLES: readonly EpcisKeyRole[] = ['epc', 'child'];
export const ANY_EPC_ROLES: readonly EpcisKeyRole[] = ['epc', 'child', 'parent', 'input', 'output'];
/** MATCH_epcClass: quantityList and childQuantityList; MATCH_anyEPCClass adds the transformation's lists. */
export const EPC_CLASS_ROLES: readonly EpcisKeyRole[] = ['quantity', 'child_quantity'];
export const ANY_EPC_CLASS_ROLES: readonly EpcisKeyRole[] = ['quantity', 'child_quantity', 'input_quantity', 'output_quantity'];

/** What an identifier says about whose product it is: a GTIN, a province product code, or neither. */
export type ProductReference = { kind: 'gtin'; gtin: string } | { kind: 'code'; code: string } | { kind: 'none' };

const CARTON_PREFIX = 'urn:ocop:vn:carton:';

/**
 * The product an identifier belongs to. GTIN-bearing GS1 keys (GTIN, LGTIN, SGTIN) name a GTIN;
 * the province's URNs (product, lot, and a carton of a lot) name a product code; SSCCs, GLNs and
 * other URIs name no product.
 */
export function productReferenceOf(key: string): ProductReference {
  const province = parseProvinceKeyUri(key);
  if (province) return { kind: 'code', code: province.code };
  if (key.startsWith(CARTON_PREFIX)) {
    const code = key.slice(CARTON_PREFIX.length).split(':')[0] ?? '';
    return code === '' ? { kind: 'none' } : { kind: 'code', code };
  }
  const gs1 = parseGs1KeyUri(key);
  if (gs1.ok && (gs1.key.kind === 'gtin' || gs1.key.kind === 'lgtin' || gs1.key.kind === 'sgtin'))
    return { kind: 'gtin', gtin: gs1.key.gtin };
  return { kind: 'none' };
}
