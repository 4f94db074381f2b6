import { DomainError } from '../shared/domain-error';
import { PRODUCER_TYPE_LABELS, type ProducerType } from '../registry/producer';
import { BIZ_STEP_LABELS, type CbvBizStep, type CbvDisposition, DISPOSITION_LABELS, expandCbvValue, isCbvWord } from './cbv';
import { parseGs1KeyUri } from './digital-link';
import { LOT_UNITS, type LotUnit } from './lot';
import { parseProvinceKeyUri } from './province-code';

/**
 * The shapes of the files handed to Vietnam's national traceability portal (Cổng thông tin truy
 * xuất nguồn gốc sản phẩm, hàng hóa quốc gia), and the one mapping from our records to them.
 *
 * The portal publishes no machine-readable interface we could find, so these shapes are ours,
 * derived from the minimum information Circular 02/2024/TT-BKHCN Art. 6(5) asks of a traceability
 * system (product name, producer's name and address, the stages with their product and place
 * trace codes and times, the traceability code, brand/serial, shelf life) and from TCVN 12850:2019
 * (who, what, where, when, why), written with GS1 keys where we have them. Should the portal
 * publish its own shapes, this file (and the JSON Schemas in
 * `apps/server/reference-data/national-portal/`) is the one place to change.
 */
export const PORTAL_SCHEMA_VERSION = '1.0';

/** The longest period one export covers, in days (both ends included): a year, leap or not. */
export const PORTAL_EXPORT_MAX_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March: only a real day survives the round trip.
  return new Date(at).toISOString().slice(0, 10) === day ? at / 86_400_000 : null;
}

/** The number of days in a period, both ends included; refuses an impossible or over-long one. */
export function checkPortalPeriod(from: string, to: string, maxDays: number = PORTAL_EXPORT_MAX_DAYS): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === null || end === null || end < start)
    throw new DomainError('invalid', 'portal_export.period_invalid', 'The period must run from a real day to the same or a later one.', {
      field: start === null ? 'from' : 'to',
      from,
      to,
    });
  const days = end - start + 1;
  if (days > maxDays)
    throw new DomainError('invalid', 'portal_export.period_too_long', 'The period is longer than one export may cover.', {
      field: 'to',
      days,
      maxDays,
    });
  return days;
}

// ————— What the mapping reads (plain data the server hands in) —————

export type PortalOrganisationSource = {
  id: string;
  name: string;
  type: ProducerType;
  registrationNumber: string;
  provinceCode: string;
  communeCode: string;
  address: string | null;
  representativeName: string | null;
  phone: string | null;
  email: string | null;
  latitude: number | null;
  longitude: number | null;
};

export type PortalProductSource = {
  id: string;
  code: string;
  producerId: string;
  nameVi: string;
  nameEn: string | null;
  productSet: { code: string; name: string; groupCode: string; groupName: string };
  /** 14 digits each, the first naming the product. */
  gtins: readonly string[];
  netQuantity: string | null;
  packaging: string | null;
  shelfLife: string | null;
  /** The certificate the product may show the OCOP mark under on the export day, if any. */
  mark: { stars: number; certificateNumber: string; validUntil: string | null } | null;
};

export type PortalLotSource = {
  id: string;
  classUri: string;
  lotCode: string;
  productId: string;
  productCode: string;
  gtin: string | null;
  producerId: string;
  producedOn: string;
  expiresOn: string | null;
  bestBefore: string | null;
  /** `numeric(15, 3)` as text. */
  quantity: string;
  unit: LotUnit;
  growingAreaCode: string | null;
  growingAreaCommuneCode: string | null;
  provinceCode: string;
};

/** What an event's keys resolve to in our records (null parts: not ours, or not found). */
export type PortalKeyResolution = { productId: string | null; lotId: string | null };

// ————— The portal's shapes —————

export type PortalOrganisation = {
  organisationId: string;
  name: string;
  organisationType: ProducerType;
  organisationTypeVi: string;
  registrationNumber: string;
  gln: string | null;
  address: { street: string | null; communeCode: string; provinceCode: string; countryCode: 'VN' };
  location: { latitude: number; longitude: number } | null;
  contact: { representative: string | null; phone: string | null; email: string | null };
};

export type PortalProduct = {
  productId: string;
  ocopCode: string;
  gtin: string | null;
  otherGtins: string[];
  name: string;
  nameEn: string | null;
  organisationId: string;
  productGroup: { code: string; name: string };
  productSet: { code: string; name: string };
  netContent: string | null;
  packaging: string | null;
  shelfLife: string | null;
  ocopStars: number | null;
  ocopCertificate: { number: string; validUntil: string | null } | null;
};

export type PortalLot = {
  lotId: string;
  lotCode: string;
  traceCode: string;
  productId: string;
  ocopCode: string;
  gtin: string | null;
  organisationId: string;
  productionDate: string;
  expiryDate: string | null;
  bestBeforeDate: string | null;
  quantity: number;
  unit: LotUnit;
  unitVi: string;
  unitUom: string | null;
  growingArea: { code: string | null; communeCode: string | null; provinceCode: string } | null;
};

