/**
 * The traceability menu entries, in Vietnamese; spread into `vi.ts`. The screens' own texts are
 * in `features/traceability/traceability-texts.vi.ts`, loaded with those screens: the first
 * load's budget has no room for the texts of pages most users never open.
 */
export const traceabilityVi = {
  'nav.lots': 'Lô sản xuất',
  'nav.traceability': 'Truy xuất nguồn gốc',
  'nav.sites': 'Địa điểm',
  'nav.stamps': 'Tem truy xuất',
  'nav.scans': 'Thống kê quét tem',
};
