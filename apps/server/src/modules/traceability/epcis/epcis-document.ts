import { isCbvOrNamespacedValue, type JsonObject, type JsonValue, namespacesFromContext } from '@ocop/domain/traceability';
import type { ErrorObject } from 'ajv';
import { type EpcisProblem, type EpcisProblemCode, epcisProblem } from './epcis-problems';
import { gs1ContextPrefixes, gs1EventSchemaErrors, gs1SchemaErrors } from './epcis-schema';

/**
 * Validation of an EPCIS 2.0 document before capture (issue 13): GS1's JSON Schema, then the
 * rules the schema leaves out or words too loosely to tell a sender what is wrong. Each problem
 * gets a stable code, the JSON Pointer and the index of its event.
 */

export type EpcisEvent = JsonObject & { type: string };
export type EpcisDocumentType = 'EPCISDocument' | 'EPCISQueryDocument';

export type EpcisValidation =
  | { ok: true; type: EpcisDocumentType; events: EpcisEvent[]; context: JsonValue; namespaces: Record<string, string> }
  | { ok: false; problems: EpcisProblem[] };

/** At most this many events in one document; more is refused before anything else is checked. */
export const MAX_EVENTS_PER_DOCUMENT = 10_000;
/** At most this many problems are reported; a last `epcis.too_many_problems` says there were more. */
export const MAX_PROBLEMS = 50;
/** Events checked between two yields to the event loop. */
const EVENTS_PER_SLICE = 250;

// The GS1 EPCIS 2.0 context as documents name it (versioned, unversioned, and the draft address).
const GS1_CONTEXT =
  /^https:\/\/(ref\.gs1\.org\/standards\/epcis\/(2\.\d+\.\d+\/)?epcis-context\.jsonld|gs1\.github\.io\/EPCIS\/epcis-context\.jsonld)$/;
const DOCUMENT_FIELDS = new Set([
  '@context',
  'id',
  'type',
  'schemaVersion',
  'creationDate',
  'instanceIdentifier',
  'sender',
  'receiver',
  'epcisHeader',
  'epcisBody',
]);
// biome-ignore format: one list of every field an EPCIS 2.0 event type defines
const EVENT_FIELDS = new Set([
  '@context', 'type', 'eventTime', 'recordTime', 'eventTimeZoneOffset', 'eventID', 'certificationInfo', 'errorDeclaration',
  'epcList', 'quantityList', 'action', 'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation',
  'bizTransactionList', 'sourceList', 'destinationList', 'sensorElementList', 'ilmd', 'parentID', 'childEPCs',
  'childQuantityList', 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'transformationID',
]);
const EVENTS_WITH_ACTION = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'AssociationEvent']);
const ACTIONS = new Set(['ADD', 'OBSERVE', 'DELETE']);
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
// A date-time (the schema's `format: date-time` shape) and one that ends in an offset.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?/;
const WITH_OFFSET = /(Z|[+-]\d\d:\d\d)$/i;
const ABSOLUTE_URI = /^(https?:\/\/|urn:)/i;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function contextEntries(context: unknown): unknown[] {
  return Array.isArray(context) ? context : context === undefined ? [] : [context];
}

/** Collects problems up to the cap; `full` tells the checks they may stop. */
class Problems {
  readonly list: EpcisProblem[] = [];
  /** Places a problem of ours explains besides its own path (the schema's errors there are dropped). */
  readonly alsoCovered: string[] = [];
  truncated = false;
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
  add(code: EpcisProblemCode, path: string, detail?: string): void {
    if (this.full) this.truncated = true;
    else this.list.push(epcisProblem(code, path, detail));
  }
}

/** True for `prefix:name` with a declared prefix, or a full URI (http(s) or URN). */
function isNamespaced(key: string, prefixes: ReadonlySet<string>): boolean {
  if (ABSOLUTE_URI.test(key)) return true;
  const colon = key.indexOf(':');
  return colon > 0 && colon < key.length - 1 && prefixes.has(key.slice(0, colon));
}

/** Keys of an extension value (and of everything under it) must be namespaced too. */
function checkExtensionKeys(value: JsonValue | undefined, path: string, prefixes: ReadonlySet<string>, problems: Problems): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkExtensionKeys(item, `${path}/${i}`, prefixes, problems);
    });
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@')) continue; // JSON-LD keywords (@value, @type, …)
    if (!isNamespaced(key, prefixes)) problems.add('epcis.field_not_namespaced', `${path}/${pointerToken(key)}`, key);
    else checkExtensionKeys(child, `${path}/${pointerToken(key)}`, prefixes, problems);
  }
}

/** Fields beyond `known`: bare names are unknown, prefixed ones must use a declared prefix. */
function checkFields(
  object: JsonObject,
  path: string,
  known: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
  problems: Problems,
): void {
  for (const [key, value] of Object.entries(object)) {
    if (known.has(key)) continue;
    const at = `${path}/${pointerToken(key)}`;
    if (!key.includes(':')) problems.add('epcis.unknown_field', at, key);
    else if (!isNamespaced(key, prefixes)) problems.add('epcis.field_not_namespaced', at, key);
    else checkExtensionKeys(value, at, prefixes, problems);
  }
}

