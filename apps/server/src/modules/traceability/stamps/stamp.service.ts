import { type CapabilityTarget, can, DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import { formatStampSerial, parseStampSerial, STAMP_LIMITS } from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { JobQueue } from '../../../platform/jobs/job-queue';
import type { AuditContext, AuditService } from '../../identity';
import type { LotRepository } from '../lots/lot.repository';
import type { TraceabilityRegistry } from '../traceability-ports';
import { STAMP_ISSUE_QUEUE } from './stamp-issuing';
import type { ListedStamp, StampRepository } from './stamp.repository';
import type { StampOrderRow, StampRow } from './stamp.tables';

export type StampActor = { userId: string; grants: readonly RoleGrant[] };

/** An order as the screens see it: `failed` when its issuing job gave up (its stamps stay invisible). */
export type StampOrderState = 'issuing' | 'issued' | 'failed';
export type StampOrderWithState = StampOrderRow & { shownState: StampOrderState };

// Issuing resumes where it stopped, so a retry always makes progress: give it many.
const ISSUE_ATTEMPTS = 10;

export const placeOf = (row: { provinceCode: string; communeCode: string; producerId: string }): CapabilityTarget => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
  producerId: row.producerId,
});

export const orderNotFound = () => new DomainError('not_found', 'stamp_order.not_found', 'No such stamp order.');
const productNotFound = () => new DomainError('not_found', 'product.not_found', 'No such product.', { field: 'productId' });

/**
 * Stamp orders: a producer's members order stamps for their own products, the province's staff for
 * the province's producers; everyone else gets 404. Ordering writes the order and queues its
 * issuing job in one transaction (the job row is the outbox), so an order always has its job.
 */
export function createStampService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: StampRepository;
  lots: LotRepository;
  registry: TraceabilityRegistry;
  jobs: JobQueue;
}) {
  const { transactions, clock, audit, repository, lots, registry, jobs } = deps;

  async function withState(rows: StampOrderRow[]): Promise<StampOrderWithState[]> {
    const issuing = rows.filter((row) => row.state === 'issuing').map((row) => row.id);
    const jobRows = await jobs.getMany(issuing);
    return rows.map((row) => ({
      ...row,
      shownState: row.state === 'issued' ? 'issued' : jobRows.get(row.id)?.status === 'failed' ? 'failed' : 'issuing',
    }));
  }

  /** The order, if the actor's `stamps.order` reaches it; 404 otherwise. */
  async function readable(actor: StampActor, orderId: string): Promise<StampOrderRow> {
    const row = await repository.findOrder(orderId);
    if (!row || !can(actor.grants, 'stamps.order', placeOf(row))) throw orderNotFound();
    return row;
  }

  return {
    readable,

    orderStamps: (
      actor: StampActor,
      input: { productId: string; lotId?: string | null | undefined; quantity: number },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const product = await registry.productFacts(input.productId);
        if (!product || !can(actor.grants, 'stamps.order', placeOf(product))) throw productNotFound();
        if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > STAMP_LIMITS.orderMax)
          throw new DomainError('invalid', 'stamp_order.quantity_invalid', 'The number of stamps is out of bounds.', {
            field: 'quantity',
            quantity: input.quantity,
            min: 1,
            max: STAMP_LIMITS.orderMax,
          });
        let lot: { id: string; lotCode: string } | null = null;
        if (input.lotId) {
          const found = await lots.findById(input.lotId);
          if (!found || found.productId !== product.id)
            throw new DomainError('invalid', 'stamp_order.lot_not_of_product', 'The lot is not of this product.', { field: 'lotId' });
          lot = found;
        }
        const row = await repository.insertOrder({
          productId: product.id,
          producerId: product.producerId,
          provinceCode: product.provinceCode,
          communeCode: product.communeCode,
          lotId: lot?.id ?? null,
          lotCode: lot?.lotCode ?? null,
          gtin14: product.gtin14,
          quantity: input.quantity,
          state: 'issuing',
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await jobs.enqueue(STAMP_ISSUE_QUEUE, { orderId: row.id }, { id: row.id, maxAttempts: ISSUE_ATTEMPTS });
        await audit.record(context, {
          action: 'stamp_order.created',
          entityType: 'stamp_order',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: { productId: row.productId, lotId: row.lotId, quantity: row.quantity, gtin14: row.gtin14 },
        });
        return { ...row, shownState: 'issuing' as const };
      }),

    getOrder: (actor: StampActor, orderId: string) =>
      transactions.run(async () => {
        const [row] = await withState([await readable(actor, orderId)]);
        if (!row) throw orderNotFound();
        return row;
      }),

    listOrders: (
      actor: StampActor,
      query: { productId?: string | undefined; lotId?: string | undefined; page: number; pageSize: number },
    ) =>
      transactions.run(async () => {
        const page = await repository.listOrders(reachOf(actor.grants, 'stamps.order'), query);
        return { items: await withState(page.items), total: page.total };
      }),

    /**
     * One stamp of an order by its serial as scanned or typed: how the screens turn the first and
     * last stamp of a roll into a range. A serial of another order (or none) is not found.
     */
    findStamp: (actor: StampActor, orderId: string, text: string) =>
      transactions.run(async (): Promise<{ order: StampOrderRow; stamp: ListedStamp }> => {
        const order = await readable(actor, orderId);
        const parsed = parseStampSerial(text);
        if (!parsed.ok)
          throw new DomainError('invalid', 'stamp.serial_invalid', 'A serial is not valid.', {
            field: 'serial',
            position: 1,
            text,
            problem: parsed.problem,
          });
        const [stamp] = await repository.findBySerials([parsed.serial]);
        if (!stamp || stamp.orderId !== order.id || order.state !== 'issued')
          throw new DomainError('not_found', 'stamp.not_found', 'Some stamps were not found.', {
            count: 1,
            serials: formatStampSerial(parsed.serial),
          });
        return { order, stamp };
      }),

    /** A page of an issued order's stamps; an order still issuing shows none. */
    listStamps: (actor: StampActor, orderId: string, from: number, pageSize: number) =>
      transactions.run(async (): Promise<{ order: StampOrderRow; stamps: StampRow[] }> => {
        const order = await readable(actor, orderId);
        if (order.state !== 'issued') return { order, stamps: [] };
        return { order, stamps: await repository.listStamps(order.id, from, pageSize) };
      }),
  };
}

export type StampService = ReturnType<typeof createStampService>;
