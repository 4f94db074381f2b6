import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { expandCbvValue, type JsonObject, type JsonValue, type Namespaces, namespacesFromContext } from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { KeyOwner, TraceabilityRegistry } from '../traceability-ports';
import { type EpcisEvent, validateEpcisDocument } from './epcis-document';
import { eventHashId } from './epcis-event-id';
import { canonicalKey, type EventKey, eventKeys, productReferenceOf } from './epcis-keys';
import { type EpcisProblem, epcisProblem } from './epcis-problems';
import type { EpcisRepository, EventToStore } from './epcis.repository';
import type { EpcisCaptureRow } from './epcis.tables';
import { capturerOf, type KeyOwners, placeEvent } from './epcis-scope';

/** Who captures: a user's session or a producer's API key, with the grants either carries. */
export type CaptureActor = { userId: string | null; apiKeyId: string | null; grants: RoleGrant[] };
export type ErrorBehaviour = 'rollback' | 'proceed';

/** The GS1 capture job (EPCIS 2.0 REST binding), as `/epcis/capture/{captureID}` shows it. */
export type CaptureJobView = {
  captureID: string;
  createdAt: string;
  finishedAt: string | null;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: ErrorBehaviour;
  eventCount: number;
  storedCount: number;
  duplicateCount: number;
  errors: EpcisProblem[];
};

// GS1's own context, given back first in every answer; the rest of a document's context is kept per event.
const GS1_CONTEXT = /^https:\/\/(ref\.gs1\.org\/standards\/epcis\/|gs1\.github\.io\/EPCIS\/)/;
const LOOKUP_BATCH = 1_000;
const MAX_JOB_ERRORS = 50;

type Deps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  repository: EpcisRepository;
};

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function idOf(value: JsonValue | undefined): string | null {
  return isObject(value) && typeof value.id === 'string' ? canonicalKey(value.id) : null;
}

/** The document's `@context` entries besides GS1's: its namespaces, given back with its events. */
export function ownContext(context: JsonValue | undefined): JsonValue[] | null {
  const entries = Array.isArray(context) ? context : context === undefined ? [] : [context];
  const own = entries.filter((entry) => !(typeof entry === 'string' && GS1_CONTEXT.test(entry)));
  return own.length === 0 ? null : own;
}

export function toCaptureJobView(row: EpcisCaptureRow): CaptureJobView {
  return {
    captureID: row.id,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    running: row.running,
    success: row.success,
    captureErrorBehaviour: row.errorBehaviour,
    eventCount: row.eventCount,
    storedCount: row.storedCount,
    duplicateCount: row.duplicateCount,
    errors: row.errors as EpcisProblem[],
  };
}

/**
 * Capture (issue 13 item 3): validate, give each event its ID, decide whose it is, store it once.
 * A document is captured in one transaction with its capture job: by GS1's default all or
 * nothing; with `proceed` the events that fail are left out and listed in the job.
 */
