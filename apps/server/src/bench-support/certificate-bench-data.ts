import { addDays, REMINDER_KINDS, REMINDER_OFFSETS, reminderDueOn, termEnd } from '@ocop/domain/certification';
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { type CertificateInsert, certificateReminders, certificates } from '../modules/certification/certificates/certificate.tables';
import { producers } from '../modules/registry/producers/producer.tables';
import { products } from '../modules/registry/products/product.tables';
import { type Database, queryRows } from '../platform/database/database';
import { insertRegistryBenchData } from './registry-bench-data';

const YEAR_DAYS = 365;

/**
 * Synthetic certificates for the daily-job benchmark: `certificates` certificates of one province,
 * one per product of `insertRegistryBenchData` (a producer has three products; four in five
 * producers have a mobile phone), as a province would hold them on `today`:
 * - 87% issued on a day spread evenly over the last three years (so they expire over the next three),
 * - 10% issued three to six years ago (expired long since), 3% of the current ones superseded,
 * - 1.5% issued together by one decision whose certificates reach 180 days before expiry today,
 * and every reminder whose day came before `today` already recorded with its short messages sent,
 * as a job that ran every day would have left them. About 350 reminders fall due on `today` at
 * 20,000 certificates. Batched INSERTs, bypassing the services; not for production data.
 */
export async function insertCertificateBenchData(
  db: Database,
  options: { certificates: number; today: string; provinceCode?: string; seed?: number },
): Promise<{ certificates: number; remindersBefore: number; producers: number; ms: number }> {
  const started = performance.now();
  const provinceCode = options.provinceCode ?? '14';
  const { today } = options;
  const random = seededRandom(options.seed ?? 36);
  const registry = await insertRegistryBenchData(db, {
    products: options.certificates,
    producers: Math.ceil(options.certificates / 3),
    provinceCode,
    seed: options.seed ?? 36,
  });
  // Four in five producers with a mobile number, the same on every run (derived from the id).
  await queryRows(
    db,
    sql`
    update producers set phone = case when abs(hashtext(id::text)) % 5 <> 0
      then '09' || lpad((abs(hashtext(id::text || 'phone')) % 100000000)::text, 8, '0') end
    where province_code = ${provinceCode} and is_demo`,
  );
  const rows = await db
    .select({ productId: products.id, productName: products.nameVi, producerId: producers.id, producerName: producers.name })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(eq(products.provinceCode, provinceCode))
    .orderBy(sql`${products.createdAt} desc`, products.id)
    .limit(options.certificates);

  const batchIssuedOn = `${Number(today.slice(0, 4)) - 3}${addDays(today, 181).slice(4)}`; // expires today + 180
  const batch = Math.round(options.certificates * 0.015);
  const certificateRows: (CertificateInsert & { id: string })[] = rows.map((row, index) => {
    const roll = random();
    const issuedOn =
      index < batch
        ? batchIssuedOn
        : roll < 0.1
          ? addDays(today, -(3 * YEAR_DAYS + 31 + Math.floor(random() * 3 * YEAR_DAYS)))
          : addDays(today, -Math.floor(random() * (3 * YEAR_DAYS + 31)));
    return {
      id: randomUUID(),
      provinceCode,
      number: `${index + 1}/GCN-BENCH-${provinceCode}-${issuedOn.slice(0, 4)}`,
      year: Number(issuedOn.slice(0, 4)),
      source: 'legacy' as const,
      productId: row.productId,
      producerId: row.producerId,
      productName: row.productName,
      producerName: row.producerName,
      stars: 3 + Math.floor(random() * 3),
      regimeCode: issuedOn >= '2026-05-22' ? '26/2026' : '148/2023',
      issuerLevel: 'province' as const,
      issuerName: 'Ủy ban nhân dân tỉnh Sơn La',
      issuerUnitCode: provinceCode,
      decisionNumber: `${100 + Math.floor(random() * 9000)}/QĐ-UBND`,
      decisionDate: issuedOn,
      issuedOn,
      expiresOn: termEnd(issuedOn, 36),
      createdAt: new Date(`${issuedOn}T03:00:00Z`),
    };
  });
  // A few current certificates were replaced by a newer one (the sweep leaves them out).
  for (const row of certificateRows)
    if (row.expiresOn >= today && random() < 0.03) Object.assign(row, { supersededById: randomUUID(), supersededOn: addDays(today, -10) });

  // What a daily job left: each reminder whose day came before today, sent, its short messages too.
  const sentAt = new Date(`${addDays(today, -1)}T00:00:00Z`);
  const reminderRows = certificateRows.flatMap((row) =>
    REMINDER_OFFSETS.flatMap((offset, index) => {
      const dueOn = reminderDueOn(row.expiresOn, offset);
      const kind = REMINDER_KINDS[index];
      return dueOn < today && dueOn > row.issuedOn && kind ? [{ certificateId: row.id, kind, dueOn, sentAt, channelsSentAt: sentAt }] : [];
    }),
  );
  await db.transaction(async (tx) => {
    for (let i = 0; i < certificateRows.length; i += 1_000) await tx.insert(certificates).values(certificateRows.slice(i, i + 1_000));
    for (let i = 0; i < reminderRows.length; i += 2_000) await tx.insert(certificateReminders).values(reminderRows.slice(i, i + 2_000));
  });
  await queryRows(db, sql`analyze producers, products, certificates, certificate_reminders`);
  return {
    certificates: certificateRows.length,
    remindersBefore: reminderRows.length,
    producers: registry.producers,
    ms: Math.round(performance.now() - started),
  };
}

/** mulberry32, as the registry's builder uses. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
