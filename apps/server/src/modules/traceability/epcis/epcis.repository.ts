import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import type { EventKey } from './epcis-keys';
import {
  type EpcisCaptureRow,
  type EpcisEventInsert,
  type EpcisEventRow,
  type EpcisKeyRole,
  epcisCaptures,
  epcisEventKeys,
  epcisEvents,
} from './epcis.tables';

/** Rows per INSERT: 15 columns × 500 stays far below PostgreSQL's 65,535 parameters. */
const EVENTS_PER_INSERT = 500;
const KEYS_PER_INSERT = 2_000;
const KEYS_PER_LOOKUP = 1_000;

export type CaptureInsert = typeof epcisCaptures.$inferInsert;
export type EventToStore = { row: EpcisEventInsert; keys: EventKey[] };

export function createEpcisRepository({ transactions }: { transactions: Transactions }) {
  const db = () => transactions.db();

  /**
   * An event captured again with an `errorDeclaration` (EPCIS 2.0 §7.4.1.2: the original event
   * with the declaration added, same eventID) amends the stored one, once, and only the same
   * owner's: 1 when it did, 0 for a plain repeat.
   */
  async function declareError(row: EpcisEventInsert): Promise<number> {
    const declaration = (row.event as Record<string, unknown>).errorDeclaration;
    if (declaration === undefined) return 0;
    const owner = row.producerId ? eq(epcisEvents.producerId, row.producerId) : isNull(epcisEvents.producerId);
    const updated = await db()
      .update(epcisEvents)
      .set({ event: sql`${epcisEvents.event} || ${JSON.stringify({ errorDeclaration: declaration })}::jsonb` })
      .where(
        and(
          eq(epcisEvents.eventId, row.eventId),
          eq(epcisEvents.provinceCode, row.provinceCode),
          owner,
          sql`not (${epcisEvents.event} ? 'errorDeclaration')`,
        ),
      )
      .returning({ id: epcisEvents.id });
    return updated.length;
  }

  return {
    insertCapture: async (row: CaptureInsert): Promise<void> => {
      await db().insert(epcisCaptures).values(row);
    },

    finishCapture: async (id: string, fields: Partial<CaptureInsert>): Promise<void> => {
      await db().update(epcisCaptures).set(fields).where(eq(epcisCaptures.id, id));
    },

    findCapture: async (id: string): Promise<EpcisCaptureRow | undefined> => {
      const [row] = await db().select().from(epcisCaptures).where(eq(epcisCaptures.id, id));
      return row;
    },

    /**
     * Stores the events not stored before (by eventID) with their keys, in multi-row INSERTs;
     * returns the eventIDs stored now. A repeat inside the list is stored once.
     */
    insertEvents: async (events: readonly EventToStore[]): Promise<{ stored: string[]; amended: number }> => {
      const stored: string[] = [];
      let amended = 0;
      for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
        const slice = events.slice(i, i + EVENTS_PER_INSERT);
        const rows = await db()
          .insert(epcisEvents)
          .values(slice.map((event) => event.row))
          .onConflictDoNothing({ target: epcisEvents.eventId })
          .returning({ id: epcisEvents.id, eventId: epcisEvents.eventId });
        const inserted = new Set(rows.map((row) => row.eventId));
        for (const event of slice) {
          if (!inserted.has(event.row.eventId)) amended += await declareError(event.row);
        }
        if (rows.length === 0) continue;
        const keysOf = new Map<string, EventKey[]>();
        for (const event of slice) if (!keysOf.has(event.row.eventId)) keysOf.set(event.row.eventId, event.keys);
        const keyRows = rows.flatMap((row) => (keysOf.get(row.eventId) ?? []).map((key) => ({ ...key, eventRowId: row.id })));
        for (let k = 0; k < keyRows.length; k += KEYS_PER_INSERT) {
          await db()
            .insert(epcisEventKeys)
            .values(keyRows.slice(k, k + KEYS_PER_INSERT))
            .onConflictDoNothing();
        }
        stored.push(...rows.map((row) => row.eventId));
      }
      return { stored, amended };
    },

    /** For keys of no product: the producer whose stored events name each (one of them, when several). */
    producersUsingKeys: async (keys: readonly string[]): Promise<Map<string, string>> => {
      const found = new Map<string, string>();
      for (let i = 0; i < keys.length; i += KEYS_PER_LOOKUP) {
        const rows = await db()
          .selectDistinct({ key: epcisEventKeys.key, producerId: epcisEvents.producerId })
          .from(epcisEventKeys)
          .innerJoin(epcisEvents, eq(epcisEvents.id, epcisEventKeys.eventRowId))
          .where(and(inArray(epcisEventKeys.key, keys.slice(i, i + KEYS_PER_LOOKUP)), isNotNull(epcisEvents.producerId)));
        for (const row of rows) if (row.producerId) found.set(row.key, row.producerId);
      }
      return found;
    },

    /** A page of events matching the conditions, in (eventTime, id) order. */
    listEvents: (where: SQL | undefined, limit: number): Promise<EpcisEventRow[]> =>
      db().select().from(epcisEvents).where(where).orderBy(epcisEvents.eventTime, epcisEvents.id).limit(limit),

    /** Events naming any of these keys in any of these roles, in time order; unscoped (callers decide who sees them). */
    eventsNamingKeys: (keys: readonly string[], roles: readonly EpcisKeyRole[], limit: number): Promise<EpcisEventRow[]> =>
      keys.length === 0
        ? Promise.resolve([])
        : db()
            .select()
            .from(epcisEvents)
            .where(
              inArray(
                epcisEvents.id,
                db()
                  .select({ id: epcisEventKeys.eventRowId })
                  .from(epcisEventKeys)
                  .where(and(inArray(epcisEventKeys.key, [...keys]), inArray(epcisEventKeys.role, [...roles]))),
              ),
            )
            .orderBy(epcisEvents.eventTime, epcisEvents.id)
            .limit(limit),

    findEvent: async (eventId: string): Promise<EpcisEventRow | undefined> => {
      const [row] = await db().select().from(epcisEvents).where(eq(epcisEvents.eventId, eventId));
      return row;
    },
  };
}

export type EpcisRepository = ReturnType<typeof createEpcisRepository>;
