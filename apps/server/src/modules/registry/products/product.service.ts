import type { Transactions } from '../../../platform/database/transaction';
import { assertCanReadProducer, type ProductStatus } from '@ocop/domain/registry';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { EventPublisher } from '../../../platform/domain-events';
import type { AuditContext, AuditService } from '../../identity';
import type { ClassificationService } from '../classification/classification.service';
import { placeOfProducer } from '../producers/producer-place';
import type { RegistryEvents } from '../shared/registry-events';
import { type RegistryActor, searchTerms, searchWithTrigramIndex, type WriteOptions, yieldToEventLoop } from '../shared/registry-support';
import { createProductBulk } from './product-bulk';
import {
  AUDITED,
  type CreateProductInput,
  type PrimaryImageLookup,
  type ProductDetail,
  type ProductFields,
  type ProductFilters,
  type ProductListItem,
  plannedUpdate,
  type ProductStatusInput,
  type UpdateProductInput,
} from './product-fields';
import { createNewProductPlanning } from './product-planning';
import { chunked, createProductRepository, type JoinedProduct, ROWS_PER_READ } from './product.repository';
import { createProductStaging } from './product-staging';
import { createProductWrites } from './product-writes';

export type ProductService = ReturnType<typeof createProductService>;
export type {
  CreateProductInput,
  PrimaryImageLookup,
  ProductDetail,
  ProductFields,
  ProductFilters,
  ProductListItem,
  ProductProducer,
  ProductSetBrief,
  ProductStatusInput,
  UpdateProductInput,
} from './product-fields';

