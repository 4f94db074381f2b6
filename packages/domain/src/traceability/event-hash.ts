import { type CbvVocabulary, expandCbvValue } from './cbv';
import { canonicalTimestamp, canonicalValue, expandKey, type Namespaces, sortedJoin } from './event-hash-values';

/**
 * The EPCIS Event Hash ID of CBV 2.0 §8.9: `ni:///sha-256;{hex}?ver=CBV2.0`, the SHA-256 of a
 * canonical "pre-hash string" of the event, so the same event captured twice (or once as XML and
 * once as JSON) gets the same ID. The domain does no hashing (it may use no `node:crypto`): it
 * builds the pre-hash string, the caller hashes its UTF-8 bytes and `formatEventHashId` wraps the
 * digest. Written from the standard's rules and GS1's reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator), and held to its published vectors
 * (`testdata/`), whose output wins where its README's wording differs:
 * - `parentID` comes before `epcList` (the README's table has it after; no vector has both);
 * - in a business transaction, source or destination the `type=` pair comes first, then the value;
 * - the business transactions, sources, destinations, ILMD and user extensions follow the fixed
 *   fields as one block sorted by their text (so `bizTransactionList` < `destinationList` < `ilmd`
 *   < `sourceList` < `{namespace}…`);
 * - sensor elements come after bizLocation: `sensorElementList`, then each `sensorElement` (sorted)
 *   as its `sensorMetadata` fields and its `sensorReport`s (sorted), each in the table's field
 *   order with its own extensions sorted at its end, then the element's own extensions.
 *
 * Covered: the five event types in JSON-LD form with every field of the order table; CBV bare
 * words and 1.x URNs; CURIE prefixes declared in the document's `@context` (pass them as
 * `namespaces`); numbers; timestamps (UTC, milliseconds, half-up on the fourth decimal); EPC URIs
 * of SGTIN, LGTIN, SGTIN pattern, SSCC, SGLN, PGLN, GDTI, GRAI and GIAI, and Digital Links with
 * AIs 00, 01 (+10/21), 253, 414 (+254), 417, 8003, 8004 on any host; bare sensor measurement
 * types and alert types (`https://gs1.org/voc/…`) and components (`https://ref.gs1.org/cbv/Comp-…`).
 * Where the reference's JSON path differs from its own XML path and the standard's wording, this
 * follows the latter, so an event keeps one ID whichever syntax it came in:
 * - a JSON boolean (a `booleanValue`, or in an extension) is `true`/`false` (the reference's JSON
 *   path writes Python's `True`);
 * - extensions inside a sensor element, metadata or report stay at the end of their parent even
 *   when their namespace URI does not end in `/` (the reference moves those to the event's end).
 * Not covered, and refused or left as written:
 * - a field inside a sensor element that is neither a standard one nor namespaced (the schema
 *   forbids it): refused with `unsupported_field` and its path (no silent wrong ID);
 * - other GS1 keys (GSRN, GSRN-P, CPI, SGCN, GINC, GSIN, ITIP, UPUI) and Digital Link short
 *   names (`/gtin/`): kept as written, so their IDs differ from the reference's;
 * - bare vocabulary words other than bizStep, disposition, persistentDisposition, business
 *   transaction and source/destination types and the sensor ones above (e.g. error reasons): not
 *   expanded;
 * - XML documents, and JSON `null` in user extensions (omitted here; the reference writes `None`).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type EventPreHashResult =
  | { ok: true; preHash: string }
  | { ok: false; reason: 'not_an_event' }
  | { ok: false; reason: 'unsupported_field'; field: string };

/** RFC 6920 named-information URI of a SHA-256 digest (64 hex digits) of the pre-hash string. */
export function formatEventHashId(sha256Hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(sha256Hex)) throw new Error('formatEventHashId expects a SHA-256 digest in hex');
  return `ni:///sha-256;${sha256Hex.toLowerCase()}?ver=CBV2.0`;
}

/** Prefix → URI of the object entries of a document's `@context` (`{"example": "https://ns.example.com/epcis/"}`). */
export function namespacesFromContext(context: JsonValue | undefined): Namespaces {
  const namespaces: Record<string, string> = {};
  const entries = Array.isArray(context) ? context : context === undefined ? [] : [context];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const [prefix, uri] of Object.entries(entry)) if (typeof uri === 'string') namespaces[prefix] = uri;
  }
  return namespaces;
}

