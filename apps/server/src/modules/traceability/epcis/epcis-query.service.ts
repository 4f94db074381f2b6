import { DomainError, type RoleGrant, scopeOf } from '@ocop/domain/shared';
import type { JsonObject, JsonValue } from '@ocop/domain/traceability';
import { and, eq, gt, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock';
import { encodePageToken, type EventQuery, type KeyMatch } from './epcis-query';
import type { EpcisRepository } from './epcis.repository';
import { type EpcisEventRow, epcisEventKeys, epcisEvents } from './epcis.tables';

export const GS1_EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export type EpcisReader = { grants: readonly RoleGrant[] };

/** The reader's scope as SQL: the province's staff their province, the commune officer the commune's producers, a producer its own. */
export function readScope(grants: readonly RoleGrant[]): SQL | undefined {
  const parts: SQL[] = [];
  for (const grant of grants) {
    const scope = scopeOf(grant.role, 'epcis.read');
    if (scope === 'all') return undefined;
    if (scope === 'province' && grant.provinceCode) parts.push(eq(epcisEvents.provinceCode, grant.provinceCode));
    if (scope === 'commune' && grant.provinceCode && grant.communeCode) {
      parts.push(and(eq(epcisEvents.provinceCode, grant.provinceCode), eq(epcisEvents.communeCode, grant.communeCode)) as SQL);
    }
    if (scope === 'producer' && grant.producerId) parts.push(eq(epcisEvents.producerId, grant.producerId));
  }
  return parts.length === 0 ? sql`false` : or(...parts);
}

function keyCondition(match: KeyMatch): SQL {
  const keyTest = or(
    match.exact.length > 0 ? inArray(epcisEventKeys.key, match.exact) : undefined,
    ...match.prefixes.map((prefix) => like(epcisEventKeys.key, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
  );
  return sql`${epcisEvents.id} in (select ${epcisEventKeys.eventRowId} from ${epcisEventKeys} where ${keyTest} and ${inArray(epcisEventKeys.role, [...match.roles])})`;
}

function conditions(query: EventQuery): SQL[] {
  const where: (SQL | undefined)[] = [
    query.eventTypes && inArray(epcisEvents.eventType, query.eventTypes),
    query.geEventTime && gte(epcisEvents.eventTime, query.geEventTime),
    query.ltEventTime && lt(epcisEvents.eventTime, query.ltEventTime),
    query.geRecordTime && gte(epcisEvents.recordTime, query.geRecordTime),
    query.ltRecordTime && lt(epcisEvents.recordTime, query.ltRecordTime),
    query.actions && inArray(epcisEvents.action, query.actions),
    query.bizSteps && inArray(epcisEvents.bizStep, query.bizSteps),
    query.dispositions && inArray(epcisEvents.disposition, query.dispositions),
    query.readPoints && inArray(epcisEvents.readPoint, query.readPoints),
    query.bizLocations && inArray(epcisEvents.bizLocation, query.bizLocations),
    query.eventIds && inArray(epcisEvents.eventId, query.eventIds),
    ...query.keyMatches.map(keyCondition),
    query.after &&
      or(
        gt(epcisEvents.eventTime, query.after.eventTime),
        and(eq(epcisEvents.eventTime, query.after.eventTime), gt(epcisEvents.id, query.after.id)),
      ),
  ];
  return where.filter((part): part is SQL => part !== undefined);
}

function isObject(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The events as EPCIS 2.0 JSON: each as captured, with its recordTime. The namespaces of the
 * documents they came from go into the answer's `@context`; an event whose prefix means
 * something else there carries its own `@context`.
 */
export function renderEvents(rows: readonly EpcisEventRow[]): { context: JsonValue[]; events: JsonObject[] } {
  const prefixes = new Map<string, JsonValue>();
  const others: string[] = [];
  const events = rows.map((row) => {
    const event: JsonObject = { ...(row.event as JsonObject), recordTime: row.recordTime.toISOString() };
    const own = (row.context as JsonValue[] | null) ?? [];
    let conflict = false;
    for (const entry of own) {
      if (typeof entry === 'string') {
        if (!others.includes(entry)) others.push(entry);
      } else if (isObject(entry)) {
        for (const [prefix, uri] of Object.entries(entry)) {
          const known = prefixes.get(prefix);
          if (known === undefined) prefixes.set(prefix, uri);
          else if (JSON.stringify(known) !== JSON.stringify(uri)) conflict = true;
        }
      }
    }
    if (conflict && event['@context'] === undefined) return { '@context': own, ...event };
    return event;
  });
  const context: JsonValue[] = [GS1_EPCIS_CONTEXT, ...others];
  if (prefixes.size > 0) context.push(Object.fromEntries(prefixes));
  return { context, events };
}

export function queryDocument(rows: readonly EpcisEventRow[], now: Date): JsonObject {
  const { context, events } = renderEvents(rows);
  return {
    '@context': context,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: now.toISOString(),
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: events } } },
  };
}

/** SimpleEventQuery over the reader's scope: one page in (eventTime, capture order), with the next page's token. */
export function createEpcisQueryService({ repository, clock }: { repository: EpcisRepository; clock: Clock }) {
  return {
    async queryEvents(reader: EpcisReader, query: EventQuery): Promise<{ document: JsonObject; nextPageToken: string | null }> {
      const rows = await repository.listEvents(and(readScope(reader.grants), ...conditions(query)), query.perPage + 1);
      const page = rows.slice(0, query.perPage);
      const last = page.at(-1);
      const nextPageToken = rows.length > query.perPage && last ? encodePageToken(query.fingerprint, last) : null;
      return { document: queryDocument(page, clock.now()), nextPageToken };
    },

    /** One event by its eventID, as a JSON-LD object with its own `@context`. */
    async getEvent(reader: EpcisReader, eventId: string): Promise<JsonObject> {
      const rows = await repository.listEvents(and(readScope(reader.grants), eq(epcisEvents.eventId, eventId)), 1);
      const row = rows[0];
      if (!row) throw new DomainError('not_found', 'epcis.event_not_found', 'No such EPCIS event.');
      const { context, events } = renderEvents([row]);
      const [event] = events;
      return { '@context': context, ...(event as JsonObject) };
    },

    /** Rows for other services of the module (the journey of a lot), in the reader's scope. */
    listRows: (reader: EpcisReader, query: EventQuery): Promise<EpcisEventRow[]> =>
      repository.listEvents(and(readScope(reader.grants), ...conditions(query)), query.perPage),
  };
}

export type EpcisQueryService = ReturnType<typeof createEpcisQueryService>;
