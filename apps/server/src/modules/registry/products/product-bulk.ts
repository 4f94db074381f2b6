import { DomainError } from '@ocop/domain/shared';
import { randomUUID } from 'node:crypto';
import type { Transactions } from '../../../platform/database/transaction';
import type { Clock } from '../../../platform/clock';
import type { AuditContext, AuditService } from '../../identity';
import { BulkItemError, isUniqueViolation, type RegistryActor, type WriteOptions, yieldToEventLoop } from '../shared/registry-support';
import { changedMeanwhile, codeTaken, type CreateProductInput, createdAuditAfter, gtinTaken, newProductRow } from './product-fields';
import type { NewProductPlanning } from './product-planning';
import { chunked, type ProductRepository, ROWS_PER_INSERT } from './product.repository';
import type { ProductInsert, ProductRow } from './product.tables';
import { STAGED_ROWS_PER_SLICE } from './product-staging';

type PlannedRow = { row: ProductInsert & { id: string }; gtins: string[] };
type BulkOptions = WriteOptions & { importId?: string };

/**
 * Adding many products at once with the same checks and results as `createProduct` once per item
 * in order (codes, slugs, GTINs, search text, audit entries), but with a handful of statements
 * per chunk of rows: everything planning needs is read once (product-planning.ts), every item is
 * planned in memory, and rows, GTINs and audit entries are written with multi-row inserts.
 */
export function createProductBulk(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  products: ProductRepository;
  planning: NewProductPlanning;
}) {
  const { transactions, clock, audit, products: repository, planning } = deps;

  /** Every item planned in order; the first that fails throws a BulkItemError naming it. */
  async function planAll(actor: RegistryActor, inputs: readonly CreateProductInput[], options: BulkOptions, now: Date) {
    const planner = await planning.prepare(actor, inputs);
    const planned: PlannedRow[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const plan = await planner.plan(actor.grants, input);
        const row = newProductRow(plan, { now, isDemo: options.isDemo ?? false, importId: options.importId ?? null, id: randomUUID() });
        planned.push({ row: row as ProductInsert & { id: string }, gtins: plan.gtins });
      } catch (error) {
        if (error instanceof DomainError) throw new BulkItemError(index, error);
        throw error;
      }
    }
    return planned;
  }

  /** One chunk's rows, GTINs and audit entries, in the ambient transaction; the rows in the order planned. */
  async function writeChunk(part: PlannedRow[], context: AuditContext, options: BulkOptions, now: Date): Promise<ProductRow[]> {
    let rows: ProductRow[];
    try {
      rows = await repository.insertMany(part.map((item) => item.row));
    } catch (error) {
      // Slugs and codes were chosen without holding locks when the rows are staged: a product
      // added meanwhile can take one.
      if (options.importId && isUniqueViolation(error)) throw changedMeanwhile();
      if (isUniqueViolation(error, 'products_code_key')) throw codeTaken('');
      throw error;
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const inOrder = part.map((item) => byId.get(item.row.id) as ProductRow);
    try {
      await repository.insertGtins(
        part.flatMap((item) => item.gtins.map((gtin, position) => ({ gtin, productId: item.row.id, position, createdAt: now }))),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw gtinTaken('', '');
      throw error;
    }
    if (!options.skipAudit && !options.importId) {
      await audit.recordMany(
        context,
        inOrder.map((row, i) => ({
          action: 'product.created',
          entityType: 'product',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: createdAuditAfter(row, part[i]?.gtins ?? []),
        })),
      );
    }
    return inOrder;
  }

  /**
   * Each chunk joins the caller's transaction, or is one short transaction of its own when an
   * import stages its rows under `options.importId` (invisible until it completes).
   */
  async function createProducts(
    actor: RegistryActor,
    inputs: readonly CreateProductInput[],
    context: AuditContext,
    options: BulkOptions,
    onChunk?: (rows: number) => Promise<void> | void,
  ): Promise<ProductRow[]> {
    if (inputs.length === 0) return [];
    const now = clock.now();
    const planned = await planAll(actor, inputs, options, now);
    const created: ProductRow[] = [];
    // Staged chunks are smaller: each is a transaction other requests wait for on PGlite.
    for (const part of chunked(planned, options.importId ? STAGED_ROWS_PER_SLICE : ROWS_PER_INSERT)) {
      created.push(...(await transactions.run(() => writeChunk(part, context, options, now))));
      await onChunk?.(part.length);
      await yieldToEventLoop();
    }
    return created;
  }

  return { createProducts };
}
