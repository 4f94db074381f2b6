import type { JsonObject } from './event-hash';
import { LOT_UNITS, type LotUnit } from './lot';
import { provinceCommuneUri } from './province-code';
import { PACKING_CARTONS_MAX, PROCESSING_INPUTS_MAX, PROCESSING_INPUTS_MIN, STEP_TIME_FUTURE_TOLERANCE_MS } from './step-kinds';

/**
 * The EPCIS 2.0 events the phone forms produce (issue 13), built from checked input: no I/O, no
 * clock. The service checks rights, sites and quantities first; these functions only shape the
 * JSON, and throw on input the service should never have passed on.
 *
 * Conventions shared by every event:
 * - `eventTime` in Vietnam time with its offset, `eventTimeZoneOffset: "+07:00"` (Vietnam has no
 *   daylight saving), so a reader sees the local time the cooperative wrote down.
 * - no `eventID`: the capture gives each event its CBV 2.0 §8.9 hash ID, so a form sent twice
 *   (a phone retrying on a poor connection) stores the event once.
 * - our own fields use the `ocop` prefix (`https://ocop.vn/epcis/`) and GS1's master-data names the
 *   `cbvmda` prefix; the event's own `@context` declares both, so it stays valid wherever it is
 *   copied, whatever the document around it declares.
 * - `ocop:placeName` names the read point for people (the journey page), `ocop:note` carries the
 *   form's note.
 */

export const OCOP_EPCIS_NAMESPACE = 'https://ocop.vn/epcis/';
/** GS1's master-data attribute namespace, as GS1's EPCIS 2.0 context declares `cbvmda`. */
export const CBVMDA_NAMESPACE = 'urn:epcglobal:cbv:mda:';
export const VIETNAM_TIME_OFFSET = '+07:00';

export type EpcisEventJson = JsonObject & { type: string };

/** A quantity of a lot: its EPC class, a canonical decimal (`checkQuantity`), and its unit. */
export type LotQuantity = { epcClass: string; quantity: string; unit: LotUnit };
/** A place in EPCIS: its URI (`siteLocationUri`, a commune URN…) and the name people know it by. */
export type StepPlace = { uri: string; name: string };
/** Where goods go: a place, and the commune it is in. */
export type StepDestinationPlace = StepPlace & { communeCode: string };
/** The lot's facts its ILMD carries when it comes into being. */
export type LotMasterData = {
  lotCode: string;
  producedOn: string;
  expiresOn: string | null;
  bestBefore: string | null;
  growingAreaCode: string | null;
  growingAreaCommuneCode: string | null;
};

type StepCommon = { eventTime: Date; note: string | null };

export type HarvestStep = StepCommon & { site: StepPlace; lot: LotQuantity & LotMasterData };
export type ProcessingStep = StepCommon & { site: StepPlace; inputs: LotQuantity[]; output: LotQuantity & LotMasterData };
/** `cartons` are the parent IDs (carton URNs), one event each; `perCarton` is what each holds. */
export type PackingStep = StepCommon & { site: StepPlace; perCarton: LotQuantity; cartons: string[] };
/** `owner` is the producer's party URI. */
export type ShippingStep = StepCommon & { site: StepPlace; owner: string; lot: LotQuantity; destination: StepDestinationPlace };
export type ReceivingStep = StepCommon & { owner: string; lot: LotQuantity; destination: StepDestinationPlace };