export const PORTAL_ITEM_ROLES = ['epc', 'parent', 'child', 'input', 'output'] as const;
export type PortalItemRole = (typeof PORTAL_ITEM_ROLES)[number];

export type PortalEventItem = {
  role: PortalItemRole;
  uri: string;
  ocopCode: string | null;
  gtin: string | null;
  lotCode: string | null;
  serial: string | null;
  productId: string | null;
  lotId: string | null;
  quantity: number | null;
  uom: string | null;
};

export type PortalParty = { type: string; id: string };

export type PortalEvent = {
  eventId: string;
  eventType: string;
  action: string | null;
  stage: string | null;
  stageVi: string;
  bizStep: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  place: { readPoint: string | null; bizLocation: string | null; gln: string | null };
  disposition: string | null;
  dispositionVi: string | null;
  organisationId: string | null;
  items: PortalEventItem[];
  sources: PortalParty[];
  destinations: PortalParty[];
};

export type PortalFileName = 'organisations.json' | 'products.json' | 'lots.json' | 'events.json';

export type PortalManifest = {
  schemaVersion: string;
  generator: 'ocop';
  provinceCode: string;
  producerId: string | null;
  period: { from: string; to: string; timeZone: 'Asia/Ho_Chi_Minh' };
  generatedAt: string;
  counts: Record<'organisations' | 'products' | 'lots' | 'events', number>;
  files: { name: PortalFileName; records: number; bytes: number; sha256: string }[];
};

// ————— The mapping —————

export function toPortalOrganisation(source: PortalOrganisationSource): PortalOrganisation {
  const hasPlace = source.latitude !== null && source.longitude !== null;
  return {
    organisationId: source.id,
    name: source.name,
    organisationType: source.type,
    organisationTypeVi: PRODUCER_TYPE_LABELS[source.type],
    registrationNumber: source.registrationNumber,
    // The registry records no GLN for producers yet; the field is in the shape so adding one changes no file layout.
    gln: null,
    address: { street: source.address, communeCode: source.communeCode, provinceCode: source.provinceCode, countryCode: 'VN' },
    location: hasPlace ? { latitude: source.latitude as number, longitude: source.longitude as number } : null,
    contact: { representative: source.representativeName, phone: source.phone, email: source.email },
  };
}

export function toPortalProduct(source: PortalProductSource): PortalProduct {
  const [gtin = null, ...otherGtins] = source.gtins;
  return {
    productId: source.id,
    ocopCode: source.code,
    gtin,
    otherGtins,
    name: source.nameVi,
    nameEn: source.nameEn,
    organisationId: source.producerId,
    productGroup: { code: source.productSet.groupCode, name: source.productSet.groupName },
    productSet: { code: source.productSet.code, name: source.productSet.name },
    netContent: source.netQuantity,
    packaging: source.packaging,
    shelfLife: source.shelfLife,
    ocopStars: source.mark?.stars ?? null,
    ocopCertificate: source.mark ? { number: source.mark.certificateNumber, validUntil: source.mark.validUntil } : null,
  };
}