/** Products: reads here, single writes in product-writes.ts, bulk adds in product-bulk.ts; each public write is one ambient transaction. */
export function createProductService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  classification: ClassificationService;
  /** Where the primary picture of each product is (owned by the documents part); for `primaryImageUrl`. */
  primaryImages: PrimaryImageLookup;
  events: EventPublisher<RegistryEvents>;
}) {
  const { transactions, clock, audit, classification, primaryImages, events } = deps;
  const repository = createProductRepository({ transactions });
  const staging = createProductStaging({ transactions, audit, audited: AUDITED });
  const planning = createNewProductPlanning({ products: repository, classification, clock });
  const writes = createProductWrites({ products: repository, planning, clock, audit, classification, events });
  const { createProducts } = createProductBulk({ transactions, clock, audit, products: repository, planning });

  async function withImages(rows: readonly JoinedProduct[]): Promise<ProductListItem[]> {
    const images = rows.length > 0 ? await primaryImages(rows.map((row) => row.product.id)) : new Map<string, string>();
    return rows.map((row) => ({
      ...row.product,
      producer: row.producer,
      productSet: row.productSet,
      primaryImageUrl: images.get(row.product.id) ?? null,
    }));
  }

  async function details(items: ProductListItem[]): Promise<ProductDetail[]> {
    const ids = items.map((item) => item.id);
    const legacyIds = items.map((item) => item.legacyProductSetId).filter((id): id is string => id !== null);
    const [gtins, legacySets] = await Promise.all([repository.gtinsOf(ids), classification.setsByIds(legacyIds)]);
    return items.map((item) => {
      const legacy = item.legacyProductSetId ? legacySets.get(item.legacyProductSetId) : undefined;
      return {
        ...item,
        gtins: gtins.get(item.id) ?? [],
        legacyProductSet: legacy
          ? {
              id: legacy.id,
              versionCode: legacy.versionCode,
              code: legacy.code,
              name: legacy.name,
              groupCode: legacy.groupCode,
              groupName: legacy.groupName,
            }
          : null,
      };
    });
  }

  /**
   * Of these intended updates (as `updateProduct` and, when `status` is given, a status change would
   * take them), the ids of the products they would leave exactly as they are, read in bulk; the rest
   * (changes, and anything that would fail) are for the per-record path.
   */
  async function unchangedBy(
    actor: RegistryActor,
    items: readonly { productId: string; input: Partial<ProductFields>; status?: ProductStatus | undefined }[],
  ): Promise<Set<string>> {
    const unchanged = new Set<string>();
    for (const part of chunked([...items], ROWS_PER_READ)) {
      const ids = part.map((item) => item.productId);
      const byId = new Map((await repository.listWithPlaces(ids)).map((row) => [row.product.id, row]));
      const gtins = await repository.gtinsOf(ids);
      for (const item of part) {
        const stored = byId.get(item.productId);
        if (!stored || !can(actor.grants, 'products.write', placeOfProducer(stored.producer))) continue;
        if (item.status !== undefined && item.status !== stored.product.status) continue;
        try {
          const { gtinsChanged, diff } = plannedUpdate(stored.product, gtins.get(item.productId) ?? [], item.input);
          if (diff.changed.length === 0 && !gtinsChanged) unchanged.add(item.productId);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      await yieldToEventLoop();
    }
    return unchanged;
  }

  return {
    createProduct: (actor: RegistryActor, input: CreateProductInput, context: AuditContext, options: WriteOptions = {}) =>
      transactions.run(() => writes.createProduct(actor, input, context, options)),

    /** Many products at once, in the caller's transaction (`options.executor`), as `createProduct` each in turn would. */
    createProducts: (
      actor: RegistryActor,
      inputs: readonly CreateProductInput[],
      context: AuditContext,
      options: WriteOptions = {},
      onChunk?: (rows: number) => Promise<void> | void,
    ) => transactions.run(() => createProducts(actor, inputs, context, options, onChunk)),

    /**
     * The same checks and results as `createProducts`, but the rows are written under the import
     * `importId` in one short transaction per chunk and stay invisible until that import completes;
     * their audit entries are written by `staging.recordCreated` once it has.
     */
    stageProducts: (
      actor: RegistryActor,
      inputs: readonly CreateProductInput[],
      context: AuditContext,
      importId: string,
      onChunk?: (rows: number) => Promise<void> | void,
    ) => createProducts(actor, inputs, context, { importId }, onChunk),

    /** Removal and auditing of the rows an import staged. */
    staging,

    /** The products these updates would not change (see unchangedBy); reads only. */
    unchangedBy: (
      actor: RegistryActor,
      items: readonly { productId: string; input: Partial<ProductFields>; status?: ProductStatus | undefined }[],
    ) => unchangedBy(actor, items),

    updateProduct: (
      actor: RegistryActor,
      productId: string,
      input: UpdateProductInput,
      context: AuditContext,
      options: WriteOptions = {},
    ) => transactions.run(() => writes.updateProduct(actor, productId, input, context, options)),

    changeProductStatus: (
      actor: RegistryActor,
      productId: string,
      input: ProductStatusInput,
      context: AuditContext,
      options: WriteOptions = {},
    ) => transactions.run(() => writes.changeStatus(actor, productId, input, context, options)),

    /** One product the actor may read (otherwise "not found"), with its producer, sets and GTINs. */
    getProduct: async (actor: RegistryActor, productId: string): Promise<ProductDetail> => {
      const rows = await repository.findJoined(productId);
      const row = rows[0];
      if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
      try {
        assertCanReadProducer(actor.grants, placeOfProducer(row.producer));
      } catch {
        throw new DomainError('not_found', 'product.not_found', 'No such product.');
      }
      const [detail] = await details(await withImages(rows));
      return detail as ProductDetail;
    },

    listProducts: async (actor: RegistryActor, query: ProductFilters & { page: number; pageSize: number }) => {
      const [rows, total] = await searchWithTrigramIndex(transactions, searchTerms(query.q).length > 0, () =>
        repository.listPage(actor, query),
      );
      return { items: await withImages(rows), total };
    },

    /** Every product matching the filters, with details, in pages, for exports; ids are fixed first so pages do not drift. */
    async *iterateProducts(actor: RegistryActor, filters: ProductFilters, pageSize = 500): AsyncGenerator<ProductDetail[]> {
      const ids = await repository.listIds(actor, filters);
      for (let i = 0; i < ids.length; i += pageSize) {
        const chunk = ids.slice(i, i + pageSize);
        const rows = await repository.listJoinedByIds(chunk);
        // With each product's primary picture (one query a page): the public catalogue shows it.
        const items = await details(await withImages(rows));
        const byId = new Map(items.map((item) => [item.id, item]));
        yield chunk.map((id) => byId.get(id)).filter((item): item is ProductDetail => item !== undefined);
      }
    },

    /**
     * The description and story of a product, for the system's public pages (which show only
     * certified products): one primary-key read, where `getProduct` makes four.
     */
    productTexts: async (productId: string) => (await repository.findTexts(productId)) ?? null,

    /** Whose products these GTINs (14 digits) and product codes name, at most 1,000 of each per call. */
    keyOwners: async (gtins: string[], codes: string[]) => {
      if (gtins.length > 1_000 || codes.length > 1_000) throw new Error('keyOwners takes at most 1,000 GTINs and 1,000 codes');
      return repository.findKeyOwners(gtins, codes);
    },

    /** The product with this code, if any (for imports); codes are unique nationally. */
    findByCode: (code: string) => repository.findPublishedByCode(code.trim().toUpperCase()),

    /** Where a product's producer sits, for permission checks on the product's images and documents. */
    placeOf: async (productId: string) => {
      const row = await repository.findPlace(productId);
      if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
      return placeOfProducer(row);
    },
  };
}
