import type { RecordStepBody, StepDestination } from '@ocop/contracts/traceability';
import { type CapabilityTarget, can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import {
  buildHarvestEvent,
  buildPackingEvents,
  buildProcessingEvent,
  buildReceivingEvent,
  buildShippingEvent,
  CARTON_NUMBER_MAX,
  checkQuantity,
  type EpcisEventJson,
  isStepTimeTooLate,
  PROCESSING_INPUTS_MAX,
  PROCESSING_INPUTS_MIN,
  type LotMasterData,
  type LotQuantity,
  provinceCartonUri,
  provinceCommuneUri,
  provinceProducerUri,
  type StepDestinationPlace,
  type StepPlace,
} from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { LotRepository } from '../lots/lot.repository';
import type { LotRow } from '../lots/lot.tables';
import type { SiteRepository } from '../sites/site.repository';
import type { TraceabilityMap, TraceabilityRegistry } from '../traceability-ports';
import type { StepRepository } from './step.repository';

export type StepService = ReturnType<typeof createStepService>;

export type StepActor = { userId: string; grants: readonly RoleGrant[] };

/** The EPCIS capture of events the system builds itself (`EpcisCaptureService.captureEvents`); joins the open transaction. */
export type CaptureEvents = (
  actor: { userId: string | null; apiKeyId: string | null; grants: RoleGrant[] },
  events: EpcisEventJson[],
  audit: AuditContext,
) => Promise<{ captureId: string; eventIds: string[] }>;

/** How long before its lot's production date a step may be dated (a harvest over a season). */
const EARLIEST_STEP_DAYS_BEFORE_PRODUCTION = 366;
const DAY_MS = 86_400_000;

const placeOf = (row: LotRow): CapabilityTarget => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
  producerId: row.producerId,
});
/** Quantities compared in thousandths, exact for the three decimals a quantity has. */
const milli = (quantity: string) => Math.round(Number(quantity) * 1000);

function fieldError(error: unknown, field: string): unknown {
  return error instanceof DomainError ? new DomainError(error.kind, error.code, error.message, { ...error.details, field }) : error;
}

/**
 * The phone forms' steps (issue 13): checks the actor may capture events of the lot's producer,
 * the sites, input lots, time and quantities, builds the EPCIS events with the domain builders
 * and stores them through the EPCIS capture, all in one transaction (a refused step stores
 * nothing, cartons numbers included).
 */