function checkTime(value: JsonValue | undefined, path: string, problems: Problems): void {
  if (typeof value === 'string' && DATE_TIME.test(value) && !WITH_OFFSET.test(value))
    problems.add('epcis.time_without_offset', path, value);
}

function describe(value: JsonValue | undefined): string {
  return JSON.stringify(value) ?? 'undefined';
}

function checkEvent(event: JsonObject, path: string, documentPrefixes: ReadonlySet<string>, problems: Problems): void {
  const eventPrefixes =
    event['@context'] === undefined
      ? documentPrefixes
      : new Set([...documentPrefixes, ...Object.keys(namespacesFromContext(event['@context']))]);
  checkFields(event, path, EVENT_FIELDS, eventPrefixes, problems);
  if (typeof event.type === 'string' && EVENTS_WITH_ACTION.has(event.type)) {
    const action = event.action;
    if (typeof action !== 'string' || !ACTIONS.has(action)) problems.add('epcis.action_invalid', `${path}/action`, describe(action));
  }
  if (typeof event.bizStep === 'string' && !isCbvOrNamespacedValue('bizStep', event.bizStep)) {
    problems.add('epcis.bizstep_not_cbv', `${path}/bizStep`, event.bizStep);
  }
  if (typeof event.disposition === 'string' && !isCbvOrNamespacedValue('disposition', event.disposition)) {
    problems.add('epcis.disposition_not_cbv', `${path}/disposition`, event.disposition);
  }
  const persistent = event.persistentDisposition;
  if (isObject(persistent)) {
    for (const list of ['set', 'unset'] as const) {
      const values = persistent[list];
      if (!Array.isArray(values)) continue;
      values.forEach((value, i) => {
        if (typeof value === 'string' && !isCbvOrNamespacedValue('disposition', value)) {
          problems.add('epcis.disposition_not_cbv', `${path}/persistentDisposition/${list}/${i}`, value);
        }
      });
    }
  }
  checkTime(event.eventTime, `${path}/eventTime`, problems);
  checkTime(event.recordTime, `${path}/recordTime`, problems);
  if (isObject(event.errorDeclaration))
    checkTime(event.errorDeclaration.declarationTime, `${path}/errorDeclaration/declarationTime`, problems);
  const sensors = event.sensorElementList;
  if (Array.isArray(sensors)) {
    sensors.forEach((sensor, s) => {
      if (!isObject(sensor)) return;
      const metadata = sensor.sensorMetadata;
      if (isObject(metadata)) {
        for (const key of ['time', 'startTime', 'endTime'])
          checkTime(metadata[key], `${path}/sensorElementList/${s}/sensorMetadata/${key}`, problems);
      }
      const reports = sensor.sensorReport;
      if (Array.isArray(reports)) {
        reports.forEach((report, r) => {
          if (isObject(report)) checkTime(report.time, `${path}/sensorElementList/${s}/sensorReport/${r}/time`, problems);
        });
      }
    });
  }
  for (const list of QUANTITY_LISTS) {
    const elements = event[list];
    if (!Array.isArray(elements)) continue;
    elements.forEach((element, i) => {
      if (!isObject(element) || element.quantity === undefined) return;
      if (typeof element.quantity !== 'number' || !Number.isFinite(element.quantity)) {
        problems.add('epcis.quantity_not_number', `${path}/${list}/${i}/quantity`, describe(element.quantity));
      }
    });
  }
  // The schema allows ILMD on an ObjectEvent only with ADD, but says so as a failed pattern on `action`.
  if (event.type === 'ObjectEvent' && event.ilmd !== undefined && event.action !== 'ADD' && ACTIONS.has(String(event.action))) {
    problems.add('epcis.ilmd_not_allowed', `${path}/ilmd`, String(event.action));
    problems.alsoCovered.push(`${path}/action`);
  }
  if (isObject(event.ilmd)) checkExtensionKeys(event.ilmd, `${path}/ilmd`, eventPrefixes, problems);
}

/** RFC 6901 escaping of one path token. */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

const WRAPPERS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

/** Where an ajv error points: the offending property itself for `propertyNames`. */
function schemaErrorPath(error: ErrorObject): string {
  const name =
    (error as ErrorObject & { propertyName?: string }).propertyName ??
    (error.keyword === 'propertyNames' ? String(error.params.propertyName) : undefined);
  return name === undefined ? error.instancePath : `${error.instancePath}/${pointerToken(name)}`;
}

/**
 * GS1 schema errors not already told by our own checks, one per place. ajv reports a failed
 * `anyOf` both as itself and as each branch's error; the first concrete one is kept.
 */
