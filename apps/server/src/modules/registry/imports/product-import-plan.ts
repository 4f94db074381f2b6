import {
  assertProductStatusChange,
  checkPriceRange,
  normalizeGtins,
  normalizeIssuedProductCode,
  type ProducerStatus,
} from '@ocop/domain/registry';
import { foldVietnamese } from '@ocop/domain/shared';
import type { CreateProductInput, ProductService } from '../products/product.service';
import { BulkItemError } from '../shared/registry-support';
import type { ImportLookupRepository, StoredProduct } from './import-lookup.repository';
import {
  check,
  given,
  type ImportPlan,
  ImportRowError,
  type PlanEnv,
  type PlannedRow,
  type ParsedRow,
  storedVersion,
} from './import-plan-types';
import { PRODUCT_COLUMNS, parseProductRow, type ProductSheetValues } from './product-columns';

type ProductRow = PlannedRow<ProductSheetValues>;
type ProducerRef = { id: string; status: ProducerStatus };

/** What the checks of a product file know of the stored records, read in bulk before the rows are matched. */
type StoredRecords = {
  producerByNumber: Map<string, ProducerRef>;
  byCode: Map<string, StoredProduct>;
  /** Products by `producerId|folded name`. */
  byProducerName: Map<string, StoredProduct[]>;
  gtinOwner: Map<string, { productId: string; code: string }>;
};

/** What the rows seen so far claim: the first row of each product (by code or name) and of each GTIN. */
type FileClaims = { keys: Map<string, number>; gtins: Map<string, number> };

const producerNumberOf = (v: ProductSheetValues) => v.producerRegistrationNumber?.replace(/\s+/g, '').toUpperCase();

/** The checks of one row on its own; the product code it names, normalised, when it is valid. */
function checkProductCells(row: ParsedRow<ProductSheetValues>): { planned: ProductRow; code: string | undefined } {
  const planned: ProductRow = { ...row, existingId: null, problems: [] };
  const v = row.values;
  const entered = v.code;
  const code = entered ? check(planned.problems, 'code', () => normalizeIssuedProductCode(entered)) : undefined;
  check(planned.problems, 'priceMin', () => checkPriceRange(v.priceMin, v.priceMax));
  check(planned.problems, 'gtins', () => normalizeGtins(v.gtins ?? []));
  return { planned, code: code || undefined };
}

async function readStoredRecords(
  lookups: ImportLookupRepository,
  env: PlanEnv,
  rows: ProductRow[],
  codes: string[],
): Promise<StoredRecords> {
  const numbers = [...new Set(rows.map((row) => producerNumberOf(row.values)).filter((n): n is string => !!n))];
  const producerByNumber = await lookups.producersByRegistrationNumber(env.provinceCode, numbers);
  const byCode = await lookups.productsByCode([...new Set(codes)]);
  // Rows without a code are matched to a product of the same producer with the same name, so importing a file twice adds nothing.
  const byProducerName = new Map<string, StoredProduct[]>();
  for (const row of await lookups.productsOfProducers([...new Set([...producerByNumber.values()].map((p) => p.id))])) {
    const key = `${row.producerId}|${row.nameFolded}`;
    byProducerName.set(key, [...(byProducerName.get(key) ?? []), row]);
  }
  const gtinOwner = await lookups.gtinOwners([...new Set(rows.flatMap((row) => row.values.gtins ?? []))]);
  return { producerByNumber, byCode, byProducerName, gtinOwner };
}

/** The stored product a row names: by its code, else by its producer and name; problems when that match is wrong or unclear. */
function matchStored(row: ProductRow, code: string | undefined, producer: ProducerRef | undefined, stored: StoredRecords, env: PlanEnv) {
  const v = row.values;
  if (code) {
    const found = stored.byCode.get(code);
    if (found && found.provinceCode !== env.provinceCode) {
      row.problems.push({ key: 'code', code: 'import.product_other_province', details: { value: code } });
      return undefined;
    }
    if (found && producer && found.producerId !== producer.id) {
      row.problems.push({
        key: 'producerRegistrationNumber',
        code: 'import.product_of_other_producer',
        details: { value: producerNumberOf(v), code },
      });
    }
    return found;
  }
  if (!producer || !v.nameVi) return undefined;
  const matches = stored.byProducerName.get(`${producer.id}|${foldVietnamese(v.nameVi.trim().replace(/\s+/g, ' '))}`) ?? [];
  if (matches.length > 1)
    row.problems.push({
      key: 'code',
      code: 'import.product_ambiguous',
      details: { value: v.nameVi, codes: matches.map((m) => m.code).join(', ') },
    });
  return matches.length === 1 ? matches[0] : undefined;
}

