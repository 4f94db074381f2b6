import type { InquiryStatus } from '@ocop/domain/catalogue';
import type { CapabilityReach } from '@ocop/domain/shared';
import { and, count, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
import { lockUntilCommit } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { producerPageSettings } from '../producers/producer-page.tables';
import { type InquiryInsert, type InquiryRow, inquiries, inquiryKeys } from './inquiry.tables';

export type InquiryRepository = ReturnType<typeof createInquiryRepository>;

/** The rows a reader's reach covers; null when it covers none. */
function reachFilter(reach: CapabilityReach): SQL | null | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(inquiries.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes)
    parts.push(and(eq(inquiries.provinceCode, commune.provinceCode), eq(inquiries.communeCode, commune.communeCode)) as SQL);
  if (reach.producerIds.length > 0) parts.push(inArray(inquiries.producerId, reach.producerIds));
  return parts.length === 0 ? null : (or(...parts) as SQL);
}

/** The only SQL on inquiries, their form keys and the producers' page settings; always on the ambient handle. */
export function createInquiryRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    /** The form keys; made once (two processes starting together: the first insert wins, both read it). */
    keys: async (fresh: { formKey: string; addressSalt: string; at: Date }) => {
      await db()
        .insert(inquiryKeys)
        .values({ id: 1, formKey: fresh.formKey, addressSalt: fresh.addressSalt, createdAt: fresh.at })
        .onConflictDoNothing();
      const [row] = await db().select().from(inquiryKeys).where(eq(inquiryKeys.id, 1));
      if (!row) throw new Error('inquiry keys missing after insert');
      return row;
    },

    /** Serialises the inquiries to one producer until the transaction ends, so its daily cap holds under a flood. */
    lockProducer: async (producerId: string) => {
      await lockUntilCommit(db(), `inquiries:${producerId}`);
    },

    /** Serialises the inquiries from one address (hashed) in every process, so their count is exact. */
    lockAddress: async (addressHash: string) => {
      await lockUntilCommit(db(), `inquiries-from:${addressHash}`);
    },

    countFromAddressSince: async (addressHash: string, since: Date): Promise<number> => {
      const [row] = await db()
        .select({ n: count() })
        .from(inquiries)
        .where(and(eq(inquiries.sourceIpHash, addressHash), gte(inquiries.createdAt, since)));
      return Number(row?.n ?? 0);
    },

    countForProducerSince: async (producerId: string, since: Date): Promise<number> => {
      const [row] = await db()
        .select({ n: count() })
        .from(inquiries)
        .where(and(eq(inquiries.producerId, producerId), gte(inquiries.createdAt, since)));
      return Number(row?.n ?? 0);
    },

    insert: async (values: InquiryInsert): Promise<InquiryRow> => {
      const [row] = await db().insert(inquiries).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    findById: async (id: string): Promise<InquiryRow | undefined> => {
      const [row] = await db().select().from(inquiries).where(eq(inquiries.id, id));
      return row;
    },

    /** New ones first, then the latest; with the total and the count of new ones in the reach. */
    list: async (
      reach: CapabilityReach,
      query: { status?: InquiryStatus; producerId?: string; page: number; pageSize: number },
    ): Promise<{ rows: InquiryRow[]; total: number; unread: number }> => {
      const inReach = reachFilter(reach);
      if (inReach === null) return { rows: [], total: 0, unread: 0 };
      const where = and(
        inReach,
        query.status ? eq(inquiries.status, query.status) : undefined,
        query.producerId ? eq(inquiries.producerId, query.producerId) : undefined,
      );
      const rows = await db()
        .select()
        .from(inquiries)
        .where(where)
        .orderBy(desc(sql`(${inquiries.status} = 'new')`), desc(inquiries.createdAt), desc(inquiries.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [totals] = await db()
        .select({ total: count(), unread: sql<number>`count(*) filter (where ${inquiries.status} = 'new')`.mapWith(Number) })
        .from(inquiries)
        .where(where);
      return { rows, total: Number(totals?.total ?? 0), unread: Number(totals?.unread ?? 0) };
    },

    saveStatus: async (id: string, status: InquiryStatus, at: Date, by: string): Promise<InquiryRow | undefined> => {
      const [row] = await db()
        .update(inquiries)
        .set({ status, statusChangedAt: at, statusChangedBy: by })
        .where(eq(inquiries.id, id))
        .returning();
      return row;
    },

    showPhoneOf: async (producerId: string): Promise<boolean> => {
      const [row] = await db()
        .select({ showPhone: producerPageSettings.showPhone })
        .from(producerPageSettings)
        .where(eq(producerPageSettings.producerId, producerId));
      return row?.showPhone ?? false;
    },

    saveShowPhone: async (producerId: string, showPhone: boolean, at: Date, by: string) => {
      await db()
        .insert(producerPageSettings)
        .values({ producerId, showPhone, updatedAt: at, updatedBy: by })
        .onConflictDoUpdate({ target: producerPageSettings.producerId, set: { showPhone, updatedAt: at, updatedBy: by } });
    },
  };
}
