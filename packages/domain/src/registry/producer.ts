import { DomainError } from '../shared/domain-error';

/** Chủ thể OCOP: enterprise (doanh nghiệp), cooperative (HTX), cooperative group (THT), household business (hộ kinh doanh). */
export const PRODUCER_TYPES = ['enterprise', 'cooperative', 'cooperative_group', 'household_business'] as const;
export type ProducerType = (typeof PRODUCER_TYPES)[number];

/** Legal forms of an enterprise under the Law on Enterprises 2020; only enterprises have one. */
export const LEGAL_FORMS = ['llc_single_member', 'llc_multi_member', 'joint_stock', 'private_enterprise', 'partnership'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const PRODUCER_STATUSES = ['active', 'suspended', 'dissolved'] as const;
export type ProducerStatus = (typeof PRODUCER_STATUSES)[number];

/** Vietnamese labels, used by the spreadsheet columns and the web app. */
export const PRODUCER_TYPE_LABELS: Record<ProducerType, string> = {
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household_business: 'Hộ kinh doanh',
};

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  llc_single_member: 'Công ty TNHH một thành viên',
  llc_multi_member: 'Công ty TNHH hai thành viên trở lên',
  joint_stock: 'Công ty cổ phần',
  private_enterprise: 'Doanh nghiệp tư nhân',
  partnership: 'Công ty hợp danh',
};

export const PRODUCER_STATUS_LABELS: Record<ProducerStatus, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng hoạt động',
  dissolved: 'Đã giải thể',
};

/** A legal form is required for an enterprise and meaningless for every other type. */
export function checkLegalForm(type: ProducerType, legalForm: LegalForm | null | undefined): LegalForm | null {
  if (type === 'enterprise') {
    if (!legalForm)
      throw new DomainError('invalid', 'producer.legal_form_required', 'An enterprise needs its legal form.', { field: 'legalForm' });
    return legalForm;
  }
  if (legalForm) {
    throw new DomainError('invalid', 'producer.legal_form_not_applicable', 'Only an enterprise has a legal form.', {
      field: 'legalForm',
      type,
    });
  }
  return null;
}

// Dissolution is final: a producer that starts again is registered again, as the business registry does.
const STATUS_MOVES: Record<ProducerStatus, readonly ProducerStatus[]> = {
  active: ['suspended', 'dissolved'],
  suspended: ['active', 'dissolved'],
  dissolved: [],
};

export function producerStatusMoves(from: ProducerStatus): readonly ProducerStatus[] {
  return STATUS_MOVES[from];
}

export function assertProducerStatusChange(from: ProducerStatus, to: ProducerStatus): void {
  if (!STATUS_MOVES[from].includes(to)) {
    throw new DomainError('conflict', 'producer.status_change_not_allowed', `A producer cannot go from ${from} to ${to}.`, {
      from: PRODUCER_STATUS_LABELS[from],
      to: PRODUCER_STATUS_LABELS[to],
    });
  }
}

/** Oldest founding year accepted; older establishments (traditional craft villages) give the year of registration. */
export const EARLIEST_FOUNDING_YEAR = 1900;

export function checkFoundingYear(year: number | null | undefined, currentYear: number): number | null {
  if (year === null || year === undefined) return null;
  if (!Number.isInteger(year) || year < EARLIEST_FOUNDING_YEAR || year > currentYear) {
    throw new DomainError('invalid', 'producer.founding_year_invalid', 'The founding year is out of range.', {
      field: 'foundingYear',
      min: EARLIEST_FOUNDING_YEAR,
      max: currentYear,
    });
  }
  return year;
}

export function checkMemberCount(count: number | null | undefined): number | null {
  if (count === null || count === undefined) return null;
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
    throw new DomainError('invalid', 'producer.member_count_invalid', 'The number of members must be a whole number from 0.', {
      field: 'memberCount',
    });
  }
  return count;
}

/**
 * Vietnam's bounding box, islands included (Hoàng Sa and Trường Sa reach 117.8° E and 6° N).
 * A coarse check that catches swapped latitude/longitude and points dropped in the sea off Africa (0, 0).
 */
export const VIETNAM_BOUNDS = { minLat: 6.0, maxLat: 23.5, minLng: 102.1, maxLng: 117.9 } as const;

export type GeoPoint = { latitude: number; longitude: number };

/** Both coordinates or neither; inside the box; rounded to 6 decimals (about 0.1 m). */
export function checkLocation(latitude: number | null | undefined, longitude: number | null | undefined): GeoPoint | null {
  const hasLat = latitude !== null && latitude !== undefined;
  const hasLng = longitude !== null && longitude !== undefined;
  if (!hasLat && !hasLng) return null;
  if (!hasLat || !hasLng) {
    throw new DomainError('invalid', 'producer.location_incomplete', 'Give both latitude and longitude, or neither.', {
      field: hasLat ? 'longitude' : 'latitude',
    });
  }
  const b = VIETNAM_BOUNDS;
  if (!Number.isFinite(latitude) || latitude < b.minLat || latitude > b.maxLat) {
    throw new DomainError('invalid', 'producer.location_outside_vietnam', 'The location is outside Vietnam.', { field: 'latitude' });
  }
  if (!Number.isFinite(longitude) || longitude < b.minLng || longitude > b.maxLng) {
    throw new DomainError('invalid', 'producer.location_outside_vietnam', 'The location is outside Vietnam.', { field: 'longitude' });
  }
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A producer's contact phone as digits: mobiles (10 digits) and landlines with their area code
 * (0212 3xxx xxx, 11 digits); "+84" becomes "0". Spaces, dots, dashes and brackets are dropped.
 */
export function normalizeContactPhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!/^0\d{9,10}$/.test(digits)) {
    throw new DomainError('invalid', 'producer.phone_invalid', 'The phone number is not valid.', { field: 'phone', value: raw.trim() });
  }
  return digits;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeContactEmail(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw new DomainError('invalid', 'producer.email_invalid', 'The email address is not valid.', { field: 'email', value: raw.trim() });
  }
  return email;
}
