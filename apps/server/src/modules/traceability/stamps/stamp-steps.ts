import { can, DomainError } from '@ocop/domain/shared';
import {
  formatStampSerial,
  parseStampSerial,
  planStampBatch,
  STAMP_LIMITS,
  type StampAction,
  type StampRefusal,
  stampStep,
} from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { LotRepository } from '../lots/lot.repository';
import type { StampRepository } from './stamp.repository';
import { orderNotFound, placeOf, type StampActor } from './stamp.service';
import type { StampOrderRow } from './stamp.tables';

export type StampChange = { changed: number; unchanged: number };

const EXAMPLES = 5;

const refusal = (reason: StampRefusal, count: number, serials: readonly string[]) =>
  reason === 'void'
    ? new DomainError('conflict', 'stamp.void_cannot_activate', 'Void stamps cannot be activated.', {
        count,
        serials: serials.map(formatStampSerial).join(', '),
      })
    : new DomainError('conflict', 'stamp.other_lot', 'Stamps are attached to another lot.', {
        count,
        serials: serials.map(formatStampSerial).join(', '),
      });

/** A voiding's reason goes into the audit entry's `after`, where whoever reviews the order reads it. */
const reasonOf = (input: { reason?: string | undefined }) => (input.reason ? { reason: input.reason } : {});

const forbidden = () => new DomainError('forbidden', 'auth.forbidden', 'You may not activate or void these stamps.');

/**
 * Activation at packing and voiding, by a range of an order's sequence numbers or by a list of
 * serials. Each call is one transaction and all-or-nothing: a stamp out of reach, unknown, void
 * (for activation) or of another lot refuses the whole call and nothing changes. Orders are locked
 * while their stamps change, so the counts on the order stay exact under concurrent calls.
 */