export function createEpcisCaptureService(deps: Deps) {
  const { transactions, clock, registry, repository } = deps;

  /** Who owns the products the events name, one lookup per 1,000 GTINs or codes. */
  async function ownersOf(keysPerEvent: readonly EventKey[][]): Promise<KeyOwners> {
    const gtins = new Set<string>();
    const codes = new Set<string>();
    for (const { key } of keysPerEvent.flat()) {
      const reference = productReferenceOf(key);
      if (reference.kind === 'gtin') gtins.add(reference.gtin);
      else if (reference.kind === 'code') codes.add(reference.code);
    }
    const byGtin = new Map<string, KeyOwner>();
    const byCode = new Map<string, KeyOwner>();
    const gtinList = [...gtins];
    const codeList = [...codes];
    for (let i = 0; i < Math.max(gtinList.length, codeList.length); i += LOOKUP_BATCH) {
      const owners = await registry.keyOwners(gtinList.slice(i, i + LOOKUP_BATCH), codeList.slice(i, i + LOOKUP_BATCH));
      for (const owner of owners) {
        byCode.set(owner.code, owner);
        for (const gtin of owner.gtins) byGtin.set(gtin, owner);
      }
    }
    return { byGtin, byCode };
  }

  /**
   * Decides and stores; returns the eventIDs stored now, the duplicates, and the problems of the
   * events left out. Runs inside the caller's transaction.
   */
  async function store(
    actor: CaptureActor,
    captureId: string,
    events: readonly EpcisEvent[],
    context: JsonValue[] | null,
    behaviour: ErrorBehaviour,
    eventListPath: string,
    skipped: ReadonlySet<number>,
  ) {
    const recordTime = clock.now();
    const keysPerEvent = events.map((event) => eventKeys(event));
    const owners = await ownersOf(keysPerEvent);
    const capturer = capturerOf(actor.grants);
    const withoutProduct = [
      ...new Set(
        keysPerEvent
          .flat()
          .filter(({ key }) => productReferenceOf(key).kind === 'none')
          .map(({ key }) => key),
      ),
    ];
    const usedByOthers = withoutProduct.length === 0 ? new Map<string, string>() : await repository.producersUsingKeys(withoutProduct);

    const problems: EpcisProblem[] = [];
    const toStore: EventToStore[] = [];
    events.forEach((event, index) => {
      if (skipped.has(index)) return;
      const keys = keysPerEvent[index] ?? [];
      const placement = placeEvent(keys, owners, capturer, usedByOthers, actor.grants);
      if (!placement.ok) {
        problems.push(epcisProblem(placement.code, `${eventListPath}/${index}`, placement.key));
        return;
      }
      const { recordTime: _given, ...kept } = event;
      toStore.push({
        keys,
        row: {
          eventId: String(event.eventID),
          eventType: event.type,
          provinceCode: placement.provinceCode,
          producerId: placement.producerId,
          communeCode: placement.communeCode,
          captureId,
          eventTime: new Date(String(event.eventTime)),
          recordTime,
          action: typeof event.action === 'string' ? event.action : null,
          bizStep: typeof event.bizStep === 'string' ? expandCbvValue('bizStep', event.bizStep) : null,
          disposition: typeof event.disposition === 'string' ? expandCbvValue('disposition', event.disposition) : null,
          readPoint: idOf(event.readPoint),
          bizLocation: idOf(event.bizLocation),
          event: kept,
          context,
        },
      });
    });
    if (problems.length > 0 && behaviour === 'rollback') {
      throw new DomainError('forbidden', 'epcis.capture_forbidden', 'Events outside the capturer’s scope.', {
        count: problems.length,
        problems: problems.slice(0, MAX_JOB_ERRORS),
      });
    }
    const { stored, amended } = await repository.insertEvents(toStore);
    return { stored, amended, duplicates: toStore.length - stored.length - amended, problems };
  }

  async function openCapture(actor: CaptureActor, behaviour: ErrorBehaviour, eventCount: number) {
    const capturer = capturerOf(actor.grants);
    const grant = actor.grants.find((g) => g.provinceCode !== null);
    const producerId = capturer.producerIds.size === 1 ? [...capturer.producerIds][0] : null;
    const id = crypto.randomUUID();
    await repository.insertCapture({
      id,
      provinceCode: grant?.provinceCode ?? null,
      producerId: producerId ?? null,
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
      errorBehaviour: behaviour,
      running: true,
      success: false,
      eventCount,
      storedCount: 0,
      duplicateCount: 0,
      createdAt: clock.now(),
    });
    return id;
  }

  return {
    /** POST /epcis/capture: a whole EPCISDocument (or EPCISQueryDocument). */
    async captureDocument(actor: CaptureActor, document: unknown, options: { errorBehaviour: ErrorBehaviour }): Promise<CaptureJobView> {
      const type =
        isObject(document as JsonValue) && (document as JsonObject).type === 'EPCISQueryDocument' ? 'EPCISQueryDocument' : 'EPCISDocument';
      const eventListPath = type === 'EPCISDocument' ? '/epcisBody/eventList' : '/epcisBody/queryResults/resultsBody/eventList';
      const validation = await validateEpcisDocument(document, type);
      let events: EpcisEvent[];
      let context: JsonValue | undefined;
      const skipped = new Set<number>();
      const problems: EpcisProblem[] = [];
      if (validation.ok) {
        events = validation.events;
        context = validation.context;
      } else {
        // With `proceed`, events with problems are left out, when every problem is an event's and all were told.
        const eventOnly = validation.problems.every((problem) => problem.eventIndex !== null && problem.code !== 'epcis.too_many_problems');
        if (options.errorBehaviour === 'rollback' || !eventOnly) throw invalidDocument(validation.problems);
        events = listOf(document as JsonObject, type);
        context = (document as JsonObject)['@context'];
        for (const problem of validation.problems) if (problem.eventIndex !== null) skipped.add(problem.eventIndex);
        problems.push(...validation.problems);
      }
      const identified = identify(events, namespacesFromContext(context), eventListPath, skipped);
      if (identified.problems.length > 0) {
        if (options.errorBehaviour === 'rollback') throw invalidDocument(identified.problems);
        for (const problem of identified.problems) if (problem.eventIndex !== null) skipped.add(problem.eventIndex);
        problems.push(...identified.problems);
      }
      const withIds = identified.events;
      return transactions.run(async () => {
        const captureId = await openCapture(actor, options.errorBehaviour, events.length);
        const result = await store(actor, captureId, withIds, ownContext(context), options.errorBehaviour, eventListPath, skipped);
        const errors = [...problems, ...result.problems].slice(0, MAX_JOB_ERRORS);
        await repository.finishCapture(captureId, {
          running: false,
          success: errors.length === 0,
          storedCount: result.stored.length + result.amended,
          duplicateCount: result.duplicates,
          errors,
          finishedAt: clock.now(),
        });
        const row = await repository.findCapture(captureId);
        if (!row) throw new Error('capture vanished in its own transaction');
        return toCaptureJobView(row);
      });
    },

    /**
     * Events the system builds (the phone forms): the same checks and storage, all or nothing,
     * in the caller's transaction when one is open. Each event declares its own namespaces in
     * its event-level `@context`.
     */
    async captureEvents(
      actor: CaptureActor,
      events: EpcisEvent[],
      _audit?: AuditContext,
    ): Promise<{ captureId: string; eventIds: string[] }> {
      const context = null;
      const identified = identify(events, {}, '/epcisBody/eventList', new Set());
      if (identified.problems.length > 0) throw invalidDocument(identified.problems);
      return transactions.run(async () => {
        const captureId = await openCapture(actor, 'rollback', events.length);
        const result = await store(actor, captureId, identified.events, context, 'rollback', '/epcisBody/eventList', new Set());
        await repository.finishCapture(captureId, {
          running: false,
          success: true,
          storedCount: result.stored.length,
          duplicateCount: result.duplicates,
          finishedAt: clock.now(),
        });
        return { captureId, eventIds: identified.events.map((event) => String(event.eventID)) };
      });
    },

    /** A capture job, to its capturer, or to staff whose scope holds its province or producer. */
    async getCapture(actor: CaptureActor, captureId: string): Promise<CaptureJobView> {
      const row = await repository.findCapture(captureId);
      const capturer = capturerOf(actor.grants);
      const visible =
        row !== undefined &&
        ((actor.userId !== null && row.userId === actor.userId) ||
          (actor.apiKeyId !== null && row.apiKeyId === actor.apiKeyId) ||
          capturer.provinceCodes === 'all' ||
          (row.provinceCode !== null && capturer.provinceCodes.has(row.provinceCode)) ||
          (row.producerId !== null && capturer.producerIds.has(row.producerId)));
      if (!visible || !row) throw new DomainError('not_found', 'epcis.capture_not_found', 'No such capture job.');
      return toCaptureJobView(row);
    },
  };
}

