import type { RecordStepBody, SiteView, StepDestination } from '@ocop/contracts/traceability';
import type { SiteKind, StepKind } from '@ocop/domain/traceability';
import type { Dayjs } from 'dayjs';
import { type FieldPath, issuePath } from '../../../lib/form-errors';

export type DestinationKind = 'site' | 'salesPoint';

export type StepFormValues = {
  eventTime?: Dayjs | null;
  siteId?: string;
  quantity?: string;
  inputs?: { lotId?: string; quantity?: string }[];
  cartonCount?: number | null;
  quantityPerCarton?: string;
  destinationKind?: DestinationKind;
  destinationSiteId?: string;
  destinationName?: string;
  destinationCommuneCode?: string;
  note?: string | null;
};

export const STEP_FORM_FIELDS = [
  'eventTime',
  'siteId',
  'quantity',
  'inputs',
  'cartonCount',
  'quantityPerCarton',
  'destinationKind',
  'destinationSiteId',
  'destinationName',
  'destinationCommuneCode',
  'note',
] as const;

/** Where each step usually happens, most likely first: the form picks the first such site. */
const USUAL_SITES: Record<StepKind, readonly SiteKind[]> = {
  harvest: ['farm', 'processing'],
  processing: ['processing', 'farm'],
  packing: ['processing', 'warehouse'],
  shipping: ['warehouse', 'processing', 'shop'],
  receiving: ['shop', 'warehouse'],
};

/** The producer's site a step most likely happened at, so most forms need no choice at all. */
export function defaultSiteId(kind: StepKind, sites: readonly SiteView[]): string | undefined {
  for (const usual of USUAL_SITES[kind]) {
    const site = sites.find((candidate) => candidate.kind === usual);
    if (site) return site.id;
  }
  return sites[0]?.id;
}

/** The kinds of step whose form asks for the site it happened at (receiving happens at its destination). */
export const stepHasSite = (kind: StepKind) => kind !== 'receiving';
export const stepHasDestination = (kind: StepKind) => kind === 'shipping' || kind === 'receiving';

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};

/** The time with the phone's own offset: the server stores the instant and shows it in Vietnam time. */
export const eventTimeOf = (value: Dayjs) => value.format('YYYY-MM-DDTHH:mm:ssZ');

function destinationOf(values: StepFormValues): StepDestination {
  if (values.destinationKind === 'site') return { siteId: values.destinationSiteId ?? '' };
  return { name: values.destinationName?.trim() ?? '', communeCode: values.destinationCommuneCode ?? '' };
}

/** The request body of a step form; an empty quantity is left out, so the server takes the lot's. */
export function recordStepBodyOf(kind: StepKind, values: StepFormValues): RecordStepBody {
  const common = {
    ...(values.eventTime ? { eventTime: eventTimeOf(values.eventTime) } : {}),
    ...(text(values.note) ? { note: text(values.note) } : {}),
  };
  const quantity = text(values.quantity);
  const withQuantity = quantity ? { quantity } : {};
  const siteId = values.siteId ?? '';
  switch (kind) {
    case 'harvest':
      return { kind, siteId, ...withQuantity, ...common };
    case 'processing':
      return {
        kind,
        siteId,
        inputs: (values.inputs ?? []).map((input) => ({ lotId: input.lotId ?? '', quantity: input.quantity?.trim() ?? '' })),
        ...withQuantity,
        ...common,
      };
    case 'packing':
      return { kind, siteId, cartonCount: values.cartonCount ?? 0, quantityPerCarton: values.quantityPerCarton?.trim() ?? '', ...common };
    case 'shipping':
      return { kind, siteId, destination: destinationOf(values), ...withQuantity, ...common };
    case 'receiving':
      return { kind, destination: destinationOf(values), ...withQuantity, ...common };
  }
}

const DESTINATION_FIELDS: Record<string, string> = {
  siteId: 'destinationSiteId',
  name: 'destinationName',
  communeCode: 'destinationCommuneCode',
};

/**
 * The form field a body path names: `['inputs', 0, 'quantity']` as is, `destination.name` as
 * `destinationName`; null for a path the form has no field for.
 */
export function stepFieldOfPath(raw: unknown): FieldPath | null {
  const path = issuePath(raw);
  const [head, next] = path;
  if (head === 'destination') {
    const field = typeof next === 'string' ? DESTINATION_FIELDS[next] : undefined;
    return field ?? 'destinationName';
  }
  if (typeof head !== 'string' || !(STEP_FORM_FIELDS as readonly string[]).includes(head)) return null;
  return path.length === 1 ? head : path;
}
