import {
  type FakeReportListQuery,
  type FakeReportPage,
  fakeReportListQuery,
  SCAN_ANALYTICS_DEFAULT_DAYS,
  SCAN_ANALYTICS_MAX_DAYS,
  SCAN_ANALYTICS_TOP,
  type ScanAnalyticsQuery,
  type ScanAnalyticsView,
  scanAnalyticsQuery,
} from '@ocop/contracts/stamp-scans';
import { vietnamDate } from '@ocop/domain/registry';
import { DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import { formatStampSerial, isStoredStampSerial } from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { LotRepository } from '../lots/lot.repository';
import type { TraceabilityPublicFacts, TraceabilityRegistry } from '../traceability-ports';
import type { ScanRepository } from './scan.repository';

const DAY_MS = 86_400_000;
/** The UTC instant a Vietnam calendar day starts. */
const startOfVietnamDay = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00+07:00`));
const addDays = (isoDay: string, n: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export type ScanAnalyticsService = ReturnType<typeof createScanAnalyticsService>;

/** The back office's view of scans and fake reports, narrowed to what the reader's grants reach. */
export function createScanAnalyticsService(deps: {
  transactions: Transactions;
  clock: Clock;
  repository: ScanRepository;
  lots: LotRepository;
  registry: TraceabilityRegistry;
  publicFacts: TraceabilityPublicFacts;
}) {
  const { repository, registry } = deps;

  async function productNames(ids: readonly string[]) {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) names.set(id, (await registry.productFacts(id))?.nameVi ?? '');
    return names;
  }

  return {
    analytics: async (actor: { grants: readonly RoleGrant[] }, input: ScanAnalyticsQuery): Promise<ScanAnalyticsView> => {
      const query = scanAnalyticsQuery.parse(input);
      const to = query.to ?? vietnamDate(deps.clock.now());
      const from = query.from ?? addDays(to, -(SCAN_ANALYTICS_DEFAULT_DAYS - 1));
      const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
      if (days < 1 || days > SCAN_ANALYTICS_MAX_DAYS)
        throw new DomainError('invalid', 'scan_analytics.period_invalid', 'The period is not valid.', {
          from,
          to,
          maxDays: SCAN_ANALYTICS_MAX_DAYS,
        });
      const reach = reachOf(actor.grants, 'stamps.scans.read');
      const found = await repository.analytics(reach, {
        from: startOfVietnamDay(from),
        to: startOfVietnamDay(addDays(to, 1)),
        productId: query.productId,
        lotId: query.lotId,
        top: SCAN_ANALYTICS_TOP,
      });
      const lotIds = [
        ...new Set([...found.byLot.map((row) => row.lotId), ...found.suspicious.flatMap((row) => (row.lotId ? [row.lotId] : []))]),
      ];
      const lotCodes = new Map<string, string>();
      for (const id of lotIds) {
        const lot = await deps.lots.findById(id);
        if (lot) lotCodes.set(id, lot.lotCode);
      }
      const names = await productNames([
        ...found.byProduct.map((row) => row.productId),
        ...found.byLot.map((row) => row.productId),
        ...found.suspicious.map((row) => row.productId),
      ]);
      const communes = await deps.publicFacts.communeNames(found.byCommune.map((row) => row.communeCode));
      const perDay = new Map(found.byDay.map((row) => [row.day, row.scans]));
      return {
        from,
        to,
        totals: found.totals,
        byDay: Array.from({ length: days }, (_, i) => {
          const day = addDays(from, i);
          return { day, scans: perDay.get(day) ?? 0 };
        }),
        byProduct: found.byProduct.map((row) => ({ ...row, productName: names.get(row.productId) ?? '' })),
        byLot: found.byLot.map((row) => ({
          lotId: row.lotId,
          lotCode: lotCodes.get(row.lotId) ?? '',
          productName: names.get(row.productId) ?? '',
          scans: row.scans,
        })),
        byCommune: found.byCommune.map((row) => ({ ...row, communeName: communes.get(row.communeCode) ?? row.communeCode })),
        byAgent: found.byAgent,
        suspicious: found.suspicious.map((row) => ({
          serial: formatStampSerial(row.serial),
          productName: names.get(row.productId) ?? '',
          lotCode: row.lotId ? (lotCodes.get(row.lotId) ?? null) : null,
          scans: row.scans,
          reason: row.reason ?? 'too_many_scans',
          markedAt: (row.markedAt ?? new Date(0)).toISOString(),
        })),
      };
    },

    fakeReports: async (actor: { grants: readonly RoleGrant[] }, input: FakeReportListQuery): Promise<FakeReportPage> => {
      const query = fakeReportListQuery.parse(input);
      const reach = reachOf(actor.grants, 'stamps.scans.read');
      const { items, total } = await repository.listReports(reach, {
        productId: query.productId,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const names = await productNames(items.flatMap((row) => (row.productId ? [row.productId] : [])));
      const lotCodes = new Map<string, string>();
      for (const id of new Set(items.flatMap((row) => (row.lotId ? [row.lotId] : [])))) {
        const lot = await deps.lots.findById(id);
        if (lot) lotCodes.set(id, lot.lotCode);
      }
      return {
        items: items.map((row) => ({
          id: row.id,
          serial: row.known && isStoredStampSerial(row.serial) ? formatStampSerial(row.serial) : row.serial,
          productName: row.productId ? (names.get(row.productId) ?? '') : '',
          lotCode: row.lotId ? (lotCodes.get(row.lotId) ?? null) : null,
          reportedAt: row.reportedAt.toISOString(),
          message: row.message,
          contact: row.contact,
          place: row.place,
          agentClass: row.agentClass,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
