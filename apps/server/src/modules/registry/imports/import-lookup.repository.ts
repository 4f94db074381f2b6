import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Transactions } from '../../../platform/database/transaction';
import { and, eq, inArray } from 'drizzle-orm';
import { type ProductRow, productGtins, products } from '../products/product.tables';
import { isPublishedProduct } from '../products/product-staging';
import { type ProducerRow, producers } from '../producers/producer.tables';
import { isPublishedProducer } from '../producers/producer-staging';

export type ImportLookupRepository = ReturnType<typeof createImportLookupRepository>;

/** A stored product as an import's checks see it. */
const storedProduct = {
  id: products.id,
  code: products.code,
  producerId: products.producerId,
  provinceCode: products.provinceCode,
  status: products.status,
  nameFolded: products.nameFolded,
};
export type StoredProduct = Pick<ProductRow, keyof typeof storedProduct>;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The reads an import's checks make on producers and products, in bulk (lists cut into chunks so
 * that no statement carries tens of thousands of parameters). They run on the ambient handle, so
 * inside the import's transaction they see its own writes. Products staged by an unfinished import
 * are not matched (isPublishedProduct), as everywhere else.
 */
export function createImportLookupRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    /** Producers of the province by registration number. */
    producersByRegistrationNumber: async (provinceCode: string, numbers: string[]) => {
      const out = new Map<string, Pick<ProducerRow, 'id' | 'status'>>();
      for (const part of chunks(numbers, 1000)) {
        await yieldToEventLoop(); // on PGlite a query holds this thread: timers and requests run between chunks
        const found = await db()
          .select({ id: producers.id, registrationNumber: producers.registrationNumber, status: producers.status })
          .from(producers)
          .where(and(eq(producers.provinceCode, provinceCode), inArray(producers.registrationNumber, part), isPublishedProducer));
        for (const row of found) out.set(row.registrationNumber, { id: row.id, status: row.status });
      }
      return out;
    },

    /** Published products by code, anywhere in the country (codes are unique nationally). */
    productsByCode: async (codes: string[]): Promise<Map<string, StoredProduct>> => {
      const out = new Map<string, StoredProduct>();
      for (const part of chunks(codes, 1000)) {
        await yieldToEventLoop(); // on PGlite a query holds this thread: timers and requests run between chunks
        const found = await db()
          .select(storedProduct)
          .from(products)
          .where(and(inArray(products.code, part), isPublishedProduct));
        for (const row of found) out.set(row.code, row);
      }
      return out;
    },

    /** The published products of these producers. */
    productsOfProducers: async (producerIds: string[]): Promise<StoredProduct[]> => {
      const out: StoredProduct[] = [];
      for (const part of chunks(producerIds, 500)) {
        await yieldToEventLoop(); // on PGlite a query holds this thread: timers and requests run between chunks
        out.push(
          ...(await db()
            .select(storedProduct)
            .from(products)
            .where(and(inArray(products.producerId, part), isPublishedProduct))),
        );
      }
      return out;
    },

    /** The product holding each of these GTINs, staged ones included: the GTIN is the key of product_gtins, so it is taken either way. */
    gtinOwners: async (gtins: string[]) => {
      const out = new Map<string, { productId: string; code: string }>();
      for (const part of chunks(gtins, 1000)) {
        await yieldToEventLoop(); // on PGlite a query holds this thread: timers and requests run between chunks
        const found = await db()
          .select({ gtin: productGtins.gtin, productId: productGtins.productId, code: products.code })
          .from(productGtins)
          .innerJoin(products, eq(products.id, productGtins.productId))
          .where(inArray(productGtins.gtin, part));
        for (const row of found) out.set(row.gtin, { productId: row.productId, code: row.code });
      }
      return out;
    },

    /** The version of a stored record, undefined when it is gone. */
    versionOf: async (kind: 'producer' | 'product', id: string): Promise<number | undefined> => {
      const table = kind === 'producer' ? producers : products;
      const [row] = await db().select({ version: table.version }).from(table).where(eq(table.id, id));
      return row?.version;
    },
  };
}
