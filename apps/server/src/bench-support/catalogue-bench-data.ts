import { addDays, termEnd } from '@ocop/domain/certification';
import { and, eq, sql } from 'drizzle-orm';
import { randomInt, randomUUID } from 'node:crypto';
import { type CertificateInsert, certificates } from '../modules/certification/certificates/certificate.tables';
import { producers } from '../modules/registry/producers/producer.tables';
import { products } from '../modules/registry/products/product.tables';
import { type Database, queryRows } from '../platform/database/database';
import { insertRegistryBenchData } from './registry-bench-data';

/**
 * A public catalogue of `products` certified products for the portal benchmark: the registry's
 * synthetic products (names from real product words and Sơn La's places, so "ruou tao meo bac yen"
 * finds a realistic share), none withdrawn, each with one current legacy certificate of 3 to 5
 * stars issued within the last two and a half years (so every one may show the OCOP mark on
 * `today`). Batched INSERTs in one transaction, bypassing the services; every row is demo data.
 */
export async function insertCatalogueBenchData(
  db: Database,
  options: { products: number; today: string; provinceCode?: string },
): Promise<{ products: number; certificates: number; ms: number }> {
  const started = performance.now();
  const provinceCode = options.provinceCode ?? '14';
  const registry = await insertRegistryBenchData(db, {
    products: options.products,
    producers: Math.ceil(options.products / 3),
    provinceCode,
  });
  await db
    .update(products)
    .set({ status: 'on_sale' })
    .where(and(eq(products.provinceCode, provinceCode), eq(products.isDemo, true), eq(products.status, 'withdrawn')));
  const rows = await db
    .select({ productId: products.id, productName: products.nameVi, producerId: producers.id, producerName: producers.name })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(eq(products.provinceCode, provinceCode), eq(products.isDemo, true)))
    .orderBy(sql`${products.createdAt} desc`, products.id)
    .limit(options.products);
  // A run tag keeps certificate numbers unique when the bench loads twice into one database.
  const run = randomInt(1000, 10_000);
  const certificateRows: CertificateInsert[] = rows.map((row, index) => {
    const issuedOn = addDays(options.today, -(index % 900));
    return {
      id: randomUUID(),
      provinceCode,
      number: `${index + 1}/GCN-PORTAL-${run}`,
      year: Number(issuedOn.slice(0, 4)),
      source: 'legacy' as const,
      productId: row.productId,
      producerId: row.producerId,
      productName: row.productName,
      producerName: row.producerName,
      stars: 3 + (index % 3),
      regimeCode: issuedOn >= '2026-05-22' ? '26/2026' : '148/2023',
      issuerLevel: 'province' as const,
      issuerName: 'Ủy ban nhân dân tỉnh Sơn La',
      issuerUnitCode: provinceCode,
      decisionNumber: `${100 + (index % 9000)}/QĐ-UBND`,
      decisionDate: issuedOn,
      issuedOn,
      expiresOn: termEnd(issuedOn, 36),
      createdAt: new Date(`${issuedOn}T03:00:00Z`),
    };
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < certificateRows.length; i += 1_000) await tx.insert(certificates).values(certificateRows.slice(i, i + 1_000));
  });
  await queryRows(db, sql`analyze products, certificates`);
  return { products: registry.products, certificates: certificateRows.length, ms: Math.round(performance.now() - started) };
}