/** A second row for the same product (same code, or same producer and name) is a problem; true when this row is one. */
function isRepeatedRow(row: ProductRow, code: string | undefined, producer: ProducerRef | undefined, claims: FileClaims): boolean {
  const v = row.values;
  const key = code ? `code:${code}` : producer && v.nameVi ? `name:${producer.id}|${foldVietnamese(v.nameVi)}` : null;
  if (!key) return false;
  const first = claims.keys.get(key);
  if (first === undefined) {
    claims.keys.set(key, row.rowNumber);
    return false;
  }
  row.problems.push({ key: code ? 'code' : 'nameVi', code: 'import.duplicate_row', details: { value: code ?? v.nameVi, firstRow: first } });
  return true;
}

/** The status the row asks for must be reachable from the stored one, and a dissolved producer gets nothing new on sale. */
function checkStatus(row: ProductRow, found: StoredProduct | undefined, producer: ProducerRef | undefined) {
  if (!found) {
    if (producer?.status === 'dissolved') row.problems.push({ key: 'producerRegistrationNumber', code: 'producer.dissolved', details: {} });
    return;
  }
  const status = given(row, 'status');
  if (status && status !== found.status) check(row.problems, 'status', () => assertProductStatusChange(found.status, status));
  if (status === 'on_sale' && status !== found.status && producer?.status === 'dissolved') {
    row.problems.push({ key: 'status', code: 'producer.dissolved', details: {} });
  }
}

/** Each GTIN belongs to one product: not another stored one, and not another row's. */
function checkGtins(row: ProductRow, stored: StoredRecords, claims: FileClaims) {
  for (const gtin of row.values.gtins ?? []) {
    const owner = stored.gtinOwner.get(gtin);
    if (owner && owner.productId !== row.existingId) {
      row.problems.push({ key: 'gtins', code: 'product.gtin_taken', details: { gtin, productCode: owner.code } });
    }
    const firstRow = claims.gtins.get(gtin);
    if (firstRow !== undefined && firstRow !== row.rowNumber) {
      row.problems.push({ key: 'gtins', code: 'import.duplicate_gtin', details: { gtin, firstRow } });
    } else claims.gtins.set(gtin, row.rowNumber);
  }
}

/** Matches one checked row to its producer and stored product, in file order (earlier rows claim codes, names and GTINs first). */
function planRow(row: ProductRow, code: string | undefined, stored: StoredRecords, claims: FileClaims, env: PlanEnv) {
  const number = producerNumberOf(row.values);
  const producer = number ? stored.producerByNumber.get(number) : undefined;
  if (number && !producer) {
    row.problems.push({ key: 'producerRegistrationNumber', code: 'import.producer_not_found', details: { value: number } });
  }
  row.producerId = producer?.id ?? null;
  const found = matchStored(row, code, producer, stored, env);
  if (isRepeatedRow(row, code, producer, claims)) return;
  if (found) row.existingId = found.id;
  checkStatus(row, found, producer);
  checkGtins(row, stored, claims);
}

/** The fields of a product row that `apply` writes (absent columns left out), and the status it asks for. */
function productFieldsOf(row: ProductRow) {
  const v = row.values;
  const texts = {
    nameEn: given(row, 'nameEn'),
    nameZh: given(row, 'nameZh'),
    description: given(row, 'description'),
    story: given(row, 'story'),
    descriptionZh: given(row, 'descriptionZh'),
    storyZh: given(row, 'storyZh'),
    seasons: row.present.has('seasons') ? (v.seasons ?? []) : undefined,
    seasonNote: given(row, 'seasonNote'),
    rawMaterial: given(row, 'rawMaterial'),
    rawMaterialOrigin: given(row, 'rawMaterialOrigin'),
    packaging: given(row, 'packaging'),
    netQuantity: given(row, 'netQuantity'),
    shelfLife: given(row, 'shelfLife'),
    storageInstructions: given(row, 'storageInstructions'),
    priceMin: given(row, 'priceMin'),
    priceMax: given(row, 'priceMax'),
    gtins: row.present.has('gtins') ? (v.gtins ?? []) : undefined,
    legacyProductSetId: given(row, 'legacyProductSetId'),
  };
  return { texts, status: given(row, 'status') ?? undefined };
}

