import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { classificationVersions, productGroups, productSets } from '../classification/classification.tables';
import { productImages } from '../documents/file.tables';
import { importJobs } from '../imports/import.tables';
import { producers } from '../producers/producer.tables';
import { products } from '../products/product.tables';

/**
 * A short text that changes whenever what the public side shows of the registry may have changed:
 * products, producers, primary pictures, product sets and groups, imports (their products are
 * published when they complete). One query of aggregates, a few milliseconds at 20,000 products,
 * asked instead of reading them all again. Beside count and latest time, a sum of per-row hashes
 * of (id, time) notices a row written with an earlier time than the latest (a clock set back).
 */
export function createPublicChangeToken({ transactions }: { transactions: Transactions }) {
  return async (): Promise<string> => {
    const [row] = await queryRows<{ token: string }>(
      transactions.db(),
      sql`select concat_ws('|',
        (select concat_ws(':', count(*), max(${products.updatedAt}), sum(hashtext(${products.id}::text || ${products.updatedAt}::text))) from ${products}),
        (select concat_ws(':', count(*), max(${producers.updatedAt}), sum(hashtext(${producers.id}::text || ${producers.updatedAt}::text))) from ${producers}),
        (select concat_ws(':', count(*), max(${productImages.createdAt}), sum(hashtext(${productImages.fileId}::text)) filter (where ${productImages.isPrimary})) from ${productImages}),
        (select concat_ws(':', count(*), max(${productSets.updatedAt}), sum(hashtext(${productSets.id}::text || ${productSets.updatedAt}::text))) from ${productSets}),
        (select concat_ws(':', count(*), sum(hashtext(${productGroups.versionCode} || ${productGroups.code} || ${productGroups.name}))) from ${productGroups}),
        (select concat_ws(':', count(*), max(${classificationVersions.updatedAt})) from ${classificationVersions}),
        (select concat_ws(':', count(*), sum(hashtext(${importJobs.id}::text || ${importJobs.status}))) from ${importJobs})
      ) as token`,
    );
    return row?.token ?? '';
  };
}
