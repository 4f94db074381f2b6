import { can, DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import {
  checkPortalPeriod,
  PORTAL_SCHEMA_VERSION,
  type PortalFileName,
  type PortalManifest,
  toPortalLot,
  toPortalOrganisation,
  toPortalProduct,
} from '@ocop/domain/traceability';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import { createZipFileWriter, type ZipFileWriter } from '../../../platform/files/zip-file-writer';
import type { AuditContext, AuditService } from '../../identity';
import type { PortalProductFacts, TraceabilityCertificates, TraceabilityRegistry } from '../traceability-ports';
import { createEventPages, type PortalCollected, productIndexOf } from './portal-events';
import type { PortalExportRepository, PortalLotRow, PortalScope } from './national-portal.repository';

/** The bounds of one export; the defaults hold a year of a busy province in a few hundred megabytes. */
export type PortalExportLimits = { maxEvents: number; maxLots: number; pageSize: number };
export const PORTAL_EXPORT_LIMITS: PortalExportLimits = { maxEvents: 200_000, maxLots: 200_000, pageSize: 1_000 };

export type PortalExportActor = { userId: string; grants: readonly RoleGrant[] };
export type PortalExportQuery = { from: string; to: string; producerId?: string | undefined; provinceCode?: string | undefined };

/** A finished export on disk; the caller sends it and then discards it. */
export type PortalExport = { path: string; fileName: string; bytes: number; manifest: PortalManifest; discard: () => Promise<void> };

const VIETNAM_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

function scopeOf(provinceCode: string, producerId: string | null, from: string, to: string): PortalScope {
  const start = new Date(`${from}T00:00:00+07:00`);
  return { provinceCode, producerId, from, to, start, end: new Date(Date.parse(`${to}T00:00:00+07:00`) + DAY_MS) };
}

/** The province the export is for: the one asked, or the actor's only one; refused outside the actor's reach. */
function provinceFor(actor: PortalExportActor, asked: string | undefined): string {
  const reach = reachOf(actor.grants, 'traceability.export');
  const province = asked ?? (reach !== 'all' && reach.provinceCodes.length === 1 ? reach.provinceCodes[0] : undefined);
  if (!province)
    throw new DomainError('invalid', 'portal_export.province_required', 'Name the province to export.', { field: 'provinceCode' });
  if (!can(actor.grants, 'traceability.export', { provinceCode: province }))
    throw new DomainError('forbidden', 'province.outside_scope', 'Outside your province.', { provinceCode: province });
  return province;
}

async function writeRecordsFile(zip: ZipFileWriter, name: PortalFileName, pages: AsyncIterable<readonly unknown[]>) {
  const entry = zip.entry(name);
  await entry.write(`{"schemaVersion":"${PORTAL_SCHEMA_VERSION}","records":[`);
  let records = 0;
  for await (const page of pages) {
    if (page.length === 0) continue;
    await entry.write(page.map((record, index) => (records + index === 0 ? '\n' : ',\n') + JSON.stringify(record)).join(''));
    records += page.length;
  }
  await entry.write(records === 0 ? ']}\n' : '\n]}\n');
  const summary = await entry.end();
  return { name, records, bytes: summary.bytes, sha256: summary.sha256 };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The export to the national traceability portal (issue 13 item 7): a ZIP of organisations,
 * products, lots and events of one province and period in the portal's shapes
 * (`@ocop/domain/traceability` national-portal.ts), with a manifest of counts and checksums.
 * Events are those of the period; lots those produced in it plus those its events name;
 * products and organisations those the lots and events name. It runs as one transaction, so
 * the files agree with each other, and writes page by page to a temporary file.
 */
export function createPortalExportService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  certificates: TraceabilityCertificates;
  repository: PortalExportRepository;
  limits?: PortalExportLimits;
  /** Where the archive is built before it is sent (the system's temporary folder by default). */
  tempDir?: string;
}) {
  const { transactions, clock, audit, registry, certificates, repository } = deps;
  const limits = deps.limits ?? PORTAL_EXPORT_LIMITS;

  const tooManyLots = () =>
    new DomainError('invalid', 'portal_export.too_many_lots', 'Too many lots for one export.', { max: limits.maxLots });

  async function* lotPages(scope: PortalScope, extraLotIds: ReadonlySet<string>): AsyncGenerator<PortalLotRow[]> {
    let after: { producedOn: string; classUri: string; id: string } | null = null;
    for (;;) {
      const rows = await repository.pagePeriodLots(scope, after, limits.pageSize);
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (!last || rows.length < limits.pageSize) break;
      after = { producedOn: last.producedOn, classUri: last.classUri, id: last.id };
    }
    // Lots the events name but produced outside the period (or by another producer): sorted ids, so the order is stable.
    for (const ids of chunks([...extraLotIds].sort(), limits.pageSize)) yield repository.listLotsByIds(scope.provinceCode, ids);
  }

  async function* mappedLots(rows: AsyncIterable<PortalLotRow[]>, products: Map<string, PortalProductFacts>, collected: PortalCollected) {
    for await (const page of rows) {
      yield page.map((lot) => {
        const product = products.get(lot.productId);
        if (!product) throw new Error(`lot ${lot.id} names a product the registry does not list in its province`);
        collected.productIds.add(product.id);
        return toPortalLot({
          ...lot,
          productCode: product.code,
          gtin: product.gtins[0] ?? null,
          quantity: lot.quantity,
        });
      });
    }
  }

  async function* mappedProducts(products: Map<string, PortalProductFacts>, collected: PortalCollected) {
    const wanted = [...collected.productIds]
      .map((id) => products.get(id))
      .filter((product): product is PortalProductFacts => product !== undefined)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const page of chunks(wanted, limits.pageSize)) {
      const marks = await certificates.marksOf(page.map((product) => product.id));
      yield page.map((product) => {
        collected.producerIds.add(product.producerId);
        return toPortalProduct({ ...product, mark: marks.get(product.id) ?? null });
      });
    }
  }

  async function* mappedOrganisations(provinceCode: string, collected: PortalCollected) {
    const found = await registry.producersByIds(provinceCode, [...collected.producerIds]);
    found.sort((a, b) => (a.registrationNumber < b.registrationNumber ? -1 : a.registrationNumber > b.registrationNumber ? 1 : 0));
    for (const page of chunks(found, limits.pageSize)) yield page.map(toPortalOrganisation);
  }

  async function writeArchive(path: string, scope: PortalScope, generatedAt: Date) {
    const periodLots = await repository.countPeriodLotsUpTo(scope, limits.maxLots);
    if (periodLots > limits.maxLots) throw tooManyLots();
    const products = await productIndexOf(registry, scope.provinceCode);
    const collected: PortalCollected = { productIds: new Set(), producerIds: new Set(), extraLotIds: new Set() };
    const zip = await createZipFileWriter(path, { modifiedAt: generatedAt, utcOffsetMinutes: VIETNAM_OFFSET_MINUTES });
    try {
      const checkLots = () => {
        if (periodLots + collected.extraLotIds.size > limits.maxLots) throw tooManyLots();
      };
      const eventPages = createEventPages({ repository, scope, products, collected, limits, checkLots });
      const events = await writeRecordsFile(zip, 'events.json', eventPages);
      const lots = await writeRecordsFile(zip, 'lots.json', mappedLots(lotPages(scope, collected.extraLotIds), products.byId, collected));
      const productsFile = await writeRecordsFile(zip, 'products.json', mappedProducts(products.byId, collected));
      const organisations = await writeRecordsFile(zip, 'organisations.json', mappedOrganisations(scope.provinceCode, collected));
      const manifest: PortalManifest = {
        schemaVersion: PORTAL_SCHEMA_VERSION,
        generator: 'ocop',
        provinceCode: scope.provinceCode,
        producerId: scope.producerId,
        period: { from: scope.from, to: scope.to, timeZone: 'Asia/Ho_Chi_Minh' },
        generatedAt: generatedAt.toISOString(),
        counts: { organisations: organisations.records, products: productsFile.records, lots: lots.records, events: events.records },
        files: [organisations, productsFile, lots, events],
      };
      const entry = zip.entry('manifest.json');
      await entry.write(`${JSON.stringify(manifest, null, 2)}\n`);
      await entry.end();
      await zip.close();
      return manifest;
    } catch (error) {
      await zip.abort();
      throw error;
    }
  }

  return {
    /** Builds the ZIP for a province's period (and producer); 422 beyond the bounds, with nothing left behind. */
    exportForPortal: async (actor: PortalExportActor, query: PortalExportQuery, context: AuditContext): Promise<PortalExport> => {
      checkPortalPeriod(query.from, query.to);
      const provinceCode = provinceFor(actor, query.provinceCode);
      const directory = await mkdtemp(join(deps.tempDir ?? tmpdir(), 'ocop-portal-'));
      const discard = () => rm(directory, { recursive: true, force: true });
      const path = join(directory, 'export.zip');
      try {
        const manifest = await transactions.run(async () => {
          const producerId = query.producerId ?? null;
          if (producerId && (await registry.producersByIds(provinceCode, [producerId])).length === 0)
            throw new DomainError('not_found', 'producer.not_found', 'No such producer in this province.', { field: 'producerId' });
          const scope = scopeOf(provinceCode, producerId, query.from, query.to);
          const events = await repository.countEventsUpTo(scope, limits.maxEvents);
          if (events > limits.maxEvents)
            throw new DomainError('invalid', 'portal_export.too_many_events', 'Too many events for one export.', { max: limits.maxEvents });
          const written = await writeArchive(path, scope, clock.now());
          await audit.record(context, {
            action: 'traceability.portal_exported',
            entityType: 'national_portal_export',
            entityId: null,
            provinceCode,
            after: { period: written.period, producerId, counts: written.counts, files: written.files },
          });
          return written;
        });
        const fileName = `truy-xuat-nguon-goc-${provinceCode}-${query.from}-${query.to}.zip`;
        return { path, fileName, bytes: (await stat(path)).size, manifest, discard };
      } catch (error) {
        await discard();
        throw error;
      }
    },
  };
}

export type PortalExportService = ReturnType<typeof createPortalExportService>;