/** The product a checked row without a stored record adds. */
function newProductOf(row: ProductRow): CreateProductInput {
  const v = row.values;
  if (!row.producerId || !v.productSetId || !v.nameVi) throw new Error('a checked row lacks a required value');
  const { texts, status } = productFieldsOf(row);
  return { ...texts, producerId: row.producerId, productSetId: v.productSetId, nameVi: v.nameVi, code: v.code ?? undefined, status };
}

/** The update a checked row with a stored record asks for (without the version). */
function productUpdateOf(row: ProductRow) {
  const v = row.values;
  const { texts, status } = productFieldsOf(row);
  return { input: { ...texts, productSetId: v.productSetId ?? undefined, nameVi: v.nameVi ?? undefined }, status };
}

/** Runs a bulk write and names the row of the item that failed. */
async function namingFailedRow(rows: ProductRow[], work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof BulkItemError) throw new ImportRowError(rows[error.index]?.rowNumber ?? 0, error.error);
    throw error;
  }
}

export function productImportPlan(service: ProductService, lookups: ImportLookupRepository): ImportPlan<ProductSheetValues> {
  return {
    columns: PRODUCT_COLUMNS,
    parse: parseProductRow,

    plan: async (rows, env) => {
      const checked = rows.map(checkProductCells);
      const planned = checked.map((item) => item.planned);
      const codes = checked.map((item) => item.code).filter((code): code is string => code !== undefined);
      const stored = await readStoredRecords(lookups, env, planned, codes);
      const claims: FileClaims = { keys: new Map(), gtins: new Map() };
      for (const { planned: row, code } of checked) planRow(row, code, stored, claims, env);
      return planned;
    },

    apply: async (row, env) => {
      if (!row.existingId) {
        await service.createProduct(env.actor, newProductOf(row), env.context);
        return 'created';
      }
      const { input, status } = productUpdateOf(row);
      const before = await storedVersion(lookups, 'product', row.existingId);
      const after = await service.updateProduct(env.actor, row.existingId, { ...input, version: before.version }, env.context);
      let changed = after.version !== before.version;
      if (status && status !== after.status) {
        await service.changeProductStatus(env.actor, row.existingId, { status, version: after.version }, env.context);
        changed = true;
      }
      return changed ? 'updated' : 'unchanged';
    },

    createMany: (rows, env, onChunk) =>
      namingFailedRow(rows, () => service.createProducts(env.actor, rows.map(newProductOf), env.context, {}, onChunk)),

    staging: {
      stage: (rows, env, importId, onChunk) =>
        namingFailedRow(rows, () => service.stageProducts(env.actor, rows.map(newProductOf), env.context, importId, onChunk)),
      discard: (importId, signal) => service.staging.discard(importId, signal),
      recordCreated: (importId, context, signal) => service.staging.recordCreated(importId, context, signal),
    },

    unchanged: async (rows, env) => {
      // A record named by two rows (by code and by name) is written by each in turn: leave those to `apply`.
      const rowsOf = new Map<string, number>();
      for (const row of rows) if (row.existingId) rowsOf.set(row.existingId, (rowsOf.get(row.existingId) ?? 0) + 1);
      const items = rows
        .filter((row) => row.existingId && rowsOf.get(row.existingId) === 1)
        .map((row) => ({ productId: row.existingId as string, ...productUpdateOf(row) }));
      const same = await service.unchangedBy(env.actor, items);
      return new Set(rows.filter((row) => row.existingId && same.has(row.existingId)).map((row) => row.rowNumber));
    },
  };
}
