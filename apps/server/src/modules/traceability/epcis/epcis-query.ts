import { createHash } from 'node:crypto';
import { DomainError } from '@ocop/domain/shared';
import { expandCbvValue, parseGs1KeyUri, toDigitalLink } from '@ocop/domain/traceability';
import { ANY_EPC_CLASS_ROLES, ANY_EPC_ROLES, canonicalKey, EPC_CLASS_ROLES, EPC_ROLES } from './epcis-keys';
import type { EpcisKeyRole } from './epcis.tables';

/**
 * The SimpleEventQuery parameters of the EPCIS 2.0 REST binding this repository answers, read
 * from a query string into one checked query. Lists are pipe-delimited (`EQ_bizStep=shipping|receiving`);
 * within a parameter values are OR-ed, between parameters AND-ed. An unknown parameter is
 * refused, as the standard's QueryParameterException says.
 */

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1_000;
/** Bounds on what a query string may carry. */
export const MAX_VALUES_PER_PARAMETER = 100;
export const MAX_VALUE_LENGTH = 2_000;

/** A key to match: exactly, or (an EPC pattern `urn:epc:idpat:sgtin:….*`) every key under a prefix. */
export type KeyMatch = { roles: readonly EpcisKeyRole[]; exact: string[]; prefixes: string[] };

export type EventQuery = {
  eventTypes?: string[];
  geEventTime?: Date;
  ltEventTime?: Date;
  geRecordTime?: Date;
  ltRecordTime?: Date;
  actions?: string[];
  bizSteps?: string[];
  dispositions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  eventIds?: string[];
  keyMatches: KeyMatch[];
  perPage: number;
  /** Where the previous page ended. */
  after?: { eventTime: Date; id: number };
  /** What a next-page token must belong to. */
  fingerprint: string;
};

const EVENT_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
const ACTIONS = new Set(['ADD', 'OBSERVE', 'DELETE']);
const MATCHES: Record<string, readonly EpcisKeyRole[]> = {
  MATCH_epc: EPC_ROLES,
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ANY_EPC_ROLES,
  MATCH_epcClass: EPC_CLASS_ROLES,
  MATCH_inputEPCClass: ['input_quantity'],
  MATCH_outputEPCClass: ['output_quantity'],
  MATCH_anyEPCClass: ANY_EPC_CLASS_ROLES,
};
const LISTS = ['eventType', 'EQ_action', 'EQ_bizStep', 'EQ_disposition', 'EQ_readPoint', 'EQ_bizLocation', 'EQ_eventID'];
const TIMES = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'];
export const QUERY_PARAMETERS = new Set([...LISTS, ...TIMES, ...Object.keys(MATCHES), 'perPage', 'nextPageToken']);
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i;

function refuse(parameter: string, reason: string): DomainError {
  return new DomainError('malformed', 'epcis.query_invalid', `Query parameter ${parameter}: ${reason}`, { parameter, reason });
}

function single(parameter: string, raw: string | string[]): string {
  if (Array.isArray(raw)) throw refuse(parameter, 'chỉ được ghi một lần / given more than once');
  if (raw.length > MAX_VALUE_LENGTH)
    throw refuse(parameter, `dài quá ${MAX_VALUE_LENGTH} ký tự / longer than ${MAX_VALUE_LENGTH} characters`);
  return raw;
}

function list(parameter: string, raw: string | string[]): string[] {
  const values = single(parameter, raw).split('|');
  if (values.length > MAX_VALUES_PER_PARAMETER)
    throw refuse(parameter, `quá ${MAX_VALUES_PER_PARAMETER} giá trị / more than ${MAX_VALUES_PER_PARAMETER} values`);
  if (values.some((value) => value === '')) throw refuse(parameter, 'có giá trị rỗng / an empty value');
  return values;
}

function time(parameter: string, raw: string | string[]): Date {
  const value = single(parameter, raw);
  const date = new Date(value);
  if (!DATE_TIME.test(value) || Number.isNaN(date.getTime()))
    throw refuse(parameter, 'cần thời điểm ISO 8601 có múi giờ / an ISO 8601 time with an offset');
  return date;
}