const EPC_LISTS = new Set(['epcList', 'inputEPCList', 'childEPCs', 'outputEPCList']);
const QUANTITY_LISTS = new Set(['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']);
const VOCABULARY_FIELDS: Record<string, CbvVocabulary> = { bizStep: 'bizStep', disposition: 'disposition' };
// biome-ignore format: the order table of CBV 2.0 §8.9
const ORDER = [
  'eventTime', 'eventTimeZoneOffset', 'certificationInfo', 'parentID', 'epcList', 'inputEPCList', 'childEPCs',
  'quantityList', 'childQuantityList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'action',
  'transformationID', 'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation',
] as const;
const ORDERED = new Set<string>(ORDER);
// Comments are no part of the content at any depth; at the event's top level neither are the ID
// itself, when the event was stored, a later error declaration, nor the JSON-LD context.
const COMMENTS = new Set(['comment', 'rdfs:comment', '#text']);
const IGNORED = new Set([...COMMENTS, 'type', 'eventID', 'recordTime', 'errorDeclaration', '@context']);
const LOCATION_SKIPPED = new Set([...COMMENTS, 'id']);
// biome-ignore format: the sensor rows of the order table
const SENSOR_METADATA_ORDER = ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'];
// biome-ignore format: the sensor rows of the order table
const SENSOR_REPORT_ORDER = [
  'type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism', 'chemicalSubstance',
  'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue', 'meanValue', 'sDev',
  'percRank', 'percValue', 'uom', 'coordinateReferenceSystem',
];
const SENSOR_TIMES = new Set(['time', 'startTime', 'endTime']);
// The Web URI prefix of the sensor fields whose JSON-LD type is a vocabulary (EPCIS 2.0 context).
const SENSOR_VOCABULARY: Record<string, string> = {
  type: 'https://gs1.org/voc/',
  exception: 'https://gs1.org/voc/',
  component: 'https://ref.gs1.org/cbv/Comp-',
};
// List name → the key of each entry's value in the JSON form.
const TYPED_LISTS: Record<string, string> = { bizTransactionList: 'bizTransaction', sourceList: 'source', destinationList: 'destination' };
const TYPED_VOCABULARY: Record<string, CbvVocabulary> = {
  bizTransactionList: 'bizTransactionType',
  sourceList: 'sourceDestinationType',
  destinationList: 'sourceDestinationType',
};

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function scalarText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * `key=value` pairs of anything outside the order table (ILMD, user extensions, extensions of
 * readPoint/bizLocation): names with their namespace in braces, children sorted, an array as the
 * key repeated per element.
 */
function genericParts(key: string, value: JsonValue, namespaces: Namespaces): string[] {
  const name = expandKey(key, namespaces);
  if (Array.isArray(value)) return value.flatMap((element) => genericParts(key, element, namespaces));
  if (value === null) return [];
  if (isObject(value)) return [name + childrenText(value, namespaces)];
  const text = scalarText(value);
  return [text === undefined ? name : `${name}=${canonicalValue(text, namespaces)}`];
}

function childrenText(object: JsonObject, namespaces: Namespaces, skip: ReadonlySet<string> = COMMENTS): string {
  return sortedJoin(Object.entries(object).flatMap(([key, value]) => (skip.has(key) ? [] : genericParts(key, value, namespaces))));
}

function valuePart(name: string, value: JsonValue | undefined, namespaces: Namespaces, vocabulary?: CbvVocabulary): string {
  const text = scalarText(value);
  if (text === undefined) return '';
  const expanded = vocabulary === undefined ? text : expandCbvValue(vocabulary, text);
  return `${name}=${name === 'eventTime' ? canonicalTimestamp(expanded) : canonicalValue(expanded, namespaces)}`;
}

type SensorText = { ok: true; text: string } | { ok: false; field: string };

function sensorValuePart(name: string, value: JsonValue | undefined, namespaces: Namespaces): string {
  const text = scalarText(value);
  if (text === undefined) return '';
  if (SENSOR_TIMES.has(name)) return `${name}=${canonicalTimestamp(text)}`;
  const prefix = SENSOR_VOCABULARY[name];
  // A bare word (the schema allows only its vocabulary's words bare) is that vocabulary's term.
  return `${name}=${prefix !== undefined && !text.includes(':') ? prefix + text : canonicalValue(text, namespaces)}`;
}

/** The extensions of a sensor part, sorted; a key neither standard nor namespaced is refused. */
function sensorExtensions(object: JsonObject, standard: ReadonlySet<string>, path: string, namespaces: Namespaces): SensorText {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (standard.has(key) || COMMENTS.has(key)) continue;
    if (!key.includes(':')) return { ok: false, field: `${path}/${key}` };
    parts.push(...genericParts(key, value, namespaces));
  }
  return { ok: true, text: sortedJoin(parts) };
}

/** `sensorMetadata…` or `sensorReport…`: the table's fields in order, then its extensions. */
function sensorFieldsPart(name: string, value: JsonValue, order: readonly string[], path: string, namespaces: Namespaces): SensorText {
  if (!isObject(value)) return { ok: true, text: '' };
  const extensions = sensorExtensions(value, new Set(order), path, namespaces);
  if (!extensions.ok) return extensions;
  const text = order.map((field) => sensorValuePart(field, value[field], namespaces)).join('') + extensions.text;
  return { ok: true, text: text === '' ? '' : name + text };
}

const SENSOR_ELEMENT_FIELDS = new Set(['sensorMetadata', 'sensorReport']);

