import type { Transactions } from '../../../platform/database/transaction';
import { assertCanReadProducer, type ProducerPlace } from '@ocop/domain/registry';
import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { EventPublisher } from '../../../platform/domain-events';
import type { AdminUnitService } from '../../geography';
import type { AuditContext, AuditService } from '../../identity';
import { type RegistryActor, searchTerms, searchWithTrigramIndex, type WriteOptions } from '../shared/registry-support';
import {
  createProducerFieldChecks,
  type ProducerStatusInput,
  type RegisterProducerInput,
  type UpdateProducerInput,
} from './producer-fields';
import { placeOfProducer } from './producer-place';
import { createProducerRepository, type ProducerFilters } from './producer.repository';
import type { RegistryEvents } from '../shared/registry-events';
import type { ProducerRow } from './producer.tables';
import { createProducerWrites } from './producer-writes';
import { createProducerStaging } from './producer-staging';
import { AUDITED } from './producer-fields';
import { BulkItemError } from '../shared/registry-support';

export type ProducerService = ReturnType<typeof createProducerService>;
export type { ProducerFields, ProducerStatusInput, RegisterProducerInput, UpdateProducerInput } from './producer-fields';
export type { ProducerFilters } from './producer.repository';
export { placeOfProducer, productSearchText } from './producer-place';

export type ProducerWithCount = ProducerRow & { productCount: number; earliestDocumentValidTo: string | null };

/** Producers registered per short transaction when an import stages them (each row runs every check). */
const STAGED_PRODUCERS_PER_SLICE = 50;

/** Producers: reads here, the writing use cases in producer-writes.ts; each public write is one ambient transaction. */
export function createProducerService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  adminUnits: AdminUnitService;
  events: EventPublisher<RegistryEvents>;
}) {
  const { transactions, clock, audit, adminUnits, events } = deps;
  const repository = createProducerRepository({ transactions });
  const checks = createProducerFieldChecks({ clock, adminUnits });
  const { registerProducer, updateProducer, changeStatus } = createProducerWrites({ producers: repository, clock, audit, checks, events });

  const staging = createProducerStaging({ transactions, audit, audited: AUDITED });

  async function withCounts(rows: ProducerRow[]): Promise<ProducerWithCount[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const byId = await repository.countProducts(ids);
    const validTo = await repository.earliestDocumentValidTo(ids);
    return rows.map((row) => ({ ...row, productCount: byId.get(row.id) ?? 0, earliestDocumentValidTo: validTo.get(row.id) ?? null }));
  }

  return {
    registerProducer: (actor: RegistryActor, input: RegisterProducerInput, context: AuditContext, options: WriteOptions = {}) =>
      transactions.run(() => registerProducer(actor, input, context, options)),

    /**
     * Registers producers for the import `importId`, with the same checks and results as
     * `registerProducer` each, in one short transaction per slice: they stay invisible until the
     * import completes, and their audit entries are written by `staging.recordCreated` then. A
     * failing item throws a BulkItemError naming it.
     */
    stageProducers: async (
      actor: RegistryActor,
      inputs: readonly RegisterProducerInput[],
      context: AuditContext,
      importId: string,
      onSlice?: (rows: number) => Promise<void> | void,
    ) => {
      for (let start = 0; start < inputs.length; start += STAGED_PRODUCERS_PER_SLICE) {
        const slice = inputs.slice(start, start + STAGED_PRODUCERS_PER_SLICE);
        await transactions.run(async () => {
          for (const [offset, input] of slice.entries()) {
            try {
              await registerProducer(actor, input, context, { importId });
            } catch (error) {
              if (error instanceof DomainError) throw new BulkItemError(start + offset, error);
              throw error;
            }
          }
        });
        await onSlice?.(slice.length);
      }
    },

    /** Removal and auditing of the producers an import staged. */
    staging,

    updateProducer: (
      actor: RegistryActor,
      producerId: string,
      input: UpdateProducerInput,
      context: AuditContext,
      options: WriteOptions = {},
    ) => transactions.run(() => updateProducer(actor, producerId, input, context, options)),

    changeProducerStatus: (
      actor: RegistryActor,
      producerId: string,
      input: ProducerStatusInput,
      context: AuditContext,
      options: WriteOptions = {},
    ) => transactions.run(() => changeStatus(actor, producerId, input, context, options)),

    /** One producer the actor may read (otherwise "not found"), with its number of products. */
    getProducer: async (actor: RegistryActor, producerId: string): Promise<ProducerWithCount> => {
      const row = await repository.findById(producerId);
      if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
      assertCanReadProducer(actor.grants, placeOfProducer(row));
      const [withCount] = await withCounts([row]);
      return withCount as ProducerWithCount;
    },

    listProducers: async (actor: RegistryActor, query: ProducerFilters & { page: number; pageSize: number }) => {
      const [rows, total] = await searchWithTrigramIndex(transactions, searchTerms(query.q).length > 0, () =>
        repository.listPage(actor, query),
      );
      return { items: await withCounts([...rows]), total };
    },

    /** Every producer matching the filters, in pages, for exports; ids are fixed first so pages do not drift. */
    async *iterateProducers(actor: RegistryActor, filters: ProducerFilters, pageSize = 500): AsyncGenerator<ProducerRow[]> {
      const ids = await repository.listIds(actor, filters);
      for (let i = 0; i < ids.length; i += pageSize) {
        const chunk = ids.slice(i, i + pageSize);
        const rows = await repository.listByIds(chunk);
        const byId = new Map(rows.map((row) => [row.id, row]));
        yield chunk.map((id) => byId.get(id)).filter((row): row is ProducerRow => row !== undefined);
      }
    },

    /** The producer with this registration number in the province, if any (for imports). */
    findByRegistrationNumber: async (provinceCode: string, registrationNumber: string) => {
      const row = await repository.findByRegistrationNumber(provinceCode, registrationNumber.replace(/\s+/g, '').toUpperCase());
      return row;
    },

    /** Where a producer sits, for permission checks on what belongs to it (files, documents). */
    placeOf: async (producerId: string): Promise<ProducerPlace> => {
      const row = await repository.findPlaceById(producerId);
      if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
      return placeOfProducer(row);
    },

    /** For the identity module: a producer-member grant must name a producer of the user's province. */
    assertExistsInProvince: async (producerId: string, provinceCode: string) => {
      const row = await repository.existsInProvince(producerId, provinceCode);
      if (!row)
        throw new DomainError('invalid', 'producer.not_found', 'No such producer in this province.', { field: 'producerId', producerId });
    },
  };
}
