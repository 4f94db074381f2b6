import type { Transactions } from '../../../platform/database/transaction';
import {
  assertCanReadProducer,
  assertMayOnProducer,
  assertProductStatusChange,
  checkPriceRange,
  firstFreeSlug,
  formatProductCode,
  normalizeGtins,
  normalizeIssuedProductCode,
  type ProducerType,
  type ProductStatus,
  slugify,
  slugWithSuffix,
  vietnamYear,
} from '@ocop/domain/registry';
import { can, DomainError, escapeLikePattern, foldVietnamese } from '@ocop/domain/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock';
import { queryRows } from '../../../platform/database/database';
import type { AuditContext, AuditService } from '../../identity';
import { productGroups, productSets } from '../classification/classification.tables';
import type { ClassificationService } from '../classification/classification.service';
import { type ProducerRow, producers } from '../producers/producer.tables';
import { placeOfProducer, productSearchText } from '../producers/producer.service';
import { productCodeSequences, productGtins, type ProductInsert, type ProductRow, products } from './product.tables';
import { createProductStaging, isPublishedProduct } from './product-staging';
import {
  BulkItemError,
  changedFields,
  isUniqueViolation,
  producerScope,
  type RegistryActor,
  searchTerms,
  searchWithTrigramIndex,
  textList,
  uuidList,
  type WriteOptions,
  yieldToEventLoop,
} from '../shared/registry-support';

export type ProductService = ReturnType<typeof createProductService>;

/** First key of the advisory locks that serialise slug choices (the second is a bucket of the name). */
const SLUG_LOCK_SPACE = 700_101;
/** Rows per multi-row INSERT of products (29 columns: about 15,000 bind parameters, under PostgreSQL's 65,535). */
const ROWS_PER_INSERT = 500;
/** Keys per bulk read (sent as one JSON parameter). */
const ROWS_PER_READ = 1000;

type TextField = string | null | undefined;

export type ProductFields = {
  productSetId: string;
  legacyProductSetId?: string | null | undefined;
  nameVi: string;
  nameEn?: TextField;
  nameZh?: TextField;
  description?: TextField;
  story?: TextField;
  rawMaterial?: TextField;
  rawMaterialOrigin?: TextField;
  packaging?: TextField;
  netQuantity?: TextField;
  shelfLife?: TextField;
  storageInstructions?: TextField;
  priceMin?: number | null | undefined;
  priceMax?: number | null | undefined;
  gtins?: string[] | undefined;
};

export type CreateProductInput = ProductFields & { producerId: string; code?: string | undefined; status?: ProductStatus | undefined };
/** Absent fields stay as they are; null clears an optional field; `gtins` replaces the list. */
export type UpdateProductInput = Partial<ProductFields> & { version: number };
export type ProductStatusInput = { status: ProductStatus; version: number };

export type ProductFilters = {
  q?: string | undefined;
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  legacyDistrictCode?: string | undefined;
  producerId?: string | undefined;
  producerType?: ProducerType | undefined;
  groupCode?: string | undefined;
  productSetId?: string | undefined;
  status?: ProductStatus | undefined;
  importId?: string | undefined;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt' | 'code' | '-code' | 'relevance' | undefined;
};

export type ProductProducer = Pick<
  ProducerRow,
  'id' | 'name' | 'type' | 'registrationNumber' | 'provinceCode' | 'communeCode' | 'legacyDistrictCode'
>;
export type ProductSetBrief = { id: string; versionCode: string; code: string; name: string; groupCode: string; groupName: string };
export type ProductListItem = ProductRow & { producer: ProductProducer; productSet: ProductSetBrief; primaryImageUrl: string | null };
export type ProductDetail = ProductListItem & { gtins: string[]; legacyProductSet: ProductSetBrief | null };

/** Primary image URL per product id; supplied by the part of the registry that owns images. */
export type PrimaryImageLookup = (productIds: string[]) => Promise<Map<string, string>>;

const TEXT_FIELDS = [
  'nameEn',
  'nameZh',
  'description',
  'story',
  'rawMaterial',
  'rawMaterialOrigin',
  'packaging',
  'netQuantity',
  'shelfLife',
  'storageInstructions',
] as const;

const AUDITED = [
  'producerId',
  'productSetId',
  'legacyProductSetId',
  'code',
  'slug',
  'nameVi',
  ...TEXT_FIELDS,
  'priceMin',
  'priceMax',
  'status',
  'isDemo',
] as const;

