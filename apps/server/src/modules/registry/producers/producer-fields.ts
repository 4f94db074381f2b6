import {
  checkFoundingYear,
  checkLegalForm,
  checkLocation,
  checkMemberCount,
  type LegalForm,
  normalizeContactEmail,
  normalizeContactPhone,
  normalizeRegistrationNumber,
  type ProducerStatus,
  type ProducerType,
  vietnamYear,
} from '@ocop/domain/registry';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { AdminUnitService } from '../../geography';
import { LEGACY_MAP_DATE } from '../shared/unit-directory';
import type { ProducerRow } from './producer.tables';

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

/** Fields shown in the audit log; everything but the derived search columns. */
export const AUDITED: (keyof ProducerRow)[] = [
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

/** Checks and normalises a producer's fields against the rules and the administrative map. */
export function createProducerFieldChecks({ clock, adminUnits }: { clock: Clock; adminUnits: AdminUnitService }) {
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

  return { checkFields };
}

export type ProducerFieldChecks = ReturnType<typeof createProducerFieldChecks>;

export function pick<T>(given: T | null | undefined, current: T | null): T | null {
  return given === undefined ? current : given;
}

export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function staleVersion(currentVersion: number) {
  return new DomainError('conflict', 'producer.stale_version', 'The producer was changed meanwhile.', { currentVersion });
}

/** The number is taken by a producer the caller may not see: the conflict does not name it. */
export function registrationNumberInUse(registrationNumber: string) {
  return new DomainError('conflict', 'producer.registration_number_in_use', 'This registration number is taken in the province.', {
    field: 'registrationNumber',
    registrationNumber,
  });
}

export function registrationNumberTaken(registrationNumber: string, name: string) {
  return new DomainError('conflict', 'producer.registration_number_taken', 'This registration number is taken in the province.', {
    field: 'registrationNumber',
    registrationNumber,
    name,
  });
}