function sensorElementPart(element: JsonValue, path: string, namespaces: Namespaces): SensorText {
  if (!isObject(element)) return { ok: true, text: '' };
  const metadata =
    element.sensorMetadata === undefined
      ? ({ ok: true, text: '' } as const)
      : sensorFieldsPart('sensorMetadata', element.sensorMetadata, SENSOR_METADATA_ORDER, `${path}/sensorMetadata`, namespaces);
  if (!metadata.ok) return metadata;
  const reports: string[] = [];
  for (const [r, report] of asList(element.sensorReport).entries()) {
    const part = sensorFieldsPart('sensorReport', report, SENSOR_REPORT_ORDER, `${path}/sensorReport/${r}`, namespaces);
    if (!part.ok) return part;
    reports.push(part.text);
  }
  const extensions = sensorExtensions(element, SENSOR_ELEMENT_FIELDS, path, namespaces);
  if (!extensions.ok) return extensions;
  const text = metadata.text + sortedJoin(reports) + extensions.text;
  return { ok: true, text: text === '' ? '' : `sensorElement${text}` };
}

function sensorElementListPart(value: JsonValue | undefined, namespaces: Namespaces): SensorText {
  const elements: string[] = [];
  for (const [s, element] of asList(value).entries()) {
    const part = sensorElementPart(element, `sensorElementList/${s}`, namespaces);
    if (!part.ok) return part;
    elements.push(part.text);
  }
  const text = sortedJoin(elements);
  return { ok: true, text: text === '' ? '' : `sensorElementList${text}` };
}

function quantityPart(element: JsonValue, namespaces: Namespaces): string {
  if (!isObject(element)) return '';
  const text = ['epcClass', 'quantity', 'uom'].map((key) => valuePart(key, element[key], namespaces)).join('');
  return text === '' ? '' : `quantityElement${text}`;
}

function persistentDispositionPart(value: JsonValue | undefined, namespaces: Namespaces): string {
  if (!isObject(value)) return '';
  const list = (key: string) => sortedJoin(asList(value[key]).map((word) => valuePart(key, word, namespaces, 'disposition')));
  const text = list('set') + list('unset');
  return text === '' ? '' : `persistentDisposition${text}`;
}

function locationPart(name: string, value: JsonValue | undefined, namespaces: Namespaces): string {
  if (!isObject(value)) return '';
  const text = valuePart('id', value.id, namespaces) + childrenText(value, namespaces, LOCATION_SKIPPED);
  return text === '' ? '' : name + text;
}

/** One field of the order table, or '' when absent or empty (rule 4). */
function orderedPart(name: (typeof ORDER)[number], value: JsonValue | undefined, namespaces: Namespaces): string {
  if (EPC_LISTS.has(name)) {
    const text = sortedJoin(asList(value).map((epc) => valuePart('epc', epc, namespaces)));
    return text === '' ? '' : name + text;
  }
  if (QUANTITY_LISTS.has(name)) {
    const text = sortedJoin(asList(value).map((element) => quantityPart(element, namespaces)));
    return text === '' ? '' : name + text;
  }
  if (name === 'persistentDisposition') return persistentDispositionPart(value, namespaces);
  if (name === 'readPoint' || name === 'bizLocation') return locationPart(name, value, namespaces);
  return sortedJoin(asList(value).map((element) => valuePart(name, element, namespaces, VOCABULARY_FIELDS[name])));
}

/** A business transaction, source or destination list: each entry `type=…` then `{value key}=…`, entries sorted. */
function typedListPart(name: string, value: JsonValue, namespaces: Namespaces): string {
  const valueKey = TYPED_LISTS[name] ?? '';
  const entries = asList(value).map((entry) => {
    if (!isObject(entry)) return '';
    return valuePart('type', entry.type, namespaces, TYPED_VOCABULARY[name]) + valuePart(valueKey, entry[valueKey], namespaces);
  });
  const text = sortedJoin(entries);
  return text === '' ? '' : name + text;
}

/**
 * The canonical pre-hash string of one EPCIS 2.0 event in its JSON(-LD) form. `namespaces` maps
 * the CURIE prefixes of the enclosing document's `@context` (see `namespacesFromContext`).
 */
export function eventPreHash(event: JsonObject, namespaces: Namespaces = {}): EventPreHashResult {
  if (typeof event.type !== 'string' || event.type === '') return { ok: false, reason: 'not_an_event' };
  const sensors = sensorElementListPart(event.sensorElementList, namespaces);
  if (!sensors.ok) return { ok: false, reason: 'unsupported_field', field: sensors.field };
  const ordered = ORDER.map((name) => orderedPart(name, event[name], namespaces)).join('');
  const rest = Object.entries(event).flatMap(([key, value]) => {
    if (ORDERED.has(key) || IGNORED.has(key) || key === 'sensorElementList') return [];
    if (Object.hasOwn(TYPED_LISTS, key)) return [typedListPart(key, value, namespaces)];
    return genericParts(key, value, namespaces);
  });
  return { ok: true, preHash: `eventType=${event.type}${ordered}${sensors.text}${sortedJoin(rest)}` };
}
