import type { Transactions } from '../../../platform/database/transaction';
import {
  assertCanEditProducer,
  assertCanReadProducer,
  assertProducerStatusChange,
  canChangeProducerStatus,
  canCreateProducerIn,
  canEditProducer,
  checkFoundingYear,
  checkLegalForm,
  checkLocation,
  checkMemberCount,
  type LegalForm,
  normalizeContactEmail,
  normalizeContactPhone,
  normalizeRegistrationNumber,
  type ProducerPlace,
  type ProducerStatus,
  type ProducerType,
  vietnamYear,
} from '@ocop/domain/registry';
import { DomainError, escapeLikePattern, foldVietnamese } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock';
import type { AdminUnitService } from '../../geography';
import type { AuditContext, AuditService } from '../../identity';
import { type ProducerRow, producers } from './producer.tables';
import { products } from '../products/product.tables';
import {
  changedFields,
  isUniqueViolation,
  producerScope,
  type RegistryActor,
  searchTerms,
  searchWithTrigramIndex,
  singleProvinceOf,
  type WriteOptions,
} from '../shared/registry-support';
import { LEGACY_MAP_DATE } from '../shared/unit-directory';

export type ProducerService = ReturnType<typeof createProducerService>;

export type ProducerFields = {
  type: ProducerType;
  legalForm?: LegalForm | null | undefined;
  name: string;
  registrationNumber: string;
  communeCode: string;
  legacyCommuneCode?: string | null | undefined;
  address?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  representativeName?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  foundingYear?: number | null | undefined;
  memberCount?: number | null | undefined;
};

export type RegisterProducerInput = ProducerFields & { provinceCode?: string | undefined; status?: ProducerStatus | undefined };
/** Absent fields stay as they are; null clears an optional field. */
export type UpdateProducerInput = Partial<ProducerFields> & { version: number };
export type ProducerStatusInput = { status: ProducerStatus; reason?: string | null | undefined; version: number };

export type ProducerFilters = {
  q?: string | undefined;
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  legacyDistrictCode?: string | undefined;
  type?: ProducerType | undefined;
  status?: ProducerStatus | undefined;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt' | 'registrationNumber' | undefined;
};

export type ProducerWithCount = ProducerRow & { productCount: number };

/** Fields shown in the audit log; everything but the derived search columns. */
const AUDITED: (keyof ProducerRow)[] = [
  'type',
  'legalForm',
  'name',
  'registrationNumber',
  'provinceCode',
  'communeCode',
  'legacyCommuneCode',
  'legacyDistrictCode',
  'address',
  'latitude',
  'longitude',
  'representativeName',
  'phone',
  'email',
  'foundingYear',
  'memberCount',
  'status',
  'statusReason',
  'isDemo',
];

export function placeOfProducer(row: Pick<ProducerRow, 'id' | 'provinceCode' | 'communeCode'>): ProducerPlace {
  return { producerId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode };
}

