import {
  assertProducerStatusChange,
  checkFoundingYear,
  checkLegalForm,
  checkLocation,
  checkMemberCount,
  normalizeContactEmail,
  normalizeContactPhone,
  normalizeRegistrationNumber,
} from '@ocop/domain/registry';
import type { ProducerService, RegisterProducerInput } from '../producers/producer.service';
import { BulkItemError } from '../shared/registry-support';
import type { ImportLookupRepository } from './import-lookup.repository';
import { check, given, type ImportPlan, ImportRowError, type PlannedRow, type RowProblem, storedVersion } from './import-plan-types';
import { PRODUCER_COLUMNS, parseProducerRow, type ProducerSheetValues } from './producer-columns';

type ProducerRow = PlannedRow<ProducerSheetValues>;

/** The checks of one row on its own; the registration number it names, normalised, when it is valid. */
function checkProducerCells(row: ProducerRow, currentYear: number): string | undefined {
  const { problems, values: v } = row;
  let number: string | undefined;
  if (v.type && v.registrationNumber) {
    const type = v.type;
    const entered = v.registrationNumber;
    number = check(problems, 'registrationNumber', () => normalizeRegistrationNumber(type, entered));
  }
  if (v.type) {
    const type = v.type;
    check(problems, 'legalForm', () => checkLegalForm(type, v.legalForm));
  }
  check(problems, 'latitude', () => checkLocation(v.latitude, v.longitude));
  check(problems, 'foundingYear', () => checkFoundingYear(v.foundingYear, currentYear));
  check(problems, 'memberCount', () => checkMemberCount(v.memberCount));
  check(problems, 'phone', () => normalizeContactPhone(v.phone));
  check(problems, 'email', () => normalizeContactEmail(v.email));
  return number;
}

/** The fields of a producer row that `apply` writes (absent columns left out). */
function producerFieldsOf(row: ProducerRow) {
  const v = row.values;
  return {
    type: v.type ?? undefined,
    legalForm: given(row, 'legalForm'),
    name: v.name ?? undefined,
    registrationNumber: v.registrationNumber ?? undefined,
    communeCode: v.communeCode ?? undefined,
    legacyCommuneCode: given(row, 'legacyCommuneCode'),
    address: given(row, 'address'),
    latitude: given(row, 'latitude'),
    longitude: given(row, 'longitude'),
    representativeName: given(row, 'representativeName'),
    phone: given(row, 'phone'),
    email: given(row, 'email'),
    foundingYear: given(row, 'foundingYear'),
    memberCount: given(row, 'memberCount'),
  };
}

/** What registering the producer of a checked row that matched none sends. */
function newProducerOf(row: ProducerRow, provinceCode: string): RegisterProducerInput {
  const fields = producerFieldsOf(row);
  if (!fields.type || !fields.name || !fields.registrationNumber || !fields.communeCode)
    throw new Error('a checked row lacks a required value');
  return {
    ...fields,
    type: fields.type,
    name: fields.name,
    registrationNumber: fields.registrationNumber,
    communeCode: fields.communeCode,
    provinceCode,
    status: given(row, 'status') ?? undefined,
  };
}

export function producerImportPlan(service: ProducerService, lookups: ImportLookupRepository): ImportPlan<ProducerSheetValues> {
  return {
    columns: PRODUCER_COLUMNS,
    parse: parseProducerRow,

    plan: async (rows, env) => {
      const normalized = new Map<number, string>();
      const planned: ProducerRow[] = rows.map((row) => {
        const out: ProducerRow = { ...row, existingId: null, problems: [] as RowProblem[] };
        const number = checkProducerCells(out, env.currentYear);
        if (number) normalized.set(row.rowNumber, number);
        return out;
      });
      const existing = await lookups.producersByRegistrationNumber(env.provinceCode, [...new Set(normalized.values())]);
      const firstRowOf = new Map<string, number>();
      for (const row of planned) {
        const number = normalized.get(row.rowNumber);
        if (!number) continue;
        const first = firstRowOf.get(number);
        if (first !== undefined) {
          row.problems.push({ key: 'registrationNumber', code: 'import.duplicate_row', details: { value: number, firstRow: first } });
          continue;
        }
        firstRowOf.set(number, row.rowNumber);
        const stored = existing.get(number);
        if (stored) {
          row.existingId = stored.id;
          const status = given(row, 'status');
          if (status && status !== stored.status) check(row.problems, 'status', () => assertProducerStatusChange(stored.status, status));
        }
      }
      return planned;
    },

    staging: {
      stage: async (rows, env, importId, onChunk) => {
        try {
          await service.stageProducers(
            env.actor,
            rows.map((row) => newProducerOf(row, env.provinceCode)),
            env.context,
            importId,
            onChunk,
          );
        } catch (error) {
          if (error instanceof BulkItemError) throw new ImportRowError(rows[error.index]?.rowNumber ?? 0, error.error);
          throw error;
        }
      },
      discard: (importId, signal) => service.staging.discard(importId, signal),
      recordCreated: (importId, context, signal) => service.staging.recordCreated(importId, context, signal),
    },

    apply: async (row, env) => {
      const fields = producerFieldsOf(row);
      const status = given(row, 'status') ?? undefined;
      if (!row.existingId) {
        await service.registerProducer(env.actor, newProducerOf(row, env.provinceCode), env.context);
        return 'created';
      }
      const before = await storedVersion(lookups, 'producer', row.existingId);
      const after = await service.updateProducer(env.actor, row.existingId, { ...fields, version: before.version }, env.context);
      let changed = after.version !== before.version;
      if (status && status !== after.status) {
        await service.changeProducerStatus(env.actor, row.existingId, { status, version: after.version }, env.context);
        changed = true;
      }
      return changed ? 'updated' : 'unchanged';
    },
  };
}