export function createStepService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  lots: LotRepository;
  sites: SiteRepository;
  steps: StepRepository;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
  capture: CaptureEvents;
}) {
  const { transactions, clock, audit, lots, sites, steps, registry, map, capture } = deps;

  function quantityOf(raw: number | string, field: string): string {
    const checked = checkQuantity(raw);
    if (!checked.ok)
      throw new DomainError('invalid', 'step.quantity_invalid', 'The quantity is not valid.', { field, reason: checked.problem });
    return checked.quantity;
  }

  function assertWithinLot(quantity: string, lot: LotRow, field: string): void {
    if (milli(quantity) > milli(lot.quantity))
      throw new DomainError('invalid', 'step.quantity_exceeds_lot', 'The quantity is more than the lot has.', {
        field,
        quantity,
        lotCode: lot.lotCode,
        lotQuantity: String(Number(lot.quantity)),
      });
  }

  /** The quantity of the step (the lot's own when the form leaves it out), at most the lot's. */
  function lotQuantity(lot: LotRow, raw: number | string | undefined, field: string): LotQuantity {
    const quantity = quantityOf(raw ?? lot.quantity, field);
    assertWithinLot(quantity, lot, field);
    return { epcClass: lot.classUri, quantity, unit: lot.unit };
  }

  /** One of the lot's producer's sites; another producer's site is as unknown as a missing one. */
  async function siteOf(lot: LotRow, siteId: string, field: string): Promise<StepPlace> {
    const site = await sites.findById(siteId);
    if (!site || site.producerId !== lot.producerId)
      throw new DomainError('invalid', 'step.site_unknown', 'No such site of the lot’s producer.', { field });
    return { uri: site.locationUri, name: site.name };
  }

  async function destinationOf(lot: LotRow, destination: StepDestination): Promise<StepDestinationPlace> {
    if ('siteId' in destination) {
      const site = await sites.findById(destination.siteId);
      if (!site || site.producerId !== lot.producerId)
        throw new DomainError('invalid', 'step.site_unknown', 'No such site of the lot’s producer.', { field: 'destination.siteId' });
      return { uri: site.locationUri, name: site.name, communeCode: site.communeCode };
    }
    // A sales point outside may be in any province: the commune is checked on the whole current map.
    await map.assertCommune(destination.communeCode).catch((error: unknown) => {
      throw fieldError(error, 'destination.communeCode');
    });
    return { uri: provinceCommuneUri(destination.communeCode), name: destination.name, communeCode: destination.communeCode };
  }

  function eventTimeOf(lot: LotRow, raw: string | undefined): Date {
    const now = clock.now();
    if (raw === undefined) return now;
    const eventTime = new Date(raw);
    if (isStepTimeTooLate(eventTime, now))
      throw new DomainError('invalid', 'step.time_in_future', 'The time is in the future.', { field: 'eventTime', eventTime: raw });
    const earliest = new Date(Date.parse(`${lot.producedOn}T00:00:00+07:00`) - EARLIEST_STEP_DAYS_BEFORE_PRODUCTION * DAY_MS);
    if (eventTime < earliest)
      throw new DomainError('invalid', 'step.time_too_early', 'The time is long before the lot was made.', {
        field: 'eventTime',
        eventTime: raw,
        producedOn: lot.producedOn,
      });
    return eventTime;
  }

  const masterData = (lot: LotRow): LotMasterData => ({
    lotCode: lot.lotCode,
    producedOn: lot.producedOn,
    expiresOn: lot.expiresOn,
    bestBefore: lot.bestBefore,
    growingAreaCode: lot.growingAreaCode,
    growingAreaCommuneCode: lot.growingAreaCommuneCode,
  });

  async function processingInputs(lot: LotRow, inputs: { lotId: string; quantity: number | string }[]): Promise<LotQuantity[]> {
    if (inputs.length < PROCESSING_INPUTS_MIN || inputs.length > PROCESSING_INPUTS_MAX)
      throw new DomainError('invalid', 'step.input_count', 'A processing step has 1 to 20 input lots.', {
        field: 'inputs',
        min: PROCESSING_INPUTS_MIN,
        max: PROCESSING_INPUTS_MAX,
        count: inputs.length,
      });
    const seen = new Set<string>();
    const result: LotQuantity[] = [];
    for (const [i, input] of inputs.entries()) {
      const field = `inputs.${i}.lotId`;
      if (input.lotId === lot.id) throw new DomainError('invalid', 'step.input_is_output', 'The output lot is not an input.', { field });
      if (seen.has(input.lotId)) throw new DomainError('invalid', 'step.input_lot_repeated', 'The input lot is repeated.', { field });
      seen.add(input.lotId);
      const inputLot = await lots.findById(input.lotId);
      if (!inputLot) throw new DomainError('invalid', 'step.input_lot_unknown', 'No such input lot.', { field });
      if (inputLot.producerId !== lot.producerId)
        throw new DomainError('forbidden', 'step.input_lot_other_producer', 'The input lot is another producer’s.', { field });
      result.push(lotQuantity(inputLot, input.quantity, `inputs.${i}.quantity`));
    }
    return result;
  }

  /** Carton URNs numbered on from the lot's last carton, at most 99,999 in a lot. */
  async function cartonsFor(lot: LotRow, count: number): Promise<string[]> {
    const product = await registry.productFacts(lot.productId);
    if (!product) throw new DomainError('not_found', 'lot.not_found', 'No such lot.');
    const last = await steps.lastCartonNumberForUpdate(lot.id);
    if (last + count > CARTON_NUMBER_MAX)
      throw new DomainError('invalid', 'step.carton_limit', 'Too many cartons in the lot.', {
        field: 'cartonCount',
        max: CARTON_NUMBER_MAX,
        packed: last,
      });
    await steps.advanceCartonNumber(lot.id, count);
    return Array.from({ length: count }, (_, i) => provinceCartonUri({ code: product.code, lot: lot.lotCode, number: last + 1 + i }));
  }

  async function eventsOf(lot: LotRow, body: RecordStepBody): Promise<EpcisEventJson[]> {
    const eventTime = eventTimeOf(lot, body.eventTime);
    const note = body.note?.trim() || null;
    switch (body.kind) {
      case 'harvest': {
        const site = await siteOf(lot, body.siteId, 'siteId');
        return [buildHarvestEvent({ eventTime, note, site, lot: { ...lotQuantity(lot, body.quantity, 'quantity'), ...masterData(lot) } })];
      }
      case 'processing': {
        const site = await siteOf(lot, body.siteId, 'siteId');
        const output = { ...lotQuantity(lot, body.quantity, 'quantity'), ...masterData(lot) };
        return [buildProcessingEvent({ eventTime, note, site, inputs: await processingInputs(lot, body.inputs), output })];
      }
      case 'packing': {
        const site = await siteOf(lot, body.siteId, 'siteId');
        const perCarton = quantityOf(body.quantityPerCarton, 'quantityPerCarton');
        const total = ((milli(perCarton) * body.cartonCount) / 1000).toString();
        assertWithinLot(total, lot, 'quantityPerCarton');
        const cartons = await cartonsFor(lot, body.cartonCount);
        return buildPackingEvents({
          eventTime,
          note,
          site,
          perCarton: { epcClass: lot.classUri, quantity: perCarton, unit: lot.unit },
          cartons,
        });
      }
      case 'shipping': {
        const site = await siteOf(lot, body.siteId, 'siteId');
        const destination = await destinationOf(lot, body.destination);
        const owner = provinceProducerUri(lot.producerId);
        return [buildShippingEvent({ eventTime, note, site, owner, lot: lotQuantity(lot, body.quantity, 'quantity'), destination })];
      }
      case 'receiving': {
        const destination = await destinationOf(lot, body.destination);
        const owner = provinceProducerUri(lot.producerId);
        return [buildReceivingEvent({ eventTime, note, owner, lot: lotQuantity(lot, body.quantity, 'quantity'), destination })];
      }
    }
  }

  return {
    /** Records one step of a lot as EPCIS events; answers their eventIDs and the capture's id. */
    recordStep: (actor: StepActor, lotId: string, body: RecordStepBody, context: AuditContext) =>
      transactions.run(async () => {
        const lot = await lots.findById(lotId);
        if (!lot) throw new DomainError('not_found', 'lot.not_found', 'No such lot.');
        // The step form says nothing about the lot, so a refusal names no more than the id sent.
        if (!can(actor.grants, 'epcis.capture', placeOf(lot)))
          throw new DomainError('forbidden', 'step.lot_forbidden', 'You may not record steps of this lot.');
        const events = await eventsOf(lot, body);
        const stored = await capture({ userId: actor.userId, apiKeyId: null, grants: [...actor.grants] }, events, context);
        await audit.record(context, {
          action: 'lot.step_recorded',
          entityType: 'lot',
          entityId: lot.id,
          provinceCode: lot.provinceCode,
          after: { kind: body.kind, captureId: stored.captureId, eventCount: stored.eventIds.length },
        });
        return stored;
      }),
  };
}