/** Each event with its `eventID`: as sent, or its hash ID; events already left out keep none. */
function identify(events: readonly EpcisEvent[], namespaces: Namespaces, listPath: string, skipped: ReadonlySet<number>) {
  const problems: EpcisProblem[] = [];
  const identified = events.map((event, i) => {
    if (skipped.has(i) || (typeof event.eventID === 'string' && event.eventID !== '')) return event;
    const id = eventHashId(event, namespaces);
    if (id.ok) return { ...event, eventID: id.id };
    problems.push(epcisProblem('epcis.event_id_unavailable', `${listPath}/${i}`, id.reason));
    return event;
  });
  return { events: identified, problems };
}

function invalidDocument(problems: EpcisProblem[]): DomainError {
  return new DomainError('malformed', 'epcis.document_invalid', 'The EPCIS document is not valid.', { count: problems.length, problems });
}

function listOf(document: JsonObject, type: 'EPCISDocument' | 'EPCISQueryDocument'): EpcisEvent[] {
  const body = document.epcisBody as JsonObject;
  const list = type === 'EPCISDocument' ? body.eventList : ((body.queryResults as JsonObject).resultsBody as JsonObject).eventList;
  return (Array.isArray(list) ? list : []) as EpcisEvent[];
}

export type EpcisCaptureService = ReturnType<typeof createEpcisCaptureService>;