function addSchemaProblems(errors: readonly ErrorObject[], problems: Problems, prefix = ''): void {
  const told = [...problems.list.map((problem) => problem.path), ...problems.alsoCovered];
  const covered = (path: string) => told.some((at) => path === at || path.startsWith(`${at}/`) || at.startsWith(`${path}/`));
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    const path = prefix + schemaErrorPath(error);
    if (covered(path)) continue;
    const kept = byPath.get(path);
    if (kept === undefined || (WRAPPERS.has(kept.keyword) && !WRAPPERS.has(error.keyword))) byPath.set(path, error);
  }
  // A wrapper whose place has a deeper concrete error says nothing more.
  const paths = [...byPath.keys()];
  for (const [path, error] of byPath) {
    if (WRAPPERS.has(error.keyword) && paths.some((other) => other !== path && (path === '' || other.startsWith(`${path}/`)))) continue;
    if (error.keyword === 'propertyNames' || (error as { propertyName?: string }).propertyName !== undefined) {
      problems.add('epcis.unknown_field', path, path.slice(path.lastIndexOf('/') + 1));
    } else if (error.keyword === 'enum' && path.endsWith('/action')) {
      problems.add('epcis.action_invalid', path, path);
    } else {
      problems.add('epcis.schema', path, `${path === '' ? '/' : path} ${error.message ?? error.keyword}`);
    }
  }
}

function eventListOf(document: JsonObject, type: EpcisDocumentType): { list: unknown; path: string } {
  const body = document.epcisBody;
  if (type === 'EPCISDocument') return { list: isObject(body) ? body.eventList : undefined, path: '/epcisBody/eventList' };
  const results = isObject(body) && isObject(body.queryResults) ? body.queryResults.resultsBody : undefined;
  return { list: isObject(results) ? results.eventList : undefined, path: '/epcisBody/queryResults/resultsBody/eventList' };
}

/** The document with its event list emptied (copies along the way; the input is not changed). */
function envelopeOf(document: JsonObject, type: EpcisDocumentType): JsonObject {
  const body = document.epcisBody;
  if (!isObject(body)) return document;
  if (type === 'EPCISDocument') return Array.isArray(body.eventList) ? { ...document, epcisBody: { ...body, eventList: [] } } : document;
  const queryResults = body.queryResults;
  const results = isObject(queryResults) ? queryResults.resultsBody : undefined;
  if (!isObject(queryResults) || !isObject(results) || !Array.isArray(results.eventList)) return document;
  return { ...document, epcisBody: { ...body, queryResults: { ...queryResults, resultsBody: { ...results, eventList: [] } } } };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks an EPCIS 2.0 document (JSON / JSON-LD, already parsed) for capture: by default an
 * EPCISDocument; `EPCISQueryDocument` reads the events of a query answer. The envelope is checked
 * against GS1's document schema with its event list emptied, then each event against GS1's event
 * schema and our rules, in slices of 250 with a yield to the event loop between them: 1,000
 * events of every field take 60–300 ms and 10,000 over a second, which must not stop the server.
 */
export async function validateEpcisDocument(json: unknown, type: EpcisDocumentType = 'EPCISDocument'): Promise<EpcisValidation> {
  const problems = new Problems();
  if (!isObject(json)) return { ok: false, problems: [epcisProblem('epcis.not_json_object', '')] };
  if (json.type !== type) return { ok: false, problems: [epcisProblem('epcis.document_type', '/type', type)] };
  const events = eventListOf(json, type);
  if (Array.isArray(events.list) && events.list.length > MAX_EVENTS_PER_DOCUMENT) {
    return { ok: false, problems: [epcisProblem('epcis.too_many_events', events.path, MAX_EVENTS_PER_DOCUMENT.toLocaleString('en'))] };
  }

  const context = json['@context'];
  if (context === undefined) problems.add('epcis.context_missing', '/@context');
  else if (!contextEntries(context).some((entry) => typeof entry === 'string' && GS1_CONTEXT.test(entry))) {
    problems.add('epcis.context_not_gs1', '/@context');
  }
  const namespaces: Record<string, string> = { ...namespacesFromContext(context) };
  const prefixes = new Set([...gs1ContextPrefixes(), ...Object.keys(namespaces)]);

  checkFields(json, '', DOCUMENT_FIELDS, prefixes, problems);
  checkTime(json.creationDate, '/creationDate', problems);
  addSchemaProblems(gs1SchemaErrors(envelopeOf(json, type)), problems);
  if (Array.isArray(events.list)) {
    for (let i = 0; i < events.list.length && !problems.full; i += 1) {
      if (i > 0 && i % EVENTS_PER_SLICE === 0) await yieldToEventLoop();
      const event = events.list[i];
      const path = `${events.path}/${i}`;
      if (isObject(event)) checkEvent(event, path, prefixes, problems);
      if (!problems.full) addSchemaProblems(gs1EventSchemaErrors(event), problems, path);
    }
  }
  // Once the cap is reached the rest is not checked: there may be more.
  if (problems.full) problems.truncated = true;

  if (problems.list.length > 0) {
    const list = [...problems.list].sort((a, b) => (a.eventIndex ?? -1) - (b.eventIndex ?? -1));
    if (problems.truncated) list.push(epcisProblem('epcis.too_many_problems', '', String(MAX_PROBLEMS)));
    return { ok: false, problems: list };
  }
  return { ok: true, type, events: events.list as EpcisEvent[], context: context as JsonValue, namespaces };
}
