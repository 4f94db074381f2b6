import { createHash } from 'node:crypto';
import { eventPreHash, formatEventHashId, type Namespaces, namespacesFromContext } from '@ocop/domain/traceability';
import type { EpcisEvent } from './epcis-document';
import { type EpcisProblem, epcisProblem } from './epcis-problems';

export type EventHashIdResult = { ok: true; id: string } | { ok: false; reason: string };

/**
 * The CBV 2.0 §8.9 event hash ID (`ni:///sha-256;…?ver=CBV2.0`) of one event: the domain's
 * pre-hash string, hashed here. `namespaces` are the document's `@context` prefixes; an event's
 * own `@context` adds to them. Sensor elements are covered; what the domain cannot hash faithfully
 * (a field inside a sensor element that is neither standard nor namespaced, which the schema
 * forbids) is refused rather than given an ID that differs from every other EPCIS system's.
 */
export function eventHashId(event: EpcisEvent, namespaces: Namespaces): EventHashIdResult {
  const scoped = event['@context'] === undefined ? namespaces : { ...namespaces, ...namespacesFromContext(event['@context']) };
  const preHash = eventPreHash(event, scoped);
  if (!preHash.ok)
    return { ok: false, reason: preHash.reason === 'unsupported_field' ? `${preHash.field} is not covered` : 'not an event' };
  return { ok: true, id: formatEventHashId(createHash('sha256').update(preHash.preHash, 'utf8').digest('hex')) };
}

/**
 * The events with an `eventID` each: a given one is kept as sent, a missing one becomes the
 * event's hash ID. An event without `eventID` whose hash cannot be computed is a problem for the
 * sender (`epcis.event_id_unavailable`: send an eventID), reported with its index.
 */
export function withEventIds(
  events: readonly EpcisEvent[],
  namespaces: Namespaces,
  eventListPath = '/epcisBody/eventList',
): { ok: true; events: EpcisEvent[] } | { ok: false; problems: EpcisProblem[] } {
  const problems: EpcisProblem[] = [];
  const withIds = events.map((event, i) => {
    if (typeof event.eventID === 'string' && event.eventID !== '') return event;
    const id = eventHashId(event, namespaces);
    if (id.ok) return { ...event, eventID: id.id };
    problems.push(epcisProblem('epcis.event_id_unavailable', `${eventListPath}/${i}`, id.reason));
    return event;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events: withIds };
}
