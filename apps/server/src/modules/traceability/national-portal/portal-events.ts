import { namedKeys, type PortalEvent, type PortalKeyResolution, readTraceKey, toPortalEvent } from '@ocop/domain/traceability';
import type { PortalProductFacts, TraceabilityRegistry } from '../traceability-ports';
import type { PortalExportRepository, PortalScope } from './national-portal.repository';

/** The province's products by id, OCOP code and GTIN: what an event's keys are resolved against. */
export type PortalProductIndex = {
  byId: Map<string, PortalProductFacts>;
  byCode: Map<string, string>;
  byGtin: Map<string, string>;
};

/** What the files written so far name, for the files written after them. */
export type PortalCollected = {
  productIds: Set<string>;
  producerIds: Set<string>;
  /** Lots the events name that the period's lots do not include (produced before it, or another producer's). */
  extraLotIds: Set<string>;
};

export async function productIndexOf(registry: TraceabilityRegistry, provinceCode: string): Promise<PortalProductIndex> {
  const index: PortalProductIndex = { byId: new Map(), byCode: new Map(), byGtin: new Map() };
  for await (const page of registry.productsOfProvince(provinceCode)) {
    for (const product of page) {
      index.byId.set(product.id, product);
      index.byCode.set(product.code, product.id);
      for (const gtin of product.gtins) index.byGtin.set(gtin, product.id);
    }
  }
  return index;
}

const pairKey = (productId: string, lotCode: string) => `${productId}\u0000${lotCode}`;

/**
 * The period's events in pages, mapped to the portal's shape. Each page's keys are read (province
 * URN or GS1 key), tied to the province's product by code or GTIN, and to its lot by product and
 * lot code in one query per page; a key of another province or system stays unresolved.
 */
export async function* createEventPages(input: {
  repository: PortalExportRepository;
  scope: PortalScope;
  products: PortalProductIndex;
  collected: PortalCollected;
  limits: { pageSize: number };
  /** Throws once the lots to export pass the bound, checked after each page so the set never grows past it. */
  checkLots: () => void;
}): AsyncGenerator<PortalEvent[]> {
  const { repository, scope, products, collected, limits } = input;
  let after: { eventTime: Date; id: number } | null = null;
  for (;;) {
    const rows = await repository.pageEvents(scope, after, limits.pageSize);
    const last = rows.at(-1);
    if (!last) return;
    after = { eventTime: last.eventTime, id: last.id };

    const keys = new Map<string, { productId: string | null; lotCode: string | null }>();
    for (const row of rows) {
      for (const { uri } of namedKeys(row.event as Record<string, unknown>)) {
        if (keys.has(uri)) continue;
        const read = readTraceKey(uri);
        const productId = (read.ocopCode && products.byCode.get(read.ocopCode)) || (read.gtin && products.byGtin.get(read.gtin)) || null;
        keys.set(uri, { productId, lotCode: read.lotCode });
      }
    }
    const pairs = new Map<string, { productId: string; lotCode: string }>();
    for (const key of keys.values())
      if (key.productId && key.lotCode) pairs.set(pairKey(key.productId, key.lotCode), { productId: key.productId, lotCode: key.lotCode });
    const lotIds = new Map<string, string>();
    for (const lot of await repository.findLotsByProductAndCode(scope.provinceCode, [...pairs.values()])) {
      lotIds.set(pairKey(lot.productId, lot.lotCode), lot.id);
      const inPeriod = lot.producedOn >= scope.from && lot.producedOn <= scope.to;
      if (!inPeriod || (scope.producerId !== null && lot.producerId !== scope.producerId)) collected.extraLotIds.add(lot.id);
    }
    input.checkLots();

    const resolve = (uri: string): PortalKeyResolution => {
      const key = keys.get(uri);
      const productId = key?.productId ?? null;
      const lotId = productId && key?.lotCode ? (lotIds.get(pairKey(productId, key.lotCode)) ?? null) : null;
      return { productId, lotId };
    };
    yield rows.map((row) => {
      const event = toPortalEvent({
        event: row.event as Record<string, unknown>,
        eventId: row.eventId,
        eventTime: row.eventTime,
        eventType: row.eventType,
        recordTime: row.recordTime,
        producerId: row.producerId,
        resolve,
      });
      if (row.producerId) collected.producerIds.add(row.producerId);
      for (const item of event.items) if (item.productId) collected.productIds.add(item.productId);
      return event;
    });
    if (rows.length < limits.pageSize) return;
  }
}
