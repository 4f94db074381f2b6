import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';

/**
 * GS1's JSON Schema of EPCIS 2.0 (draft-07; gs1/EPCIS @2b888be, copied into
 * `reference-data/gs1/json-schema/` with its notice) and the prefixes its JSON-LD context
 * declares. Read from the server package, never from the shared folder, so it holds from source
 * and from `dist/`.
 */
const GS1_FOLDER = join(REFERENCE_DATA_FOLDER, 'gs1');
const SCHEMA_FOLDER = join(GS1_FOLDER, 'json-schema');
/** The root schema: switches on `type` to the EPCISDocument, EPCISQueryDocument or event schema. */
const ROOT_SCHEMA_ID = 'https://gs1.github.io/EPCIS/JSON-Schema/EPCIS-JSON-Schema.json';
/** One event of a document's event list, whatever its type. */
const EVENT_SCHEMA_ID = 'https://gs1.github.io/EPCIS/JSON-Schema/EPCIS-Event-JSON-Schema.json#/definitions/EPCIS-Document-Event';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

type Validators = { root: ValidateFunction; event: ValidateFunction };
let validators: Validators | undefined;

/**
 * The compiled schemas, built on first use (150–400 ms, once per process) and kept. `allErrors`
 * so one pass reports every broken field; the caller caps what it shows.
 */
function gs1Validators(): Validators {
  if (validators !== undefined) return validators;
  // strict: false — GS1's schema uses `if` without `type` and other constructs that ajv's strict
  // mode rejects although they are valid draft-07.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const files = [
    ...readdirSync(SCHEMA_FOLDER).map((name) => join(SCHEMA_FOLDER, name)),
    ...readdirSync(join(SCHEMA_FOLDER, 'schemas')).map((name) => join(SCHEMA_FOLDER, 'schemas', name)),
  ].filter((path) => path.endsWith('.json'));
  for (const path of files) ajv.addSchema(readJson(path) as object);
  const root = ajv.getSchema(ROOT_SCHEMA_ID);
  const event = ajv.getSchema(EVENT_SCHEMA_ID);
  if (root === undefined || event === undefined) throw new Error(`GS1 EPCIS schemas not found in ${SCHEMA_FOLDER}`);
  validators = { root, event };
  return validators;
}

/** GS1's schema on a whole document (or on its envelope, with the event list emptied): its errors, or []. */
export function gs1SchemaErrors(document: unknown): ErrorObject[] {
  const validate = gs1Validators().root;
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

/** GS1's schema on one event of an event list; error paths are relative to the event. */
export function gs1EventSchemaErrors(event: unknown): ErrorObject[] {
  const validate = gs1Validators().event;
  return validate(event) ? [] : [...(validate.errors ?? [])];
}

let contextPrefixes: ReadonlySet<string> | undefined;

/**
 * Prefixes GS1's own context (`epcis-context-root.jsonld`) declares (`cbvmda`, `gs1`, `rdfs`, …):
 * a document that points at that context may use them without declaring them itself.
 */
export function gs1ContextPrefixes(): ReadonlySet<string> {
  if (contextPrefixes !== undefined) return contextPrefixes;
  const root = readJson(join(GS1_FOLDER, 'json-ld-context', 'epcis-context-root.jsonld')) as { '@context': Record<string, unknown> };
  const prefixes = new Set<string>();
  for (const [term, value] of Object.entries(root['@context'])) {
    if (typeof value === 'string' && /[/#:]$/.test(value) && !term.startsWith('@')) prefixes.add(term);
  }
  contextPrefixes = prefixes;
  return prefixes;
}
