import { randomUUID } from 'node:crypto';
import { type CapabilityTarget, can, DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import { normalizeSiteGln, type SiteKind, siteLocationUri } from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import { isUniqueViolation } from '../../../platform/database/sql';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { TraceabilityMap, TraceabilityRegistry, TracedProducerPlace } from '../traceability-ports';
import type { SiteFilters, SiteRepository } from './site.repository';
import type { SiteRow } from './site.tables';

export type SiteService = ReturnType<typeof createSiteService>;

export type SiteActor = { userId: string; grants: readonly RoleGrant[] };

/** A site's fields as a client sends them (zod has trimmed and bounded them). */
export type SiteFieldsInput = {
  name: string;
  kind: SiteKind;
  gln?: string | null | undefined;
  communeCode: string;
  address?: string | null | undefined;
};

const AUDITED = ['name', 'kind', 'gln', 'communeCode', 'address', 'locationUri'] as const satisfies readonly (keyof SiteRow)[];

export const siteNotFound = () => new DomainError('not_found', 'site.not_found', 'No such site.');
const producerNotFound = () => new DomainError('not_found', 'producer.not_found', 'No such producer.', { field: 'producerId' });
const glnTaken = (gln: string) => new DomainError('conflict', 'site.gln_taken', 'Another site has this GLN.', { field: 'gln', gln });

const placeOf = (row: { provinceCode: string; producerCommuneCode: string; producerId: string }): CapabilityTarget => ({
  provinceCode: row.provinceCode,
  communeCode: row.producerCommuneCode,
  producerId: row.producerId,
});
const placeOfProducer = (place: TracedProducerPlace): CapabilityTarget => ({
  provinceCode: place.provinceCode,
  communeCode: place.communeCode,
  producerId: place.producerId,
});

/**
 * A producer's sites: its members (and the province's staff) record and correct them with
 * `lots.write`; readers see what `lots.read` reaches, and anything else answers 404. A site's
 * commune is one of the current map in the producer's province; its GLN, if any, is a valid one
 * no other site has. Each write is one ambient transaction with its audit entry.
 */
export function createSiteService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: SiteRepository;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
}) {
  const { transactions, clock, audit, repository, registry, map } = deps;

  async function checkedFields(input: SiteFieldsInput, provinceCode: string) {
    const gln = normalizeSiteGln(input.gln);
    if (gln === undefined) throw new DomainError('invalid', 'site.gln_invalid', 'The GLN is not valid.', { field: 'gln' });
    try {
      await map.assertCommuneInProvince(input.communeCode, provinceCode);
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(error.kind, error.code, error.message, { ...error.details, field: 'communeCode' });
      throw error;
    }
    return { name: input.name.trim(), kind: input.kind, gln, communeCode: input.communeCode, address: input.address?.trim() || null };
  }

  const audited = (row: SiteRow) => Object.fromEntries(AUDITED.map((key) => [key, row[key]]));

  /** The site, if the actor may read it; 404 otherwise. */
  async function readable(actor: SiteActor, siteId: string): Promise<SiteRow> {
    const row = await repository.findById(siteId);
    if (!row || !can(actor.grants, 'lots.read', placeOf(row))) throw siteNotFound();
    return row;
  }

  return {
    getSite: (actor: SiteActor, siteId: string) => transactions.run(() => readable(actor, siteId)),

    /** The site as the steps see it: no rights check (the step service checks the lot's producer). */
    findSite: (siteId: string) => transactions.run(() => repository.findById(siteId)),

    listSites: (actor: SiteActor, query: SiteFilters & { page: number; pageSize: number }) =>
      transactions.run(() => repository.listPage(reachOf(actor.grants, 'lots.read'), query)),

    createSite: (actor: SiteActor, input: SiteFieldsInput & { producerId: string }, context: AuditContext) =>
      transactions.run(async () => {
        const producer = await registry.producerPlace(input.producerId);
        if (!producer || !can(actor.grants, 'lots.read', placeOfProducer(producer))) throw producerNotFound();
        if (!can(actor.grants, 'lots.write', placeOfProducer(producer)))
          throw new DomainError('forbidden', 'auth.forbidden', 'You may not record sites of this producer.');
        const fields = await checkedFields(input, producer.provinceCode);
        if (fields.gln !== null && (await repository.findByGln(fields.gln))) throw glnTaken(fields.gln);
        const id = randomUUID();
        const now = clock.now();
        let row: SiteRow;
        try {
          row = await repository.insert({
            ...fields,
            id,
            producerId: producer.producerId,
            provinceCode: producer.provinceCode,
            producerCommuneCode: producer.communeCode,
            locationUri: siteLocationUri({ id, gln: fields.gln }),
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          });
        } catch (error) {
          if (fields.gln !== null && isUniqueViolation(error, 'producer_sites_gln_key')) throw glnTaken(fields.gln);
          throw error;
        }
        await audit.record(context, {
          action: 'site.created',
          entityType: 'producer_site',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: { producerId: row.producerId, ...audited(row) },
        });
        return row;
      }),

    /** Replaces a site's fields over the revision read (409 when it moved on); the producer stays. */
    updateSite: (actor: SiteActor, siteId: string, input: SiteFieldsInput & { revision: number }, context: AuditContext) =>
      transactions.run(async () => {
        const before = await readable(actor, siteId);
        if (!can(actor.grants, 'lots.write', placeOf(before)))
          throw new DomainError('forbidden', 'auth.forbidden', 'You may not change this site.');
        const stale = () =>
          new DomainError('conflict', 'site.stale_revision', 'The site changed meanwhile.', { revision: before.revision });
        if (before.revision !== input.revision) throw stale();
        const producer = await registry.producerPlace(before.producerId);
        if (!producer) throw siteNotFound();
        const fields = await checkedFields(input, producer.provinceCode);
        if (fields.gln !== null && fields.gln !== before.gln && (await repository.findByGln(fields.gln))) throw glnTaken(fields.gln);
        let after: SiteRow | undefined;
        try {
          after = await repository.saveVersioned(before.id, input.revision, {
            ...fields,
            producerCommuneCode: producer.communeCode,
            locationUri: siteLocationUri({ id: before.id, gln: fields.gln }),
            updatedAt: clock.now(),
          });
        } catch (error) {
          if (fields.gln !== null && isUniqueViolation(error, 'producer_sites_gln_key')) throw glnTaken(fields.gln);
          throw error;
        }
        if (!after) throw stale();
        const was = audited(before);
        const now = audited(after);
        const changed = AUDITED.filter((key) => was[key] !== now[key]);
        await audit.record(context, {
          action: 'site.updated',
          entityType: 'producer_site',
          entityId: after.id,
          provinceCode: after.provinceCode,
          before: { ...Object.fromEntries(changed.map((key) => [key, was[key]])), revision: before.revision },
          after: { ...Object.fromEntries(changed.map((key) => [key, now[key]])), revision: after.revision },
        });
        return after;
      }),
  };
}
