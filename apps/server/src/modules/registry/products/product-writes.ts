import { assertMayOnProducer, assertProductStatusChange, productSearchText } from '@ocop/domain/registry';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { EventPublisher } from '../../../platform/domain-events';
import type { AuditContext, AuditService } from '../../identity';
import type { ClassificationService } from '../classification/classification.service';
import { placeOfProducer } from '../producers/producer-place';
import type { ProducerRow } from '../producers/producer.tables';
import type { RegistryEvents } from '../shared/registry-events';
import { isUniqueViolation, type RegistryActor, type WriteOptions } from '../shared/registry-support';
import {
  codeTaken,
  type CreateProductInput,
  createdAuditAfter,
  gtinTaken,
  visibleCode,
  newProductRow,
  plannedUpdate,
  type ProductStatusInput,
  staleVersion,
  type UpdateProductInput,
} from './product-fields';
import type { NewProductPlanning } from './product-planning';
import type { ProductRepository } from './product.repository';
import type { ProductInsert, ProductRow } from './product.tables';

/** The use cases that change one product: create, edit, change status. Each runs inside the caller's ambient transaction. */
export function createProductWrites(deps: {
  products: ProductRepository;
  planning: NewProductPlanning;
  clock: Clock;
  audit: AuditService;
  classification: ClassificationService;
  events: EventPublisher<RegistryEvents>;
}) {
  const { products: repository, planning, clock, audit, classification, events } = deps;

  async function loadProduct(productId: string): Promise<ProductRow> {
    const row = await repository.findPublishedForUpdate(productId);
    if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
    return row;
  }

  async function loadProducer(producerId: string): Promise<ProducerRow> {
    const row = await repository.findProducer(producerId);
    if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.', { field: 'producerId' });
    return row;
  }

  /** The product's loaded row and producer, once the actor is known to may change it at this version. */
  async function loadForChange(actor: RegistryActor, productId: string, version: number) {
    const before = await loadProduct(productId);
    const producer = await loadProducer(before.producerId);
    assertMayOnProducer(actor.grants, 'products.write', placeOfProducer(producer));
    if (before.version !== version) throw staleVersion(before.version);
    return { before, producer };
  }

  async function saveGtins(productId: string, gtins: string[]) {
    await repository.deleteGtinsOf(productId);
    if (gtins.length === 0) return;
    try {
      await repository.insertGtins(gtins.map((gtin, position) => ({ gtin, productId, position, createdAt: clock.now() })));
    } catch (error) {
      if (isUniqueViolation(error)) throw gtinTaken(gtins.join(', '), '');
      throw error;
    }
  }

  async function saveVersioned(before: ProductRow, expectedVersion: number, patch: Partial<ProductInsert>) {
    const after = await repository.saveVersioned(before.id, expectedVersion, { ...patch, updatedAt: clock.now() });
    if (!after) throw staleVersion(before.version);
    return after;
  }

  async function createProduct(actor: RegistryActor, input: CreateProductInput, context: AuditContext, options: WriteOptions) {
    const planner = await planning.prepare(actor, [input]);
    const plan = await planner.plan(actor.grants, input);
    let row: ProductRow | undefined;
    try {
      row = await repository.insert(newProductRow(plan, { now: clock.now(), isDemo: options.isDemo ?? false }));
    } catch (error) {
      if (isUniqueViolation(error, 'products_code_key')) throw codeTaken(plan.code);
      throw error;
    }
    if (!row) throw new Error('insert returned no row');
    await saveGtins(row.id, plan.gtins);
    if (!options.skipAudit) {
      await audit.record(context, {
        action: 'product.created',
        entityType: 'product',
        entityId: row.id,
        provinceCode: row.provinceCode,
        after: createdAuditAfter(row, plan.gtins),
      });
    }
    return row;
  }

  async function updateProduct(
    actor: RegistryActor,
    productId: string,
    input: UpdateProductInput,
    context: AuditContext,
    options: WriteOptions,
  ) {
    const { before, producer } = await loadForChange(actor, productId, input.version);
    if (input.productSetId !== undefined && input.productSetId !== before.productSetId)
      await classification.assertCurrentSet(input.productSetId);
    if (input.legacyProductSetId && input.legacyProductSetId !== before.legacyProductSetId)
      await classification.assertLegacySet(input.legacyProductSetId);
    const beforeGtins = (await repository.gtinsOf([before.id])).get(before.id) ?? [];
    const { next, gtins, gtinsChanged, diff } = plannedUpdate(before, beforeGtins, input);
    if (gtinsChanged && gtins.length > 0) {
      const [owner] = await repository.listGtinOwners(gtins, before.id);
      if (owner) throw gtinTaken(owner.gtin, visibleCode(actor, owner));
    }
    if (diff.changed.length === 0 && !gtinsChanged) return before;
    const patch: Partial<ProductInsert> = Object.fromEntries(diff.changed.map((key) => [key, next[key as keyof ProductRow]]));
    patch.nameFolded = foldVietnamese(next.nameVi);
    patch.searchFolded = productSearchText(next, producer);
    const after = await saveVersioned(before, input.version, patch);
    if (gtinsChanged) await saveGtins(after.id, gtins);
    if (!options.skipAudit) {
      await audit.record(context, {
        action: 'product.updated',
        entityType: 'product',
        entityId: after.id,
        provinceCode: after.provinceCode,
        before: { ...diff.before, ...(gtinsChanged ? { gtins: beforeGtins } : {}), version: before.version },
        after: { ...diff.after, ...(gtinsChanged ? { gtins } : {}), version: after.version },
      });
    }
    await events.publish({
      name: 'registry.product_updated',
      payload: {
        productId: after.id,
        producerId: after.producerId,
        provinceCode: after.provinceCode,
        fields: [...diff.changed, ...(gtinsChanged ? ['gtins'] : [])],
      },
    });
    return after;
  }

  async function changeStatus(
    actor: RegistryActor,
    productId: string,
    input: ProductStatusInput,
    context: AuditContext,
    options: WriteOptions,
  ) {
    const { before, producer } = await loadForChange(actor, productId, input.version);
    assertProductStatusChange(before.status, input.status);
    if (input.status === 'on_sale' && producer.status === 'dissolved')
      throw new DomainError('conflict', 'producer.dissolved', 'The producer is dissolved.');
    const after = await saveVersioned(before, input.version, { status: input.status, statusChangedAt: clock.now() });
    if (!options.skipAudit) {
      await audit.record(context, {
        action: 'product.status_changed',
        entityType: 'product',
        entityId: after.id,
        provinceCode: after.provinceCode,
        before: { status: before.status, version: before.version },
        after: { status: after.status, version: after.version },
      });
    }
    await events.publish({
      name: 'registry.product_status_changed',
      payload: {
        productId: after.id,
        producerId: after.producerId,
        provinceCode: after.provinceCode,
        from: before.status,
        to: after.status,
      },
    });
    return after;
  }

  return { createProduct, updateProduct, changeStatus };
}