const listColumns = {
  product: products,
  producer: {
    id: producers.id,
    name: producers.name,
    type: producers.type,
    registrationNumber: producers.registrationNumber,
    provinceCode: producers.provinceCode,
    communeCode: producers.communeCode,
    legacyDistrictCode: producers.legacyDistrictCode,
  },
  productSet: {
    id: productSets.id,
    versionCode: productSets.versionCode,
    code: productSets.code,
    name: productSets.name,
    groupCode: productSets.groupCode,
    groupName: productGroups.name,
  },
};

export function createProductService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  classification: ClassificationService;
  /** Where the primary picture of each product is (owned by the documents part); for `primaryImageUrl`. */
  primaryImages: PrimaryImageLookup;
}) {
  const { transactions, clock, audit, classification, primaryImages } = deps;
  const db = transactions.db;
  const staging = createProductStaging({ transactions, audit, audited: AUDITED });

  async function loadProducer(producerId: string, forUpdate = false): Promise<ProducerRow> {
    const query = db().select().from(producers).where(eq(producers.id, producerId));
    const [row] = forUpdate ? await query.for('share') : await query;
    if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.', { field: 'producerId' });
    return row;
  }

  async function loadProduct(productId: string): Promise<ProductRow> {
    const [row] = await db()
      .select()
      .from(products)
      .where(and(eq(products.id, productId), isPublishedProduct))
      .for('update');
    if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
    return row;
  }

  /** The next free code `(province)-(commune)-(seq)-(year)`; codes typed in by hand may already hold a number. */
  async function nextCode(producer: ProducerRow): Promise<string> {
    const year = vietnamYear(clock.now());
    for (let attempt = 0; attempt < 1000; attempt++) {
      const [row] = await db()
        .insert(productCodeSequences)
        .values({ provinceCode: producer.provinceCode, communeCode: producer.communeCode, year, lastValue: 1 })
        .onConflictDoUpdate({
          target: [productCodeSequences.provinceCode, productCodeSequences.communeCode, productCodeSequences.year],
          set: { lastValue: sql`${productCodeSequences.lastValue} + 1` },
        })
        .returning({ lastValue: productCodeSequences.lastValue });
      const code = formatProductCode({
        provinceCode: producer.provinceCode,
        communeCode: producer.communeCode,
        sequence: row?.lastValue ?? 1,
        year,
      });
      const [taken] = await db().select({ id: products.id }).from(products).where(eq(products.code, code));
      if (!taken) return code;
    }
    throw new Error('no free product code');
  }

  /** The slug of a new product: its name's, with the smallest free suffix; serialised per name by an advisory lock. */
  async function freeSlug(name: string): Promise<string> {
    const base = slugify(name);
    // One of 64 lock buckets per name: a transaction adding thousands of products (a spreadsheet import)
    // then holds at most 64 advisory locks instead of one per name, which exhausted max_locks_per_transaction.
    await queryRows(db(), sql`select pg_advisory_xact_lock(${SLUG_LOCK_SPACE}, hashtext(${base}) & 63)`);
    const taken = await db()
      .select({ slug: products.slug })
      .from(products)
      .where(or(eq(products.slug, base), like(products.slug, `${escapeLikePattern(base)}-%`)));
    return firstFreeSlug(
      base,
      taken.map((row) => row.slug),
    );
  }

  async function assertGtinsFree(gtins: string[], exceptProductId?: string) {
    if (gtins.length === 0) return;
    const conditions = [inArray(productGtins.gtin, gtins)];
    if (exceptProductId) conditions.push(ne(productGtins.productId, exceptProductId));
    const [taken] = await db()
      .select({ gtin: productGtins.gtin, productCode: products.code })
      .from(productGtins)
      .innerJoin(products, eq(products.id, productGtins.productId))
      .where(and(...conditions))
      .limit(1);
    if (taken) throw gtinTaken(taken.gtin, taken.productCode);
  }

  async function saveGtins(productId: string, gtins: string[]) {
    await db().delete(productGtins).where(eq(productGtins.productId, productId));
    if (gtins.length === 0) return;
    try {
      await db()
        .insert(productGtins)
        .values(gtins.map((gtin, position) => ({ gtin, productId, position, createdAt: clock.now() })));
    } catch (error) {
      if (isUniqueViolation(error)) throw gtinTaken(gtins.join(', '), '');
      throw error;
    }
  }

  async function gtinsOf(productIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (productIds.length === 0) return result;
    const rows = await db()
      .select({ productId: productGtins.productId, gtin: productGtins.gtin })
      .from(productGtins)
      .where(inArray(productGtins.productId, productIds))
      .orderBy(asc(productGtins.position));
    for (const row of rows) result.set(row.productId, [...(result.get(row.productId) ?? []), row.gtin]);
    return result;
  }

  function checkTexts(fields: Partial<ProductFields>) {
    const texts: Partial<Record<(typeof TEXT_FIELDS)[number], string | null>> = {};
    for (const key of TEXT_FIELDS) if (fields[key] !== undefined) texts[key] = blankToNull(fields[key]);
    return texts;
  }

  /** The record an update would leave (checked), its GTINs, and what differs from before; reads and writes nothing. */
  function plannedUpdate(before: ProductRow, beforeGtins: string[], input: Partial<ProductFields>) {
    const price = checkPriceRange(
      input.priceMin !== undefined ? input.priceMin : before.priceMin,
      input.priceMax !== undefined ? input.priceMax : before.priceMax,
    );
    const nameVi = input.nameVi !== undefined ? cleanName(input.nameVi) : before.nameVi;
    const texts = checkTexts(input);
    const next: ProductRow = {
      ...before,
      ...texts,
      productSetId: input.productSetId ?? before.productSetId,
      legacyProductSetId: input.legacyProductSetId !== undefined ? input.legacyProductSetId : before.legacyProductSetId,
      nameVi,
      priceMin: price.min,
      priceMax: price.max,
    };
    const gtins = input.gtins !== undefined ? normalizeGtins(input.gtins) : beforeGtins;
    const gtinsChanged = gtins.join() !== beforeGtins.join();
    const diff = changedFields(before as Record<string, unknown>, next as Record<string, unknown>, AUDITED as readonly string[]);
    return { next, gtins, gtinsChanged, diff };
  }

  async function createProduct(actor: RegistryActor, input: CreateProductInput, context: AuditContext, options: WriteOptions) {
    const producer = await loadProducer(input.producerId, true);
    assertMayOnProducer(actor.grants, 'products.write', placeOfProducer(producer));
    if (producer.status === 'dissolved')
      throw new DomainError('conflict', 'producer.dissolved', 'The producer is dissolved.', { field: 'producerId' });
    await classification.assertCurrentSet(input.productSetId);
    if (input.legacyProductSetId) await classification.assertLegacySet(input.legacyProductSetId);
    const price = checkPriceRange(input.priceMin, input.priceMax);
    const gtins = normalizeGtins(input.gtins ?? []);
    const nameVi = cleanName(input.nameVi);
    let code: string;
    if (input.code !== undefined && input.code.trim() !== '') {
      if (!can(actor.grants, 'products.enter_code', { provinceCode: producer.provinceCode })) {
        throw new DomainError('forbidden', 'product.code_not_allowed', 'Only provincial staff may enter an issued code.', {
          field: 'code',
        });
      }
      code = normalizeIssuedProductCode(input.code);
      const [taken] = await db().select({ id: products.id }).from(products).where(eq(products.code, code));
      if (taken) throw codeTaken(code);
    } else {
      code = await nextCode(producer);
    }
    await assertGtinsFree(gtins);
    const slug = await freeSlug(nameVi);
    const texts = checkTexts(input);
    const now = clock.now();
    const status = input.status ?? 'idea';
    let row: ProductRow | undefined;
    try {
      [row] = await db()
        .insert(products)
        .values(newProductRow({ producer, input, code, slug, nameVi, texts, price, status, now, isDemo: options.isDemo ?? false }))
        .returning();
    } catch (error) {
      if (isUniqueViolation(error, 'products_code_key')) throw codeTaken(code);
      throw error;
    }
    if (!row) throw new Error('insert returned no row');
    await saveGtins(row.id, gtins);
    if (!options.skipAudit) {
      await audit.record(context, {
        action: 'product.created',
        entityType: 'product',
        entityId: row.id,
        provinceCode: row.provinceCode,
        after: { ...Object.fromEntries(AUDITED.map((key) => [key, row[key]])), gtins },
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
    const before = await loadProduct(productId);
    const producer = await loadProducer(before.producerId);
    assertMayOnProducer(actor.grants, 'products.write', placeOfProducer(producer));
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.productSetId !== undefined && input.productSetId !== before.productSetId)
      await classification.assertCurrentSet(input.productSetId);
    if (input.legacyProductSetId && input.legacyProductSetId !== before.legacyProductSetId)
      await classification.assertLegacySet(input.legacyProductSetId);
    const beforeGtins = (await gtinsOf([before.id])).get(before.id) ?? [];
    const { next, gtins, gtinsChanged, diff } = plannedUpdate(before, beforeGtins, input);
    if (gtinsChanged) await assertGtinsFree(gtins, before.id);
    if (diff.changed.length === 0 && !gtinsChanged) return before;
    const patch: Partial<typeof products.$inferInsert> = Object.fromEntries(
      diff.changed.map((key) => [key, next[key as keyof ProductRow]]),
    );
    patch.nameFolded = foldVietnamese(next.nameVi);
    patch.searchFolded = productSearchText(next, producer);
    const [after] = await db()
      .update(products)
      .set({ ...patch, version: sql`${products.version} + 1`, updatedAt: clock.now() })
      .where(and(eq(products.id, before.id), eq(products.version, input.version)))
      .returning();
    if (!after) throw staleVersion(before.version);
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
    return after;
  }

  async function changeStatus(
    actor: RegistryActor,
    productId: string,
    input: ProductStatusInput,
    context: AuditContext,
    options: WriteOptions,
  ) {
    const before = await loadProduct(productId);
    const producer = await loadProducer(before.producerId);
    assertMayOnProducer(actor.grants, 'products.write', placeOfProducer(producer));
    if (before.version !== input.version) throw staleVersion(before.version);
    assertProductStatusChange(before.status, input.status);
    if (input.status === 'on_sale' && producer.status === 'dissolved')
      throw new DomainError('conflict', 'producer.dissolved', 'The producer is dissolved.');
    const [after] = await db()
      .update(products)
      .set({ status: input.status, statusChangedAt: clock.now(), version: sql`${products.version} + 1`, updatedAt: clock.now() })
      .where(and(eq(products.id, before.id), eq(products.version, input.version)))
      .returning();
    if (!after) throw staleVersion(before.version);
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
    return after;
  }

  /**
   * Adds many products in the caller's transaction with the same checks and results as `createProduct`
   * once per item in order (codes, slugs, GTINs, search text, audit entries), but with a handful of
   * statements per chunk of rows: the code numbers are reserved with one upsert per (commune, year),
   * slugs are chosen in memory against one read of the slugs they could collide with, and rows, GTINs
   * and audit entries are written with multi-row inserts. A failing item throws a BulkItemError.
   */
  async function createProducts(
    actor: RegistryActor,
    inputs: readonly CreateProductInput[],
    context: AuditContext,
    options: WriteOptions & { importId?: string },
    onChunk?: (rows: number) => Promise<void> | void,
  ): Promise<ProductRow[]> {
    if (inputs.length === 0) return [];
    const year = vietnamYear(clock.now());
    const fail = (index: number, error: unknown): never => {
      if (error instanceof DomainError) throw new BulkItemError(index, error);
      throw error;
    };

    // Producers (locked as createProduct does), product sets: read once.
    const producerById = new Map<string, ProducerRow>();
    for (const part of chunked([...new Set(inputs.map((input) => input.producerId))], ROWS_PER_READ)) {
      for (const row of await db()
        .select()
        .from(producers)
        .where(sql`${producers.id} in ${uuidList(part)}`)
        .for('share'))
        producerById.set(row.id, row);
    }
    const setChecks = new Map<string, DomainError | null>();
    const checkSet = async (id: string, legacy: boolean) => {
      const key = `${legacy ? 'legacy' : 'current'}|${id}`;
      if (setChecks.has(key)) return;
      try {
        if (legacy) await classification.assertLegacySet(id);
        else await classification.assertCurrentSet(id);
        setChecks.set(key, null);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        setChecks.set(key, error);
      }
    };
    for (const input of inputs) {
      await checkSet(input.productSetId, false);
      if (input.legacyProductSetId) await checkSet(input.legacyProductSetId, true);
    }

    // Code numbers: as many per (province, commune) as items without a code there, in one upsert.
    const handCoded = (input: CreateProductInput) => input.code !== undefined && input.code.trim() !== '';
    const wanted = new Map<string, { provinceCode: string; communeCode: string; remaining: number; next: number; end: number }>();
    for (const input of inputs) {
      const producer = producerById.get(input.producerId);
      if (!producer || handCoded(input)) continue;
      const key = `${producer.provinceCode}|${producer.communeCode}`;
      const group = wanted.get(key) ?? {
        provinceCode: producer.provinceCode,
        communeCode: producer.communeCode,
        remaining: 0,
        next: 1,
        end: 0,
      };
      group.remaining++;
      wanted.set(key, group);
    }
    const takenCodes = new Set<string>();
    const reserve = async (groups: { provinceCode: string; communeCode: string; remaining: number; next: number; end: number }[]) => {
      const candidates: string[] = [];
      for (const part of chunked(groups, ROWS_PER_READ)) {
        const rows = await db()
          .insert(productCodeSequences)
          .values(
            part.map((group) => ({ provinceCode: group.provinceCode, communeCode: group.communeCode, year, lastValue: group.remaining })),
          )
          .onConflictDoUpdate({
            target: [productCodeSequences.provinceCode, productCodeSequences.communeCode, productCodeSequences.year],
            set: { lastValue: sql`${productCodeSequences.lastValue} + excluded.last_value` },
          })
          .returning({
            provinceCode: productCodeSequences.provinceCode,
            communeCode: productCodeSequences.communeCode,
            lastValue: productCodeSequences.lastValue,
          });
        for (const row of rows) {
          const group = wanted.get(`${row.provinceCode}|${row.communeCode}`);
          if (!group) continue;
          group.next = row.lastValue - group.remaining + 1;
          group.end = row.lastValue;
          for (let n = group.next; n <= group.end; n++)
            candidates.push(formatProductCode({ provinceCode: group.provinceCode, communeCode: group.communeCode, sequence: n, year }));
        }
      }
      await loadTakenCodes(candidates);
    };
    const loadTakenCodes = async (codes: string[]) => {
      for (const part of chunked(codes, ROWS_PER_READ * 5)) {
        for (const row of await db()
          .select({ code: products.code })
          .from(products)
          .where(sql`${products.code} in ${textList(part)}`))
          takenCodes.add(row.code);
      }
    };
    await reserve([...wanted.values()]);
    const issued: string[] = [];
    for (const input of inputs) if (handCoded(input)) issued.push((input.code as string).trim().toUpperCase());
    await loadTakenCodes(issued);

    // GTINs already given to other products.
    const gtinOwners = new Map<string, string>();
    const allGtins = new Set<string>();
    for (const input of inputs) {
      try {
        for (const gtin of normalizeGtins(input.gtins ?? [])) allGtins.add(gtin);
      } catch {
        // reported in order below
      }
    }
    for (const part of chunked([...allGtins], ROWS_PER_READ * 5)) {
      const rows = await db()
        .select({ gtin: productGtins.gtin, code: products.code })
        .from(productGtins)
        .innerJoin(products, eq(products.id, productGtins.productId))
        .where(sql`${productGtins.gtin} in ${textList(part)}`);
      for (const row of rows) gtinOwners.set(row.gtin, row.code);
    }

    // Slugs: locks of every name bucket involved (in order, so two imports cannot deadlock), then the
    // taken slugs that equal a base or are a base with a number suffix.
    const bases = new Set<string>();
    for (const input of inputs) {
      try {
        bases.add(slugify(cleanName(input.nameVi)));
      } catch {
        // reported in order below
      }
    }
    const stems = new Set(bases);
    for (const base of bases) for (let n = 2; n <= 999_999; n *= 10) stems.add(slugWithSuffix(base, n).replace(/-\d+$/, ''));
    const buckets = await queryRows<{ bucket: number }>(
      db(),
      sql`select distinct hashtext(base) & 63 as bucket from jsonb_array_elements_text(${JSON.stringify([...bases])}::jsonb) as base order by 1`,
    );
    for (const { bucket } of buckets) await queryRows(db(), sql`select pg_advisory_xact_lock(${SLUG_LOCK_SPACE}, ${bucket}::int)`);
    const takenSlugs = new Set<string>();
    for (const part of chunked([...stems], ROWS_PER_READ * 5)) {
      const list = textList(part);
      const rows = await db()
        .select({ slug: products.slug })
        .from(products)
        .where(sql`${products.slug} in ${list} or regexp_replace(${products.slug}, '-[0-9]+$', '') in ${list}`);
      for (const row of rows) takenSlugs.add(row.slug);
    }

    // Every item in order, as createProduct would check and number it.
    const now = clock.now();
    const planned: { row: ProductInsert & { id: string }; gtins: string[] }[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const producer = producerById.get(input.producerId);
        if (!producer) throw new DomainError('not_found', 'producer.not_found', 'No such producer.', { field: 'producerId' });
        assertMayOnProducer(actor.grants, 'products.write', placeOfProducer(producer));
        if (producer.status === 'dissolved')
          throw new DomainError('conflict', 'producer.dissolved', 'The producer is dissolved.', { field: 'producerId' });
        const setError = setChecks.get(`current|${input.productSetId}`);
        if (setError) throw setError;
        const legacyError = input.legacyProductSetId ? setChecks.get(`legacy|${input.legacyProductSetId}`) : null;
        if (legacyError) throw legacyError;
        const price = checkPriceRange(input.priceMin, input.priceMax);
        const gtins = normalizeGtins(input.gtins ?? []);
        const nameVi = cleanName(input.nameVi);
        let code: string;
        if (handCoded(input)) {
          if (!can(actor.grants, 'products.enter_code', { provinceCode: producer.provinceCode })) {
            throw new DomainError('forbidden', 'product.code_not_allowed', 'Only provincial staff may enter an issued code.', {
              field: 'code',
            });
          }
          code = normalizeIssuedProductCode(input.code as string);
          if (takenCodes.has(code)) throw codeTaken(code);
        } else {
          const group = wanted.get(`${producer.provinceCode}|${producer.communeCode}`) as NonNullable<ReturnType<typeof wanted.get>>;
          for (;;) {
            if (group.next > group.end) await reserve([group]);
            const candidate = formatProductCode({
              provinceCode: producer.provinceCode,
              communeCode: producer.communeCode,
              sequence: group.next++,
              year,
            });
            if (!takenCodes.has(candidate)) {
              code = candidate;
              break;
            }
          }
          group.remaining--;
        }
        takenCodes.add(code);
        for (const gtin of gtins) {
          const owner = gtinOwners.get(gtin);
          if (owner !== undefined) throw gtinTaken(gtin, owner);
        }
        for (const gtin of gtins) gtinOwners.set(gtin, code);
        const slug = freeSlugAmong(slugify(nameVi), takenSlugs);
        takenSlugs.add(slug);
        const texts = checkTexts(input);
        const status = input.status ?? 'idea';
        planned.push({
          gtins,
          row: {
            id: randomUUID(),
            ...newProductRow({ producer, input, code, slug, nameVi, texts, price, status, now, isDemo: options.isDemo ?? false }),
            importId: options.importId ?? null,
          },
        });
      } catch (error) {
        fail(index, error);
      }
    }

    // Rows, GTINs and audit entries, chunk by chunk: each chunk joins the caller's transaction, or is
    // one short transaction of its own when an import stages its rows (invisible until it completes).
    const created: ProductRow[] = [];
    for (const part of chunked(planned, ROWS_PER_INSERT)) {
      await transactions.run(async () => {
        let rows: ProductRow[];
        try {
          rows = await db()
            .insert(products)
            .values(part.map((item) => item.row))
            .returning();
        } catch (error) {
          // Slugs and codes were chosen without holding locks when the rows are staged: a product
          // added meanwhile can take one.
          if (options.importId && isUniqueViolation(error)) throw changedMeanwhile();
          if (isUniqueViolation(error, 'products_code_key')) throw codeTaken('');
          throw error;
        }
        const byId = new Map(rows.map((row) => [row.id, row]));
        const inOrder = part.map((item) => byId.get(item.row.id) as ProductRow);
        const gtinRows = part.flatMap((item) =>
          item.gtins.map((gtin, position) => ({ gtin, productId: item.row.id, position, createdAt: now })),
        );
        try {
          for (const gtinPart of chunked(gtinRows, ROWS_PER_INSERT * 4)) await db().insert(productGtins).values(gtinPart);
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
              after: { ...Object.fromEntries(AUDITED.map((key) => [key, row[key]])), gtins: part[i]?.gtins ?? [] },
            })),
          );
        }
        created.push(...inOrder);
      });
      await onChunk?.(part.length);
      await yieldToEventLoop();
    }
    return created;
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
      const rows = await db()
        .select({
          product: products,
          producer: { id: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode },
        })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .where(sql`${products.id} in ${uuidList(ids)}`);
      const byId = new Map(rows.map((row) => [row.product.id, row]));
      const gtins = new Map<string, string[]>();
      const gtinRows = await db()
        .select({ productId: productGtins.productId, gtin: productGtins.gtin })
        .from(productGtins)
        .where(sql`${productGtins.productId} in ${uuidList(ids)}`)
        .orderBy(asc(productGtins.position));
      for (const row of gtinRows) gtins.set(row.productId, [...(gtins.get(row.productId) ?? []), row.gtin]);
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

  function listConditions(actor: RegistryActor, filters: ProductFilters): SQL[] {
    const conditions: SQL[] = [isPublishedProduct];
    const scope = producerScope(actor.grants);
    if (scope) conditions.push(scope);
    if (filters.provinceCode) conditions.push(eq(products.provinceCode, filters.provinceCode));
    if (filters.communeCode)
      conditions.push(or(eq(producers.communeCode, filters.communeCode), eq(producers.legacyCommuneCode, filters.communeCode)) as SQL);
    if (filters.legacyDistrictCode) conditions.push(eq(producers.legacyDistrictCode, filters.legacyDistrictCode));
    if (filters.producerId) conditions.push(eq(products.producerId, filters.producerId));
    if (filters.producerType) conditions.push(eq(producers.type, filters.producerType));
    if (filters.groupCode) conditions.push(eq(productSets.groupCode, filters.groupCode));
    if (filters.productSetId) conditions.push(eq(products.productSetId, filters.productSetId));
    if (filters.status) conditions.push(eq(products.status, filters.status));
    if (filters.importId) conditions.push(eq(products.importId, filters.importId));
    for (const term of searchTerms(filters.q)) conditions.push(sql`${products.searchFolded} like ${`%${escapeLikePattern(term)}%`}`);
    return conditions;
  }

  function ordering(filters: ProductFilters) {
    const terms = searchTerms(filters.q);
    const sort = filters.sort ?? (terms.length > 0 ? 'relevance' : 'name');
    switch (sort) {
      case 'relevance': {
        // Names that start with the words as typed, then those containing them in that order, then the rest;
        // two LIKEs per matched row cost far less than trigram similarity().
        if (terms.length === 0) return [asc(products.nameFolded), asc(products.id)];
        const phrase = escapeLikePattern(terms.join(' '));
        return [
          desc(sql`${products.nameFolded} like ${`${phrase}%`}`),
          desc(sql`${products.searchFolded} like ${`%${phrase}%`}`),
          asc(products.nameFolded),
          asc(products.id),
        ];
      }
      case '-name':
        return [desc(products.nameFolded), desc(products.id)];
      case 'createdAt':
        return [asc(products.createdAt), asc(products.id)];
      case '-createdAt':
        return [desc(products.createdAt), desc(products.id)];
      case 'updatedAt':
        return [asc(products.updatedAt), asc(products.id)];
      case '-updatedAt':
        return [desc(products.updatedAt), desc(products.id)];
      case 'code':
        return [asc(products.code)];
      case '-code':
        return [desc(products.code)];
      default:
        return [asc(products.nameFolded), asc(products.id)];
    }
  }

  function joined() {
    return db()
      .select(listColumns)
      .from(products)
      .innerJoin(producers, eq(producers.id, products.producerId))
      .innerJoin(productSets, eq(productSets.id, products.productSetId))
      .innerJoin(productGroups, and(eq(productGroups.versionCode, productSets.versionCode), eq(productGroups.code, productSets.groupCode)));
  }

  async function withImages(
    rows: { product: ProductRow; producer: ProductProducer; productSet: ProductSetBrief }[],
  ): Promise<ProductListItem[]> {
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
    const [gtins, legacySets] = await Promise.all([gtinsOf(ids), classification.setsByIds(legacyIds)]);
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

  return {
    createProduct: (actor: RegistryActor, input: CreateProductInput, context: AuditContext, options: WriteOptions = {}) =>
      transactions.run(() => createProduct(actor, input, context, options)),

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
    ) => transactions.run(() => updateProduct(actor, productId, input, context, options)),

    changeProductStatus: (
      actor: RegistryActor,
      productId: string,
      input: ProductStatusInput,
      context: AuditContext,
      options: WriteOptions = {},
    ) => transactions.run(() => changeStatus(actor, productId, input, context, options)),

    /** One product the actor may read (otherwise "not found"), with its producer, sets and GTINs. */
    getProduct: async (actor: RegistryActor, productId: string): Promise<ProductDetail> => {
      const rows = await joined().where(and(eq(products.id, productId), isPublishedProduct));
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
      const where = and(...listConditions(actor, query));
      const [rows, total] = await searchWithTrigramIndex(transactions, searchTerms(query.q).length > 0, async () => {
        const page = await joined()
          .where(where)
          .orderBy(...ordering(query))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        const [counted] = await db()
          .select({ n: count() })
          .from(products)
          .innerJoin(producers, eq(producers.id, products.producerId))
          .innerJoin(productSets, eq(productSets.id, products.productSetId))
          .where(where);
        return [page, Number(counted?.n ?? 0)] as const;
      });
      return { items: await withImages([...rows]), total };
    },

    /** Every product matching the filters, with details, in pages, for exports. */
    async *iterateProducts(actor: RegistryActor, filters: ProductFilters, pageSize = 500): AsyncGenerator<ProductDetail[]> {
      const ids = await db()
        .select({ id: products.id })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .innerJoin(productSets, eq(productSets.id, products.productSetId))
        .where(and(...listConditions(actor, filters)))
        .orderBy(...ordering(filters));
      for (let i = 0; i < ids.length; i += pageSize) {
        const chunk = ids.slice(i, i + pageSize).map((row) => row.id);
        const rows = await joined().where(inArray(products.id, chunk));
        const items = await details(
          rows.map((row) => ({ ...row.product, producer: row.producer, productSet: row.productSet, primaryImageUrl: null })),
        );
        const byId = new Map(items.map((item) => [item.id, item]));
        yield chunk.map((id) => byId.get(id)).filter((item): item is ProductDetail => item !== undefined);
      }
    },

    /** The product with this code, if any (for imports); codes are unique nationally. */
    findByCode: async (code: string) => {
      const [row] = await db()
        .select()
        .from(products)
        .where(and(eq(products.code, code.trim().toUpperCase()), isPublishedProduct));
      return row;
    },

    /** Where a product's producer sits, for permission checks on the product's images and documents. */
    placeOf: async (productId: string) => {
      const [row] = await db()
        .select({ id: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .where(and(eq(products.id, productId), isPublishedProduct));
      if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
      return placeOfProducer(row);
    },
  };
}

function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The slug firstFreeSlug would choose, given every taken slug that could collide (a set kept up to date by the caller). */
function freeSlugAmong(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = slugWithSuffix(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

function cleanName(name: string): string {
  const value = name.trim().replace(/\s+/g, ' ');
  if (value === '') throw new DomainError('invalid', 'request.invalid', 'The name is empty.', { field: 'nameVi' });
  return value;
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function staleVersion(currentVersion: number) {
  return new DomainError('conflict', 'product.stale_version', 'The product was changed meanwhile.', { currentVersion });
}

function changedMeanwhile() {
  return new DomainError('conflict', 'import.changed_meanwhile', 'Another product took a code or link name while the import ran.');
}

function codeTaken(code: string) {
  return new DomainError('conflict', 'product.code_taken', 'This product code is taken.', { field: 'code', code });
}

function gtinTaken(gtin: string, productCode: string) {
  return new DomainError('conflict', 'product.gtin_taken', 'This GTIN belongs to another product.', { field: 'gtins', gtin, productCode });
}

/** The row of a new product, the same whether it is created alone or in a bulk import. */
function newProductRow(p: {
  producer: { id: string; provinceCode: string; name: string; registrationNumber: string };
  input: { productSetId: string; legacyProductSetId?: string | null };
  code: string;
  slug: string;
  nameVi: string;
  texts: Partial<Record<(typeof TEXT_FIELDS)[number], string | null>>;
  price: { min: number | null; max: number | null };
  status: ProductStatus;
  now: Date;
  isDemo: boolean;
}): ProductInsert {
  return {
    provinceCode: p.producer.provinceCode,
    producerId: p.producer.id,
    productSetId: p.input.productSetId,
    legacyProductSetId: p.input.legacyProductSetId ?? null,
    code: p.code,
    slug: p.slug,
    nameVi: p.nameVi,
    ...p.texts,
    priceMin: p.price.min,
    priceMax: p.price.max,
    status: p.status,
    statusChangedAt: p.status === 'idea' ? null : p.now,
    nameFolded: foldVietnamese(p.nameVi),
    searchFolded: productSearchText({ nameVi: p.nameVi, nameEn: p.texts.nameEn ?? null, code: p.code }, p.producer),
    isDemo: p.isDemo,
    createdAt: p.now,
    updatedAt: p.now,
  };
}
