import type { LotJourney, JourneyStep } from '@ocop/contracts/traceability';
import { DomainError } from '@ocop/domain/shared';
import { compareJourneySteps, type JsonObject, journeyStepKind, journeyStepLabel, lotClassUris } from '@ocop/domain/traceability';
import type { Transactions } from '../../../platform/database/transaction';
import { ANY_EPC_CLASS_ROLES, ANY_EPC_ROLES, canonicalKey } from '../epcis/epcis-keys';
import type { EpcisRepository } from '../epcis/epcis.repository';
import type { EpcisEventRow } from '../epcis/epcis.tables';
import type { LotRepository } from '../lots/lot.repository';
import type { LotRow } from '../lots/lot.tables';
import type { TraceabilityRegistry } from '../traceability-ports';

/** Bounds of one journey: lots followed back through transformations, cartons followed forward, events read. */
export const MAX_JOURNEY_LOTS = 20;
export const MAX_JOURNEY_DEPTH = 4;
export const MAX_JOURNEY_CARTONS = 200;
export const MAX_EVENTS_PER_LOT = 500;

/** Names of the places events name (read points, business locations, destinations); unknown ones are left out. */
export type PlaceNames = (uris: readonly string[]) => Promise<ReadonlyMap<string, string>>;

type Deps = {
  transactions: Transactions;
  lots: LotRepository;
  epcis: EpcisRepository;
  registry: TraceabilityRegistry;
  placeNames: PlaceNames;
};

type Followed = { lot: LotRow; productName: string; keys: string[]; until: Date | null; depth: number };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function classesIn(event: JsonObject, field: string): string[] {
  const list = event[field];
  return Array.isArray(list)
    ? list.filter(isObject).flatMap((entry) => (typeof entry.epcClass === 'string' ? [canonicalKey(entry.epcClass)] : []))
    : [];
}

/**
 * The journey of a lot (issue 13 item 6): its events, those of the lots it was made from
 * (through transformations, up to the transformation's time), and those of the cartons it was
 * packed into, turned into ordered steps. Trusted: callers check who may see the lot.
 */
export function createJourneyService(deps: Deps) {
  const { transactions, lots, epcis, registry } = deps;

  type ProductFacts = Awaited<ReturnType<TraceabilityRegistry['productFacts']>>;

  /** `facts` is one journey's memo: its lots mostly share a product, whose facts cost a registry read each. */
  async function follow(lot: LotRow, until: Date | null, depth: number, facts: Map<string, Promise<ProductFacts>>): Promise<Followed> {
    let pending = facts.get(lot.productId);
    if (!pending) {
      pending = registry.productFacts(lot.productId);
      facts.set(lot.productId, pending);
    }
    const product = await pending;
    const names = new Set([canonicalKey(lot.classUri)]);
    if (product) {
      // The lot's names before and after its product got a GTIN: events under either belong to it.
      const uris = lotClassUris(
        product.gtin14 === null ? { code: product.code } : { code: product.code, gtin: product.gtin14 },
        lot.lotCode,
      );
      for (const uri of [uris.primary, ...uris.aliases]) names.add(canonicalKey(uri));
    }
    return { lot, productName: product?.nameVi ?? '', keys: [...names], until, depth };
  }

  async function journeyOfLot(lotId: string): Promise<LotJourney> {
    return transactions.run(async () => {
      const root = await lots.findById(lotId);
      if (!root) throw new DomainError('not_found', 'lot.not_found', 'No such lot.');
      const facts = new Map<string, Promise<ProductFacts>>();
      const rootItem = await follow(root, null, 0, facts);
      const queue: Followed[] = [rootItem];
      const seenLots = new Set([root.id]);
      const steps = new Map<string, { row: EpcisEventRow; lot: Followed; fromLots: string[] }>();
      const cartons = new Set<string>();

      while (queue.length > 0) {
        const item = queue.shift() as Followed;
        const rows = await epcis.eventsNamingKeys(item.keys, ANY_EPC_CLASS_ROLES, MAX_EVENTS_PER_LOT);
        for (const row of rows) {
          if (item.until !== null && row.eventTime > item.until) continue;
          const event = row.event as JsonObject;
          const fromLots: string[] = [];
          if (row.eventType === 'AggregationEvent' && item.depth === 0 && typeof event.parentID === 'string') {
            if (cartons.size < MAX_JOURNEY_CARTONS) cartons.add(canonicalKey(event.parentID));
          }
          if (row.eventType === 'TransformationEvent' && classesIn(event, 'outputQuantityList').some((key) => item.keys.includes(key))) {
            const inputs = await lots.findByClassUris(classesIn(event, 'inputQuantityList'));
            for (const input of inputs) {
              fromLots.push(input.lotCode);
              if (seenLots.has(input.id) || seenLots.size >= MAX_JOURNEY_LOTS || item.depth + 1 > MAX_JOURNEY_DEPTH) continue;
              seenLots.add(input.id);
              queue.push(await follow(input, row.eventTime, item.depth + 1, facts));
            }
          }
          if (!steps.has(row.eventId)) steps.set(row.eventId, { row, lot: item, fromLots });
        }
      }
      // What happened to the cartons after packing: shipping, receiving at the sales point.
      for (const row of await epcis.eventsNamingKeys([...cartons], ANY_EPC_ROLES, MAX_EVENTS_PER_LOT)) {
        if (!steps.has(row.eventId)) steps.set(row.eventId, { row, lot: rootItem, fromLots: [] });
      }

      const places = await deps.placeNames(
        [...steps.values()].flatMap(({ row }) => [row.readPoint, row.bizLocation].filter((uri): uri is string => uri !== null)),
      );
      const ordered: JourneyStep[] = [...steps.values()].map(({ row, lot, fromLots }) => {
        const kind = journeyStepKind({ type: row.eventType, bizStep: row.bizStep });
        const label = journeyStepLabel(kind, row.bizStep);
        const event = row.event as JsonObject;
        const destination = event['ocop:destinationName'];
        return {
          eventId: row.eventId,
          kind,
          bizStep: row.bizStep,
          labelVi: label.vi,
          labelEn: label.en,
          eventTime: typeof event.eventTime === 'string' ? event.eventTime : row.eventTime.toISOString(),
          lotCode: lot.lot.lotCode,
          productName: lot.productName,
          placeName: (row.readPoint && places.get(row.readPoint)) || (row.bizLocation && places.get(row.bizLocation)) || null,
          destinationName: typeof destination === 'string' ? destination : null,
          fromLots,
        };
      });
      ordered.sort(compareJourneySteps);
      return { lotId: root.id, lotCode: root.lotCode, classUri: root.classUri, steps: ordered };
    });
  }

  return { journeyOfLot };
}

export type JourneyService = ReturnType<typeof createJourneyService>;
