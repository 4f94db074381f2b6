import type { traceabilityVi } from './traceability.vi';

/** The traceability menu entries in English; the same keys as `traceability.vi.ts`. */
export const traceabilityEn: Record<keyof typeof traceabilityVi, string> = {
  'nav.lots': 'Production lots',
  'nav.traceability': 'Traceability',
  'nav.sites': 'Sites',
  'nav.stamps': 'Trace stamps',
  'nav.scans': 'Stamp scans',
};