export function createStampSteps(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: StampRepository;
  lots: LotRepository;
}) {
  const { transactions, clock, audit, repository, lots } = deps;

  /** The lot to attach, which must be one of the order's product (and the order's own lot, if it has one). */
  async function lotFor(orders: readonly StampOrderRow[], lotId: string | null | undefined): Promise<string | null> {
    if (!lotId) return null;
    const lot = await lots.findById(lotId);
    if (!lot || orders.some((order) => order.productId !== lot.productId))
      throw new DomainError('invalid', 'stamp_order.lot_not_of_product', 'The lot is not of this order’s product.', { field: 'lotId' });
    return lot.id;
  }

  function assertSteppable(actor: StampActor, order: StampOrderRow) {
    if (!can(actor.grants, 'stamps.activate', placeOf(order))) throw forbidden();
    if (order.state !== 'issued')
      throw new DomainError('conflict', 'stamp_order.not_issued', 'The order is still being issued.', {
        issuedCount: order.issuedCount,
        quantity: order.quantity,
      });
  }

  async function record(
    context: AuditContext,
    order: StampOrderRow,
    action: StampAction,
    what: Record<string, unknown>,
    change: StampChange,
  ) {
    await audit.record(context, {
      action: action === 'activate' ? 'stamps.activated' : 'stamps.voided',
      entityType: 'stamp_order',
      entityId: order.id,
      provinceCode: order.provinceCode,
      after: { ...what, ...change },
    });
  }

  const stepRange = (
    actor: StampActor,
    orderId: string,
    action: StampAction,
    input: { from: number; to: number; lotId?: string | null | undefined; reason?: string | undefined },
    context: AuditContext,
  ) =>
    transactions.run(async (): Promise<StampChange> => {
      const order = await repository.findOrderForUpdate(orderId);
      if (!order || !can(actor.grants, 'stamps.order', placeOf(order))) throw orderNotFound();
      assertSteppable(actor, order);
      const { from, to } = input;
      if (from < 1 || to < from || to > order.quantity || to - from + 1 > STAMP_LIMITS.rangeMax)
        throw new DomainError('invalid', 'stamp.range_invalid', 'The range is not valid.', {
          from,
          to,
          quantity: order.quantity,
          max: STAMP_LIMITS.rangeMax,
        });
      const lotId = action === 'activate' ? await lotFor([order], input.lotId) : null;
      // The rules run once per kind of stamp in the range (state and lot), not once per stamp.
      const groups = await repository.groupRange(order.id, from, to);
      const change: StampChange = { changed: 0, unchanged: 0 };
      let activatedDelta = 0;
      for (const group of groups) {
        const step = stampStep(group, action, lotId);
        if (step.kind === 'refused') {
          const refused = groups.filter((other) => stampStep(other, action, lotId).kind === 'refused');
          const total = refused.reduce((sum, other) => sum + other.count, 0);
          const samples = await repository.sampleRange(order.id, from, to, group.state, group.lotId, EXAMPLES);
          throw refusal(step.reason, total, samples);
        }
        if (step.kind === 'unchanged') change.unchanged += group.count;
        else {
          change.changed += group.count;
          if (action === 'activate' && group.state === 'issued') activatedDelta += group.count;
          if (action === 'void' && group.state === 'activated') activatedDelta -= group.count;
        }
      }
      const updated = await repository.stepRange(order.id, from, to, action, lotId, clock.now());
      if (updated !== change.changed) throw new Error(`range step changed ${updated} stamps, planned ${change.changed}`);
      await repository.addCounts(order.id, { activated: activatedDelta, void: action === 'void' ? change.changed : 0 });
      await record(context, order, action, { from, to, lotId, ...reasonOf(input) }, change);
      return change;
    });

  const stepList = (
    actor: StampActor,
    action: StampAction,
    input: { serials: readonly string[]; lotId?: string | null | undefined; reason?: string | undefined },
    context: AuditContext,
  ) =>
    transactions.run(async (): Promise<StampChange> => {
      if (input.serials.length > STAMP_LIMITS.listMax)
        throw new DomainError('invalid', 'stamp.too_many', 'Too many stamps at once.', {
          count: input.serials.length,
          max: STAMP_LIMITS.listMax,
        });
      const serials: string[] = [];
      for (const [index, text] of input.serials.entries()) {
        const parsed = parseStampSerial(text);
        if (!parsed.ok)
          throw new DomainError('invalid', 'stamp.serial_invalid', 'A serial is not valid.', {
            field: 'serials',
            position: index + 1,
            text,
            problem: parsed.problem,
          });
        serials.push(parsed.serial);
      }
      const unique = [...new Set(serials)];
      // Lock the orders, then read their stamps again (as the range step does: order first), so
      // what the plan sees is what the update changes and two calls never wait on each other in a circle.
      const owners = new Set((await repository.findBySerials(unique)).map((stamp) => stamp.orderId));
      const orders = new Map((await repository.lockOrders([...owners])).map((order) => [order.id, order]));
      const found = await repository.findBySerials(unique);
      // Another producer's stamps, and stamps of an order still issuing, are as unknown as made-up ones.
      const visible = found.filter((stamp) => {
        const order = orders.get(stamp.orderId);
        return order !== undefined && order.state === 'issued' && can(actor.grants, 'stamps.order', placeOf(order));
      });
      if (visible.length < unique.length) {
        const seen = new Set(visible.map((stamp) => stamp.serial));
        const missing = unique.filter((serial) => !seen.has(serial));
        throw new DomainError('not_found', 'stamp.not_found', 'Some stamps were not found.', {
          count: missing.length,
          serials: missing.slice(0, EXAMPLES).map(formatStampSerial).join(', '),
        });
      }
      const touched = [...new Set(visible.map((stamp) => stamp.orderId))].map((id) => orders.get(id) as StampOrderRow);
      for (const order of touched) if (!can(actor.grants, 'stamps.activate', placeOf(order))) throw forbidden();
      const lotId = action === 'activate' ? await lotFor(touched, input.lotId) : null;
      const plan = planStampBatch(visible, action, lotId);
      const first = plan.refused[0];
      if (first) {
        const refused = visible.filter((stamp) => stampStep(stamp, action, lotId).kind === 'refused');
        throw refusal(
          first.reason,
          refused.length,
          refused.slice(0, EXAMPLES).map((stamp) => stamp.serial),
        );
      }
      const updated = await repository.stepSerials(unique, action, lotId, clock.now());
      if (updated !== plan.changed) throw new Error(`list step changed ${updated} stamps, planned ${plan.changed}`);
      for (const order of touched) {
        const mine = visible.filter((stamp) => stamp.orderId === order.id);
        const changing = mine.filter((stamp) => stampStep(stamp, action, lotId).kind === 'change');
        const activated =
          action === 'activate'
            ? changing.filter((stamp) => stamp.state === 'issued').length
            : -changing.filter((stamp) => stamp.state === 'activated').length;
        await repository.addCounts(order.id, { activated, void: action === 'void' ? changing.length : 0 });
        const change = { changed: changing.length, unchanged: mine.length - changing.length };
        await record(context, order, action, { serials: mine.length, lotId, ...reasonOf(input) }, change);
      }
      return { changed: plan.changed, unchanged: plan.unchanged + (serials.length - unique.length) };
    });

  return {
    activateRange: (
      actor: StampActor,
      orderId: string,
      input: { from: number; to: number; lotId?: string | null | undefined },
      context: AuditContext,
    ) => stepRange(actor, orderId, 'activate', input, context),
    voidRange: (
      actor: StampActor,
      orderId: string,
      input: { from: number; to: number; reason?: string | undefined },
      context: AuditContext,
    ) => stepRange(actor, orderId, 'void', input, context),
    activateList: (actor: StampActor, input: { serials: readonly string[]; lotId?: string | null | undefined }, context: AuditContext) =>
      stepList(actor, 'activate', input, context),
    voidList: (actor: StampActor, input: { serials: readonly string[]; reason?: string | undefined }, context: AuditContext) =>
      stepList(actor, 'void', input, context),
  };
}

export type StampSteps = ReturnType<typeof createStampSteps>;
