import type { CreateProducerBody, ProducerView, UpdateProducerBody } from '@ocop/contracts/registry';
import type { LegalForm, ProducerStatus, ProducerType } from '@ocop/domain/registry';
import { fieldFromDetails } from '../../../lib/form-errors';

export type ProducerFormValues = {
  type?: ProducerType;
  legalForm?: LegalForm | null;
  name?: string;
  registrationNumber?: string;
  provinceCode?: string;
  communeCode?: string;
  legacyCommuneCode?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  representativeName?: string | null;
  phone?: string | null;
  email?: string | null;
  foundingYear?: number | null;
  memberCount?: number | null;
  status?: ProducerStatus;
};

export const PRODUCER_FORM_FIELDS = [
  'type',
  'legalForm',
  'name',
  'registrationNumber',
  'provinceCode',
  'communeCode',
  'legacyCommuneCode',
  'address',
  'latitude',
  'longitude',
  'representativeName',
  'phone',
  'email',
  'foundingYear',
  'memberCount',
  'status',
] as const;

/** Which field a server error on a producer belongs to: the one it names, else by its code. */
export function producerFieldForError(code: string, details: Readonly<Record<string, unknown>>, fields: readonly string[]): string | null {
  const named = fieldFromDetails(details, fields);
  if (named) return named;
  let field: string | null = null;
  if (code === 'producer.tax_code_invalid' || code.startsWith('producer.registration_number')) field = 'registrationNumber';
  else if (code.startsWith('admin_unit.') || code === 'producer.create_not_allowed' || code === 'producer.move_not_allowed')
    field = 'communeCode';
  else if (code === 'producer.legacy_commune_not_found') field = 'legacyCommuneCode';
  else if (code.startsWith('producer.legal_form')) field = 'legalForm';
  else if (code === 'producer.phone_invalid') field = 'phone';
  else if (code === 'producer.email_invalid') field = 'email';
  else if (code === 'producer.founding_year_invalid') field = 'foundingYear';
  else if (code === 'producer.member_count_invalid') field = 'memberCount';
  else if (code.startsWith('producer.location')) field = 'latitude';
  else if (code === 'producer.province_required' || code === 'province.not_served' || code === 'province.outside_scope')
    field = 'provinceCode';
  return field && fields.includes(field) ? field : null;
}

export function valuesFromProducer(producer: ProducerView): ProducerFormValues {
  return {
    type: producer.type,
    legalForm: producer.legalForm,
    name: producer.name,
    registrationNumber: producer.registrationNumber,
    provinceCode: producer.provinceCode,
    communeCode: producer.communeCode,
    legacyCommuneCode: producer.legacyCommuneCode,
    address: producer.address,
    latitude: producer.latitude,
    longitude: producer.longitude,
    representativeName: producer.representativeName,
    phone: producer.phone,
    email: producer.email,
    foundingYear: producer.foundingYear,
    memberCount: producer.memberCount,
    status: producer.status,
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function number(value: number | null | undefined): number | null {
  return value === undefined || value === null ? null : value;
}

/** The fields both create and update send; cleared optional fields go as null, so they are erased. */
function commonBody(values: ProducerFormValues) {
  const type = values.type as ProducerType;
  return {
    type,
    legalForm: type === 'enterprise' ? (values.legalForm ?? null) : null,
    name: values.name?.trim() ?? '',
    registrationNumber: values.registrationNumber?.trim() ?? '',
    communeCode: values.communeCode ?? '',
    legacyCommuneCode: values.legacyCommuneCode || null,
    address: text(values.address),
    latitude: number(values.latitude),
    longitude: number(values.longitude),
    representativeName: text(values.representativeName),
    phone: text(values.phone),
    email: text(values.email),
    foundingYear: number(values.foundingYear),
    memberCount: number(values.memberCount),
  };
}

export function createBodyOf(values: ProducerFormValues, options: { sendProvince: boolean; sendStatus: boolean }): CreateProducerBody {
  const body: CreateProducerBody = commonBody(values);
  if (options.sendProvince && values.provinceCode) body.provinceCode = values.provinceCode;
  if (options.sendStatus && values.status) body.status = values.status;
  return body;
}

export function updateBodyOf(values: ProducerFormValues, version: number): UpdateProducerBody {
  return { ...commonBody(values), version };
}