/** `2026-03-02T09:15:00.000+07:00`: the instant written in Vietnam time. */
export function vietnamDateTime(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 23)}${VIETNAM_TIME_OFFSET}`;
}

/** True when a step's time is more than 10 minutes ahead of the server's clock (a phone's clock may drift a little). */
export function isStepTimeTooLate(eventTime: Date, now: Date): boolean {
  return eventTime.getTime() > now.getTime() + STEP_TIME_FUTURE_TOLERANCE_MS;
}

/** An EPCIS quantity element; a counted unit (a box) has no `uom`, as EPCIS reads it as instances. */
function quantityElement(item: LotQuantity): JsonObject {
  const uom = LOT_UNITS[item.unit].uom;
  const element: JsonObject = { epcClass: item.epcClass, quantity: Number(item.quantity) };
  if (uom !== null) element.uom = uom;
  return element;
}

function lotIlmd(lot: LotMasterData): JsonObject {
  const ilmd: JsonObject = { 'cbvmda:lotNumber': lot.lotCode, 'ocop:productionDate': lot.producedOn };
  if (lot.expiresOn !== null) ilmd['cbvmda:itemExpirationDate'] = lot.expiresOn;
  if (lot.bestBefore !== null) ilmd['cbvmda:bestBeforeDate'] = lot.bestBefore;
  if (lot.growingAreaCode !== null) ilmd['ocop:growingAreaCode'] = lot.growingAreaCode;
  if (lot.growingAreaCommuneCode !== null) ilmd['ocop:growingAreaCommune'] = provinceCommuneUri(lot.growingAreaCommuneCode);
  return ilmd;
}

function baseEvent(type: string, step: StepCommon, place: StepPlace): EpcisEventJson {
  const event: EpcisEventJson = {
    type,
    '@context': [{ ocop: OCOP_EPCIS_NAMESPACE, cbvmda: CBVMDA_NAMESPACE }],
    eventTime: vietnamDateTime(step.eventTime),
    eventTimeZoneOffset: VIETNAM_TIME_OFFSET,
  };
  return Object.assign(event, { readPoint: { id: place.uri }, 'ocop:placeName': place.name });
}

function withNote(event: EpcisEventJson, note: string | null): EpcisEventJson {
  if (note !== null && note !== '') event['ocop:note'] = note;
  return event;
}

/**
 * Harvest, or the start of a lot made on site: the lot's quantity comes into being at the site.
 * CBV `commissioning` / `active` is the pair CBV gives for a new object entering circulation; the
 * lot's dates and growing area travel in its ILMD, as EPCIS means ILMD for.
 */
export function buildHarvestEvent(step: HarvestStep): EpcisEventJson {
  const event = baseEvent('ObjectEvent', step, step.site);
  Object.assign(event, {
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    quantityList: [quantityElement(step.lot)],
    bizLocation: { id: step.site.uri },
    ilmd: lotIlmd(step.lot),
  });
  return withNote(event, step.note);
}

/**
 * Processing: input lots are used up, the output lot comes out. bizStep `creating_class_instance`,
 * CBV 2.0's step "where an instance or increased quantity of a class-level identifier is produced",
 * which is what a cooperative's processing is (withering and rolling tea leaves into a new lot of
 * finished tea): `assembling` means putting parts together into one assembled object, and
 * `commissioning` names a new object without inputs. Disposition `active`: the output is in circulation.
 */
export function buildProcessingEvent(step: ProcessingStep): EpcisEventJson {
  if (step.inputs.length < PROCESSING_INPUTS_MIN || step.inputs.length > PROCESSING_INPUTS_MAX)
    throw new Error('a processing step has 1 to 20 input lots');
  const event = baseEvent('TransformationEvent', step, step.site);
  Object.assign(event, {
    inputQuantityList: step.inputs.map(quantityElement),
    outputQuantityList: [quantityElement(step.output)],
    bizStep: 'creating_class_instance',
    disposition: 'active',
    bizLocation: { id: step.site.uri },
    ilmd: lotIlmd(step.output),
  });
  return withNote(event, step.note);
}

/**
 * Packing: one AggregationEvent per carton. EPCIS gives an AggregationEvent a single `parentID`,
 * so N cartons cannot share one event; N events also let a later step (a carton shipped, opened
 * or lost) name its own carton. Disposition `in_progress`: packed, not yet shipped.
 */
export function buildPackingEvents(step: PackingStep): EpcisEventJson[] {
  if (step.cartons.length < 1 || step.cartons.length > PACKING_CARTONS_MAX) throw new Error('a packing step has 1 to 500 cartons');
  return step.cartons.map((parentID) => {
    const event = baseEvent('AggregationEvent', step, step.site);
    Object.assign(event, {
      parentID,
      childQuantityList: [quantityElement(step.perCarton)],
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
      bizLocation: { id: step.site.uri },
    });
    return withNote(event, step.note);
  });
}

function destinationFields(destination: StepDestinationPlace): JsonObject {
  return {
    'ocop:destinationName': destination.name,
    'ocop:destinationCommune': provinceCommuneUri(destination.communeCode),
  };
}

/**
 * Shipping from one of the producer's sites: observed leaving (`OBSERVE`), `in_transit`. No
 * `bizLocation`: once shipped, the goods are at no business location until they are received.
 * The producer owns the goods (source owning_party); the destination is a location.
 */
export function buildShippingEvent(step: ShippingStep): EpcisEventJson {
  const event = baseEvent('ObjectEvent', step, step.site);
  Object.assign(event, {
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    quantityList: [quantityElement(step.lot)],
    sourceList: [
      { type: 'owning_party', source: step.owner },
      { type: 'location', source: step.site.uri },
    ],
    destinationList: [{ type: 'location', destination: step.destination.uri }],
    ...destinationFields(step.destination),
  });
  return withNote(event, step.note);
}

/**
 * Receiving at a sales point: read there, and kept there (`bizLocation`). Disposition
 * `sellable_accessible` rather than `in_progress`: a sales point puts OCOP goods straight on its
 * shelf, and the stamp scan should then say the goods can be bought; a later issue's sales-point
 * stock may record `stocking` separately where a shop has a back room.
 */
export function buildReceivingEvent(step: ReceivingStep): EpcisEventJson {
  const event = baseEvent('ObjectEvent', step, step.destination);
  Object.assign(event, {
    action: 'OBSERVE',
    bizStep: 'receiving',
    disposition: 'sellable_accessible',
    quantityList: [quantityElement(step.lot)],
    bizLocation: { id: step.destination.uri },
    sourceList: [{ type: 'owning_party', source: step.owner }],
    destinationList: [{ type: 'location', destination: step.destination.uri }],
    ...destinationFields(step.destination),
  });
  return withNote(event, step.note);
}
