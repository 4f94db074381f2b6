import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CbvVocabulary,
  expandCbvValue,
  expandKey,
  type JsonObject,
  type JsonValue,
  type Namespaces,
  namespacesFromContext,
} from '@ocop/domain/traceability';
import { REFERENCE_DATA_FOLDER } from '../platform/paths';

/**
 * An EPCIS event reduced to what it means, so that an event sent to the capture interface and the
 * same event read back from the query interface compare equal exactly when EPCIS says they are the
 * same event. Normalised, on both sides alike, only what EPCIS lets a repository write otherwise:
 * - key order, and CURIE keys and values (`example:grading`) expanded to `{uri}local` / the full
 *   URI with the namespaces in force (GS1's context, the document's, the event's own `@context`);
 * - CBV words bare, as 1.x URN or as Web URI (bizStep, disposition, business transaction and
 *   source/destination types, error reasons, sensor measurement and alert types, components);
 * - `recordTime`, which the repository adds, and `eventID`, which the caller compares itself.
 * Anything else (a value, a field, an array's order, a number) must come back as it went in. That
 * includes GS1 keys and timestamps: this repository answers `GS1-EPC-Format: No_Preference` and
 * gives both back as captured, so they compare as written: an EPC URI that came back as a Digital
 * Link, or a time moved to UTC, shows here as a difference. EPCIS would allow both; a repository
 * that starts converting them must say so in that header and this function must then read both
 * forms as one (`canonicalGs1Uri`, `Date.parse`).
 */

const GS1_CONTEXT = join(REFERENCE_DATA_FOLDER, 'gs1', 'json-ld-context', 'epcis-context-root.jsonld');

/** The prefixes GS1's EPCIS context declares (`cbvmda`, `gs1`, `cbv`, …): in force in every document. */
export const GS1_NAMESPACES: Namespaces = (() => {
  const context = (JSON.parse(readFileSync(GS1_CONTEXT, 'utf8')) as { '@context': JsonObject })['@context'];
  const prefixes: Record<string, string> = {};
  for (const [prefix, uri] of Object.entries(context)) if (typeof uri === 'string' && /[/#:]$/.test(uri)) prefixes[prefix] = uri;
  return prefixes;
})();

/** The namespaces in force in a document (GS1's, then its own `@context`'s). */
export function documentNamespaces(document: JsonObject): Namespaces {
  return { ...GS1_NAMESPACES, ...namespacesFromContext(document['@context']) };
}

// (key, key of the object or list holding it) → the vocabulary its bare words come from.
const CBV_FIELDS: Record<string, CbvVocabulary> = {
  'bizStep@': 'bizStep',
  'disposition@': 'disposition',
  'set@persistentDisposition': 'disposition',
  'unset@persistentDisposition': 'disposition',
  'type@bizTransactionList': 'bizTransactionType',
  'type@sourceList': 'sourceDestinationType',
  'type@destinationList': 'sourceDestinationType',
};
const WEB_VOCABULARY: Record<string, string> = {
  'reason@errorDeclaration': 'https://ref.gs1.org/cbv/ER-',
  'type@sensorReport': 'https://gs1.org/voc/',
  'exception@sensorReport': 'https://gs1.org/voc/',
  'component@sensorReport': 'https://ref.gs1.org/cbv/Comp-',
};

function expandCurie(value: string, namespaces: Namespaces): string {
  const colon = value.indexOf(':');
  const uri = colon > 0 ? namespaces[value.slice(0, colon)] : undefined;
  return uri === undefined || value.startsWith('urn:') ? value : uri + value.slice(colon + 1);
}

function meaningOfText(value: string, key: string, holder: string, namespaces: Namespaces): string {
  const field = `${key}@${holder}`;
  const vocabulary = CBV_FIELDS[field];
  if (vocabulary !== undefined) return expandCbvValue(vocabulary, value);
  const web = WEB_VOCABULARY[field];
  if (web !== undefined && !value.includes(':')) return web + value;
  if (value.startsWith('urn:epcglobal:cbv:er:')) return `https://ref.gs1.org/cbv/ER-${value.slice('urn:epcglobal:cbv:er:'.length)}`;
  return expandCurie(value, namespaces);
}

function meaningOf(value: JsonValue, key: string, holder: string, namespaces: Namespaces): JsonValue {
  if (Array.isArray(value)) return value.map((element) => meaningOf(element, key, holder, namespaces));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([child, inner]) => [expandKey(child, namespaces), meaningOf(inner, child, key, namespaces)] as const,
    );
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return typeof value === 'string' ? meaningOfText(value, key, holder, namespaces) : value;
}

/**
 * What an event means, given the namespaces of the document it came in (see `documentNamespaces`);
 * its own `@context`, if any, adds to them and is then no part of the meaning.
 */
export function eventMeaning(event: JsonObject, namespaces: Namespaces): JsonValue {
  const { recordTime: _recorded, eventID: _id, '@context': context, ...content } = event;
  const inForce = context === undefined ? namespaces : { ...namespaces, ...namespacesFromContext(context) };
  return meaningOf(content, '', '', inForce);
}