/** The keys a MATCH_ value stands for; an `idpat` GTIN pattern matches every serial or lot of the GTIN. */
function keyMatch(values: string[], roles: readonly EpcisKeyRole[]): KeyMatch {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const value of values) {
    const parsed = value.startsWith('urn:epc:idpat:') ? parseGs1KeyUri(value) : undefined;
    if (parsed?.ok && parsed.key.kind === 'gtin') {
      const gtinUri = toDigitalLink(parsed.key);
      exact.push(gtinUri);
      prefixes.push(`${gtinUri}/`);
    } else exact.push(canonicalKey(value));
  }
  return { roles, exact, prefixes };
}

/** A stable digest of the query's filters (not its paging), so a token cannot move to another query. */
function fingerprintOf(params: Record<string, string | string[]>): string {
  const parts = Object.keys(params)
    .filter((name) => name !== 'perPage' && name !== 'nextPageToken')
    .sort()
    .map((name) => `${name}=${String(params[name])}`);
  return createHash('sha256').update(parts.join('&')).digest('base64url').slice(0, 16);
}

export function encodePageToken(fingerprint: string, last: { eventTime: Date; id: number }): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, t: last.eventTime.toISOString(), i: last.id })).toString('base64url');
}

function decodePageToken(token: string, fingerprint: string): { eventTime: Date; id: number } {
  const invalid = () => new DomainError('malformed', 'epcis.page_token_invalid', 'Bad nextPageToken.');
  if (token.length > 200) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const value = parsed as { f?: unknown; t?: unknown; i?: unknown };
  const eventTime = typeof value.t === 'string' ? new Date(value.t) : new Date(Number.NaN);
  if (value.f !== fingerprint || Number.isNaN(eventTime.getTime()) || !Number.isSafeInteger(value.i)) throw invalid();
  return { eventTime, id: value.i as number };
}

/** Reads a query string; throws `epcis.query_invalid` (400) for what the binding does not allow. */
export function parseEventQuery(params: Record<string, string | string[] | undefined>): EventQuery {
  const given = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
  const names = Object.keys(given);
  for (const name of names) if (!QUERY_PARAMETERS.has(name)) throw refuse(name, 'tham số không được hỗ trợ / parameter not supported');
  const fingerprint = fingerprintOf(given);
  const query: EventQuery = { keyMatches: [], perPage: DEFAULT_PER_PAGE, fingerprint };
  for (const [name, raw] of Object.entries(given)) {
    switch (name) {
      case 'eventType':
        query.eventTypes = list(name, raw);
        for (const type of query.eventTypes)
          if (!EVENT_TYPES.has(type)) throw refuse(name, `không có loại sự kiện ${type} / no event type ${type}`);
        break;
      case 'EQ_action':
        query.actions = list(name, raw);
        for (const action of query.actions) if (!ACTIONS.has(action)) throw refuse(name, 'ADD | OBSERVE | DELETE');
        break;
      case 'EQ_bizStep':
        query.bizSteps = list(name, raw).map((value) => expandCbvValue('bizStep', value));
        break;
      case 'EQ_disposition':
        query.dispositions = list(name, raw).map((value) => expandCbvValue('disposition', value));
        break;
      case 'EQ_readPoint':
        query.readPoints = list(name, raw).map(canonicalKey);
        break;
      case 'EQ_bizLocation':
        query.bizLocations = list(name, raw).map(canonicalKey);
        break;
      case 'EQ_eventID':
        query.eventIds = list(name, raw);
        break;
      case 'GE_eventTime':
        query.geEventTime = time(name, raw);
        break;
      case 'LT_eventTime':
        query.ltEventTime = time(name, raw);
        break;
      case 'GE_recordTime':
        query.geRecordTime = time(name, raw);
        break;
      case 'LT_recordTime':
        query.ltRecordTime = time(name, raw);
        break;
      case 'perPage': {
        const value = single(name, raw);
        const perPage = Number(value);
        if (!/^\d+$/.test(value) || perPage < 1 || perPage > MAX_PER_PAGE)
          throw refuse(name, `từ 1 đến ${MAX_PER_PAGE} / 1 to ${MAX_PER_PAGE}`);
        query.perPage = perPage;
        break;
      }
      case 'nextPageToken':
        query.after = decodePageToken(single(name, raw), fingerprint);
        break;
      default: {
        const roles = MATCHES[name];
        if (roles) query.keyMatches.push(keyMatch(list(name, raw), roles));
      }
    }
  }
  return query;
}