export function createProducerService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  adminUnits: AdminUnitService;
}) {
  const { transactions, clock, audit, adminUnits } = deps;
  const db = transactions.db;

  /** The checked, normalised values of a producer record, whatever path they came by. */
  async function checkFields(provinceCode: string, fields: ProducerFields) {
    const registrationNumber = normalizeRegistrationNumber(fields.type, fields.registrationNumber);
    const legalForm = checkLegalForm(fields.type, fields.legalForm);
    const location = checkLocation(fields.latitude, fields.longitude);
    const foundingYear = checkFoundingYear(fields.foundingYear, vietnamYear(clock.now()));
    const memberCount = checkMemberCount(fields.memberCount);
    const phone = normalizeContactPhone(fields.phone);
    const email = normalizeContactEmail(fields.email);
    const name = fields.name.trim().replace(/\s+/g, ' ');
    if (name === '') throw new DomainError('invalid', 'request.invalid', 'The name is empty.', { field: 'name' });
    try {
      await adminUnits.assertCommuneInProvince(fields.communeCode, provinceCode);
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(error.kind, error.code, error.message, { ...error.details, field: 'communeCode' });
      throw error;
    }
    const legacy = await legacyPlace(provinceCode, fields.legacyCommuneCode ?? null);
    return {
      type: fields.type,
      legalForm,
      name,
      registrationNumber,
      communeCode: fields.communeCode,
      legacyCommuneCode: legacy.communeCode,
      legacyDistrictCode: legacy.districtCode,
      address: blankToNull(fields.address),
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
      representativeName: blankToNull(fields.representativeName),
      phone,
      email,
      foundingYear,
      memberCount,
      nameFolded: foldVietnamese(name),
      searchFolded: foldVietnamese(`${name} ${registrationNumber}`),
    };
  }

  /**
   * The old commune (2025-03-01 map) and the district it was in. It must have been in this
   * province, or in a province since merged into it (whose code no longer exists).
   */
  async function legacyPlace(provinceCode: string, code: string | null) {
    if (!code) return { communeCode: null, districtCode: null };
    const unit = await adminUnits.findUnit(code, LEGACY_MAP_DATE);
    let fits = unit?.level === 'commune';
    if (fits && unit && unit.provinceCode !== provinceCode) {
      const stillThere = await adminUnits.findUnit(unit.provinceCode, undefined);
      fits = stillThere?.level !== 'province';
    }
    if (!fits || !unit) {
      throw new DomainError('invalid', 'producer.legacy_commune_not_found', 'No such former commune in this province.', {
        field: 'legacyCommuneCode',
        code,
        provinceCode,
      });
    }
    return { communeCode: unit.code, districtCode: unit.parentCode };
  }

  async function assertRegistrationNumberFree(provinceCode: string, registrationNumber: string, exceptId?: string) {
    const conditions = [eq(producers.provinceCode, provinceCode), eq(producers.registrationNumber, registrationNumber)];
    if (exceptId) conditions.push(ne(producers.id, exceptId));
    const [taken] = await db()
      .select({ id: producers.id, name: producers.name })
      .from(producers)
      .where(and(...conditions));
    if (taken) throw registrationNumberTaken(registrationNumber, taken.name);
  }

  async function loadForUpdate(producerId: string): Promise<ProducerRow> {
    const [row] = await db().select().from(producers).where(eq(producers.id, producerId)).for('update');
    if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
    return row;
  }

  /** Writes only if the version is still the one read; the caller has checked everything else. */
  async function saveVersioned(before: ProducerRow, expectedVersion: number, patch: Partial<typeof producers.$inferInsert>) {
    if (before.version !== expectedVersion) throw staleVersion(before.version);
    try {
      const [row] = await db()
        .update(producers)
        .set({ ...patch, version: sql`${producers.version} + 1`, updatedAt: clock.now() })
        .where(and(eq(producers.id, before.id), eq(producers.version, expectedVersion)))
        .returning();
      if (!row) throw staleVersion(before.version);
      return row;
    } catch (error) {
      if (isUniqueViolation(error, 'producers_registration_number_key'))
        throw registrationNumberTaken(String(patch.registrationNumber ?? ''), '');
      throw error;
    }
  }

  /** Products search on their producer's name too; keep that in step after a rename. */
  async function refreshProductSearch(producer: ProducerRow) {
    const rows = await db()
      .select({ id: products.id, nameVi: products.nameVi, nameEn: products.nameEn, code: products.code })
      .from(products)
      .where(eq(products.producerId, producer.id));
    for (const row of rows) {
      await db()
        .update(products)
        .set({ searchFolded: productSearchText(row, producer.name) })
        .where(eq(products.id, row.id));
    }
  }

  function listConditions(actor: RegistryActor, filters: ProducerFilters): SQL[] {
    const conditions: SQL[] = [];
    const scope = producerScope(actor.grants);
    if (scope) conditions.push(scope);
    if (filters.provinceCode) conditions.push(eq(producers.provinceCode, filters.provinceCode));
    if (filters.communeCode)
      conditions.push(or(eq(producers.communeCode, filters.communeCode), eq(producers.legacyCommuneCode, filters.communeCode)) as SQL);
    if (filters.legacyDistrictCode) conditions.push(eq(producers.legacyDistrictCode, filters.legacyDistrictCode));
    if (filters.type) conditions.push(eq(producers.type, filters.type));
    if (filters.status) conditions.push(eq(producers.status, filters.status));
    for (const term of searchTerms(filters.q)) conditions.push(sql`${producers.searchFolded} like ${`%${escapeLikePattern(term)}%`}`);
    return conditions;
  }

  function ordering(sort: ProducerFilters['sort']) {
    switch (sort) {
      case '-name':
        return [desc(producers.nameFolded), desc(producers.id)];
      case 'createdAt':
        return [asc(producers.createdAt), asc(producers.id)];
      case '-createdAt':
        return [desc(producers.createdAt), desc(producers.id)];
      case 'updatedAt':
        return [asc(producers.updatedAt), asc(producers.id)];
      case '-updatedAt':
        return [desc(producers.updatedAt), desc(producers.id)];
      case 'registrationNumber':
        return [asc(producers.registrationNumber), asc(producers.id)];
      default:
        return [asc(producers.nameFolded), asc(producers.id)];
    }
  }

  async function withCounts(rows: ProducerRow[]): Promise<ProducerWithCount[]> {
    if (rows.length === 0) return [];
    const counts = await db()
      .select({ producerId: products.producerId, n: count() })
      .from(products)
      .where(
        inArray(
          products.producerId,
          rows.map((row) => row.id),
        ),
      )
      .groupBy(products.producerId);
    const byId = new Map(counts.map((row) => [row.producerId, Number(row.n)]));
    return rows.map((row) => ({ ...row, productCount: byId.get(row.id) ?? 0 }));
  }

  async function registerProducer(actor: RegistryActor, input: RegisterProducerInput, context: AuditContext, options: WriteOptions) {
    const provinceCode = input.provinceCode ?? singleProvinceOf(actor.grants);
    if (!provinceCode) throw new DomainError('invalid', 'producer.province_required', 'Choose the province.', { field: 'provinceCode' });
    if (!canCreateProducerIn(actor.grants, provinceCode, input.communeCode)) {
      throw new DomainError('forbidden', 'producer.create_not_allowed', 'You may not add a producer here.', {
        provinceCode,
        communeCode: input.communeCode,
      });
    }
    const fields = await checkFields(provinceCode, input);
    await assertRegistrationNumberFree(provinceCode, fields.registrationNumber);
    const now = clock.now();
    const status = input.status ?? 'active';
    let row: ProducerRow | undefined;
    try {
      [row] = await db()
        .insert(producers)
        .values({
          ...fields,
          provinceCode,
          status,
          statusChangedAt: status === 'active' ? null : now,
          isDemo: options.isDemo ?? false,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error, 'producers_registration_number_key')) throw registrationNumberTaken(fields.registrationNumber, '');
      throw error;
    }
    if (!row) throw new Error('insert returned no row');
    if (!options.skipAudit) {
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
      await assertRegistrationNumberFree(before.provinceCode, fields.registrationNumber, before.id);
    }
    const diff = changedFields(before as Record<string, unknown>, { ...before, ...fields } as Record<string, unknown>, AUDITED as string[]);
    if (diff.changed.length === 0) return before;
    const after = await saveVersioned(before, input.version, fields);
    if (after.name !== before.name) await refreshProductSearch(after);
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
    return after;
  }

  return {
    registerProducer: (actor: RegistryActor, input: RegisterProducerInput, context: AuditContext, options: WriteOptions = {}) =>
      transactions.run(() => registerProducer(actor, input, context, options)),

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
      const [row] = await db().select().from(producers).where(eq(producers.id, producerId));
      if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
      assertCanReadProducer(actor.grants, placeOfProducer(row));
      const [withCount] = await withCounts([row]);
      return withCount as ProducerWithCount;
    },

    listProducers: async (actor: RegistryActor, query: ProducerFilters & { page: number; pageSize: number }) => {
      const where = and(...listConditions(actor, query));
      const [rows, total] = await searchWithTrigramIndex(transactions, searchTerms(query.q).length > 0, async () => {
        const page = await db()
          .select()
          .from(producers)
          .where(where)
          .orderBy(...ordering(query.sort))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        const [counted] = await db().select({ n: count() }).from(producers).where(where);
        return [page, Number(counted?.n ?? 0)] as const;
      });
      return { items: await withCounts([...rows]), total };
    },

    /** Every producer matching the filters, in pages, for exports; ids are fixed first so pages do not drift. */
    async *iterateProducers(actor: RegistryActor, filters: ProducerFilters, pageSize = 500): AsyncGenerator<ProducerRow[]> {
      const ids = await db()
        .select({ id: producers.id })
        .from(producers)
        .where(and(...listConditions(actor, filters)))
        .orderBy(...ordering(filters.sort));
      for (let i = 0; i < ids.length; i += pageSize) {
        const chunk = ids.slice(i, i + pageSize).map((row) => row.id);
        const rows = await db().select().from(producers).where(inArray(producers.id, chunk));
        const byId = new Map(rows.map((row) => [row.id, row]));
        yield chunk.map((id) => byId.get(id)).filter((row): row is ProducerRow => row !== undefined);
      }
    },

    /** The producer with this registration number in the province, if any (for imports). */
    findByRegistrationNumber: async (provinceCode: string, registrationNumber: string) => {
      const [row] = await db()
        .select()
        .from(producers)
        .where(
          and(
            eq(producers.provinceCode, provinceCode),
            eq(producers.registrationNumber, registrationNumber.replace(/\s+/g, '').toUpperCase()),
          ),
        );
      return row;
    },

    /** Where a producer sits, for permission checks on what belongs to it (files, documents). */
    placeOf: async (producerId: string): Promise<ProducerPlace> => {
      const [row] = await db()
        .select({ id: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode })
        .from(producers)
        .where(eq(producers.id, producerId));
      if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
      return placeOfProducer(row);
    },

    /** For the identity module: a producer-member grant must name a producer of the user's province. */
    assertExistsInProvince: async (producerId: string, provinceCode: string) => {
      const [row] = await db()
        .select({ id: producers.id })
        .from(producers)
        .where(and(eq(producers.id, producerId), eq(producers.provinceCode, provinceCode)));
      if (!row)
        throw new DomainError('invalid', 'producer.not_found', 'No such producer in this province.', { field: 'producerId', producerId });
    },
  };
}

/** What a product is found by: its names, its code and its producer's name, folded. */
export function productSearchText(product: { nameVi: string; nameEn: string | null; code: string }, producerName: string): string {
  return foldVietnamese([product.nameVi, product.nameEn ?? '', product.code, producerName].filter((part) => part !== '').join(' '));
}

function pick<T>(given: T | null | undefined, current: T | null): T | null {
  return given === undefined ? current : given;
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function staleVersion(currentVersion: number) {
  return new DomainError('conflict', 'producer.stale_version', 'The producer was changed meanwhile.', { currentVersion });
}

function registrationNumberTaken(registrationNumber: string, name: string) {
  return new DomainError('conflict', 'producer.registration_number_taken', 'This registration number is taken in the province.', {
    field: 'registrationNumber',
    registrationNumber,
    name,
  });
}