export function toPortalLot(source: PortalLotSource): PortalLot {
  const unit = LOT_UNITS[source.unit];
  const hasArea = source.growingAreaCode !== null || source.growingAreaCommuneCode !== null;
  return {
    lotId: source.id,
    lotCode: source.lotCode,
    traceCode: source.classUri,
    productId: source.productId,
    ocopCode: source.productCode,
    gtin: source.gtin,
    organisationId: source.producerId,
    productionDate: source.producedOn,
    expiryDate: source.expiresOn,
    bestBeforeDate: source.bestBefore,
    quantity: Number(source.quantity),
    unit: source.unit,
    unitVi: unit.vi,
    unitUom: unit.uom,
    growingArea: hasArea
      ? { code: source.growingAreaCode, communeCode: source.growingAreaCommuneCode, provinceCode: source.provinceCode }
      : null,
  };
}

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The instant written in the event's own offset (`2026-02-20T08:30:00+07:00`), as the portal shows local times. */
export function timeWithOffset(instant: string, offset: string): string {
  const match = OFFSET.exec(offset);
  const at = Date.parse(instant);
  if (!match || Number.isNaN(at)) throw new Error('expects an ISO instant and an offset ±hh:mm');
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const local = new Date(at + minutes * 60_000).toISOString();
  // Milliseconds only when the event had them, so a whole-second time stays whole.
  const body = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return body + offset;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const idOf = (value: unknown): string | null => (isObject(value) ? text(value.id) : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The identifiers an EPCIS event names, with their role and, for a class, its quantity. */
export function namedKeys(event: Json): { role: PortalItemRole; uri: string; quantity: number | null; uom: string | null }[] {
  const keys: { role: PortalItemRole; uri: string; quantity: number | null; uom: string | null }[] = [];
  const instances = (role: PortalItemRole, values: unknown) => {
    for (const uri of list(values)) if (typeof uri === 'string') keys.push({ role, uri, quantity: null, uom: null });
  };
  const classes = (role: PortalItemRole, values: unknown) => {
    for (const element of list(values)) {
      if (!isObject(element) || typeof element.epcClass !== 'string') continue;
      const quantity = typeof element.quantity === 'number' ? element.quantity : null;
      keys.push({ role, uri: element.epcClass, quantity, uom: text(element.uom) });
    }
  };
  const parent = text(event.parentID);
  if (parent) keys.push({ role: 'parent', uri: parent, quantity: null, uom: null });
  instances('epc', event.epcList);
  classes('epc', event.quantityList);
  instances('child', event.childEPCs);
  classes('child', event.childQuantityList);
  instances('input', event.inputEPCList);
  classes('input', event.inputQuantityList);
  instances('output', event.outputEPCList);
  classes('output', event.outputQuantityList);
  return keys;
}

/** A key read as far as the portal cares: the product (OCOP code or GTIN), the lot, the serial. */
export function readTraceKey(uri: string): { ocopCode: string | null; gtin: string | null; lotCode: string | null; serial: string | null } {
  const province = parseProvinceKeyUri(uri);
  if (province) return { ocopCode: province.code, gtin: null, lotCode: province.kind === 'lot' ? province.lot : null, serial: null };
  const gs1 = parseGs1KeyUri(uri);
  if (gs1.ok) {
    const key = gs1.key;
    if (key.kind === 'gtin') return { ocopCode: null, gtin: key.gtin, lotCode: null, serial: null };
    if (key.kind === 'lgtin') return { ocopCode: null, gtin: key.gtin, lotCode: key.lot, serial: null };
    if (key.kind === 'sgtin') return { ocopCode: null, gtin: key.gtin, lotCode: null, serial: key.serial };
  }
  return { ocopCode: null, gtin: null, lotCode: null, serial: null };
}

function glnOf(uri: string | null): string | null {
  if (!uri) return null;
  const parsed = parseGs1KeyUri(uri);
  return parsed.ok && (parsed.key.kind === 'sgln' || parsed.key.kind === 'pgln') ? parsed.key.gln : null;
}

const BIZ_STEP_PREFIX = 'https://ref.gs1.org/cbv/BizStep-';
const DISPOSITION_PREFIX = 'https://ref.gs1.org/cbv/Disp-';

function cbvWord(value: string | null, prefix: string): string | null {
  return value?.startsWith(prefix) ? value.slice(prefix.length) : null;
}

function parties(values: unknown): PortalParty[] {
  const out: PortalParty[] = [];
  for (const element of list(values)) {
    if (!isObject(element)) continue;
    const type = text(element.type);
    const id = text(element.source) ?? text(element.destination);
    if (type && id) out.push({ type: expandCbvValue('sourceDestinationType', type), id });
  }
  return out;
}

/**
 * One stored EPCIS event as the portal's trace event: the stage in Vietnamese (a CBV step's
 * label; a step of someone's own vocabulary shows as "Khác"), the time in the event's own
 * offset, the place, and what it names, each key tied to our product and lot where we know it.
 */
export function toPortalEvent(input: {
  event: Json;
  /** The stored columns: the event's id (given or its hash ID) and its time, whatever form the JSON carries them in. */
  eventId: string;
  eventTime: Date;
  eventType: string;
  recordTime: Date;
  producerId: string | null;
  resolve: (uri: string) => PortalKeyResolution;
}): PortalEvent {
  const { event } = input;
  // EPCIS requires the offset, and the capture checks it; UTC is the only reading of an event without one.
  const offset = text(event.eventTimeZoneOffset) ?? '+00:00';
  const bizStep = text(event.bizStep) === null ? null : expandCbvValue('bizStep', text(event.bizStep) as string);
  const stepWord = cbvWord(bizStep, BIZ_STEP_PREFIX);
  const stage = stepWord && isCbvWord('bizStep', stepWord) ? stepWord : null;
  const disposition = text(event.disposition) === null ? null : expandCbvValue('disposition', text(event.disposition) as string);
  const dispositionWord = cbvWord(disposition, DISPOSITION_PREFIX);
  const readPoint = idOf(event.readPoint);
  const bizLocation = idOf(event.bizLocation);
  return {
    eventId: input.eventId,
    eventType: input.eventType,
    action: text(event.action),
    stage,
    stageVi: stage ? BIZ_STEP_LABELS[stage as CbvBizStep] : 'Khác',
    bizStep,
    eventTime: timeWithOffset(input.eventTime.toISOString(), offset),
    eventTimeZoneOffset: offset,
    recordTime: input.recordTime.toISOString(),
    place: { readPoint, bizLocation, gln: glnOf(bizLocation) ?? glnOf(readPoint) },
    disposition,
    dispositionVi:
      dispositionWord && isCbvWord('disposition', dispositionWord) ? DISPOSITION_LABELS[dispositionWord as CbvDisposition] : null,
    organisationId: input.producerId,
    items: namedKeys(event).map((key) => ({
      role: key.role,
      uri: key.uri,
      ...readTraceKey(key.uri),
      ...input.resolve(key.uri),
      quantity: key.quantity,
      uom: key.uom,
    })),
    sources: parties(event.sourceList),
    destinations: parties(event.destinationList),
  };
}
