import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
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
    insertEvents: async (events: readonly EventToStore[]): Promise<string[]> => {
      const stored: string[] = [];
      for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
        const slice = events.slice(i, i + EVENTS_PER_INSERT);
        const rows = await db()
          .insert(epcisEvents)
          .values(slice.map((event) => event.row))
          .onConflictDoNothing({ target: epcisEvents.eventId })
          .returning({ id: epcisEvents.id, eventId: epcisEvents.eventId });
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
      return stored;
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
