import {
  assertCanEditProducer,
  assertCanReadProducer,
  assertProducerStatusChange,
  canChangeProducerStatus,
  canCreateProducerIn,
  canEditProducer,
  canReadProducer,
} from '@ocop/domain/registry';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { EventPublisher } from '../../../platform/domain-events';
import type { AuditContext, AuditService } from '../../identity';
import { changedFields, isUniqueViolation, type RegistryActor, singleProvinceOf, type WriteOptions } from '../shared/registry-support';
import {
  AUDITED,
  blankToNull,
  type ProducerFieldChecks,
  type ProducerFields,
  type ProducerStatusInput,
  pick,
  type RegisterProducerInput,
  registrationNumberInUse,
  registrationNumberTaken,
  staleVersion,
  type UpdateProducerInput,
} from './producer-fields';
import type { ProducerRepository } from './producer.repository';
import type { RegistryEvents } from '../shared/registry-events';
import type { producers, ProducerRow } from './producer.tables';
import { placeOfProducer, productSearchText } from './producer-place';

/** The use cases that change a producer: register, edit, change status. Each runs inside the caller's ambient transaction. */
export function createProducerWrites(deps: {
  producers: ProducerRepository;
  clock: Clock;
  audit: AuditService;
  checks: ProducerFieldChecks;
  events: EventPublisher<RegistryEvents>;
}) {
  const { producers: repository, clock, audit, checks, events } = deps;
  const { checkFields } = checks;

  async function assertRegistrationNumberFree(actor: RegistryActor, provinceCode: string, registrationNumber: string, exceptId?: string) {
    const taken = await repository.findByRegistrationNumber(provinceCode, registrationNumber, exceptId);
    if (!taken) return;
    // A conflict names only a producer the caller may see.
    if (!canReadProducer(actor.grants, placeOfProducer(taken))) throw registrationNumberInUse(registrationNumber);
    throw registrationNumberTaken(registrationNumber, taken.name);
  }

  async function loadForUpdate(producerId: string): Promise<ProducerRow> {
    const row = await repository.findByIdForUpdate(producerId);
    if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
    return row;
  }

  /** Writes only if the version is still the one read; the caller has checked everything else. */
  async function saveVersioned(before: ProducerRow, expectedVersion: number, patch: Partial<typeof producers.$inferInsert>) {
    if (before.version !== expectedVersion) throw staleVersion(before.version);
    try {
      const row = await repository.saveVersioned(before.id, expectedVersion, { ...patch, updatedAt: clock.now() });
      if (!row) throw staleVersion(before.version);
      return row;
    } catch (error) {
      if (isUniqueViolation(error, 'producers_registration_number_key'))
        throw registrationNumberInUse(String(patch.registrationNumber ?? ''));
      throw error;
    }
  }

  /** Products search on their producer's name and registration number too; keep that in step after either changes. */
  async function refreshProductSearch(producer: ProducerRow) {
    for (const row of await repository.listProductSearchParts(producer.id)) {
      await repository.saveProductSearchText(row.id, productSearchText(row, producer));
    }
  }

  async function registerProducer(
    actor: RegistryActor,
    input: RegisterProducerInput,
    context: AuditContext,
    options: WriteOptions & { importId?: string },
  ) {
    const provinceCode = input.provinceCode ?? singleProvinceOf(actor.grants);
    if (!provinceCode) throw new DomainError('invalid', 'producer.province_required', 'Choose the province.', { field: 'provinceCode' });
    if (!canCreateProducerIn(actor.grants, provinceCode, input.communeCode)) {
      throw new DomainError('forbidden', 'producer.create_not_allowed', 'You may not add a producer here.', {
        provinceCode,
        communeCode: input.communeCode,
      });
    }
    const status = input.status ?? 'active';
    // A producer starts active; any other status is the province's decision, through its status action.
    if (status !== 'active' && !can(actor.grants, 'producers.change_status', { provinceCode })) {
      throw new DomainError('forbidden', 'producer.status_change_forbidden', 'Only provincial staff may change a producer’s status.', {
        field: 'status',
      });
    }
    const fields = await checkFields(provinceCode, input);
    await assertRegistrationNumberFree(actor, provinceCode, fields.registrationNumber);
    const now = clock.now();
    let row: ProducerRow | undefined;
    try {
      row = await repository.insert({
        ...fields,
        provinceCode,
        status,
        statusChangedAt: status === 'active' ? null : now,
        isDemo: options.isDemo ?? false,
        importId: options.importId ?? null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'producers_registration_number_key')) {
        // A staged row checked its number without a lock: a producer registered meanwhile took it.
        if (options.importId)
          throw new DomainError('conflict', 'import.changed_meanwhile', 'A producer took this number while the import ran.');
        throw registrationNumberInUse(fields.registrationNumber);
      }
      throw error;
    }
    if (!row) throw new Error('insert returned no row');
    // A staged producer's entry is written once its import has completed (producer-staging.ts).
    if (!options.skipAudit && !options.importId) {
      await audit.record(context, {
        action: 'producer.registered',
        entityType: 'producer',
        entityId: row.id,
        provinceCode,
        after: Object.fromEntries(AUDITED.map((key) => [key, row[key]])),
      });
    }
    return row;
  }

  async function updateProducer(
    actor: RegistryActor,
    producerId: string,
    input: UpdateProducerInput,
    context: AuditContext,
    options: WriteOptions,
  ) {
    const before = await loadForUpdate(producerId);
    assertCanEditProducer(actor.grants, placeOfProducer(before));
    if (before.version !== input.version) throw staleVersion(before.version);
    const type = input.type ?? before.type;
    // Changing to another type drops a legal form that only an enterprise has, unless one is given.
    const legalForm = input.legalForm !== undefined ? input.legalForm : type === 'enterprise' ? before.legalForm : null;
    const merged: ProducerFields = {
      type,
      legalForm,
      name: input.name ?? before.name,
      registrationNumber: input.registrationNumber ?? before.registrationNumber,
      communeCode: input.communeCode ?? before.communeCode,
      legacyCommuneCode: input.legacyCommuneCode !== undefined ? input.legacyCommuneCode : before.legacyCommuneCode,
      address: pick(input.address, before.address),
      latitude: pick(input.latitude, before.latitude),
      longitude: pick(input.longitude, before.longitude),
      representativeName: pick(input.representativeName, before.representativeName),
      phone: pick(input.phone, before.phone),
      email: pick(input.email, before.email),
      foundingYear: pick(input.foundingYear, before.foundingYear),
      memberCount: pick(input.memberCount, before.memberCount),
    };
    // Checked before the values are: a member is told it may not change these, not how to write them.
    const reserved = (['type', 'registrationNumber', 'communeCode', 'legacyCommuneCode'] as const).find(
      (key) => (merged[key] ?? null) !== (before[key] ?? null),
    );
    if (reserved && !can(actor.grants, 'producers.edit_identity', placeOfProducer(before))) {
      throw new DomainError('forbidden', 'producer.field_reserved', 'Only officers change a producer’s type, number and commune.', {
        field: reserved,
      });
    }
    const fields = await checkFields(before.provinceCode, merged);
    if (
      fields.communeCode !== before.communeCode &&
      !canEditProducer(actor.grants, { ...placeOfProducer(before), communeCode: fields.communeCode })
    ) {
      throw new DomainError('forbidden', 'producer.move_not_allowed', 'You may not move the producer there.', {
        field: 'communeCode',
        communeCode: fields.communeCode,
      });
    }
    if (fields.registrationNumber !== before.registrationNumber) {
      await assertRegistrationNumberFree(actor, before.provinceCode, fields.registrationNumber, before.id);
    }
    const diff = changedFields(before as Record<string, unknown>, { ...before, ...fields } as Record<string, unknown>, AUDITED as string[]);
    if (diff.changed.length === 0) return before;
    const after = await saveVersioned(before, input.version, fields);
    if (after.name !== before.name || after.registrationNumber !== before.registrationNumber) await refreshProductSearch(after);
    if (!options.skipAudit) {
      await audit.record(context, {
        action: 'producer.updated',
        entityType: 'producer',
        entityId: after.id,
        provinceCode: after.provinceCode,
        before: { ...diff.before, version: before.version },
        after: { ...diff.after, version: after.version },
      });
    }
    return after;
  }

  async function changeStatus(
    actor: RegistryActor,
    producerId: string,
    input: ProducerStatusInput,
    context: AuditContext,
    options: WriteOptions,
  ) {
    const before = await loadForUpdate(producerId);
    assertCanReadProducer(actor.grants, placeOfProducer(before));
    if (!canChangeProducerStatus(actor.grants, before.provinceCode)) {
      throw new DomainError('forbidden', 'producer.status_change_forbidden', 'Only provincial staff may change a producer’s status.');
    }
    if (before.version !== input.version) throw staleVersion(before.version);
    assertProducerStatusChange(before.status, input.status);
    const reason = blankToNull(input.reason);
    const after = await saveVersioned(before, input.version, {
      status: input.status,
      statusReason: reason,
      statusChangedAt: clock.now(),
    });
    if (!options.skipAudit) {
      await audit.record(context, {
        action: 'producer.status_changed',
        entityType: 'producer',
        entityId: after.id,
        provinceCode: after.provinceCode,
        before: { status: before.status, statusReason: before.statusReason, version: before.version },
        after: { status: after.status, statusReason: after.statusReason, version: after.version },
      });
    }
    await events.publish({
      name: 'registry.producer_status_changed',
      payload: {
        producerId: after.id,
        provinceCode: after.provinceCode,
        from: before.status,
        to: after.status,
        reason: after.statusReason,
      },
    });
    return after;
  }

  return { registerProducer, updateProducer, changeStatus };
}
