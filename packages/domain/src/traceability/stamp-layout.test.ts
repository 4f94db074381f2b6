import { describe, expect, it } from 'vitest';
import { labelTextLines, layoutStampLabels, STAMP_LABEL_RULES, STAMP_LAYOUT_PRESETS, type SheetLayout } from './stamp-layout';

// A Digital Link of about 70 characters (host, GTIN, lot, serial) needs version 5 at level M in byte mode: 37 modules.
const V5 = 37;

const sheet = (overrides: Partial<SheetLayout> = {}): SheetLayout => ({
  kind: 'sheet',
  pageWidthMm: 210,
  pageHeightMm: 297,
  rows: 8,
  columns: 4,
  labelWidthMm: 45,
  labelHeightMm: 30,
  marginTopMm: 10,
  marginLeftMm: 10,
  gapXMm: 3,
  gapYMm: 3,
  paddingMm: 1,
  quietZoneModules: 4,
  ...overrides,
});

describe('stamp label layouts', () => {
  it.each(Object.entries(STAMP_LAYOUT_PRESETS))('accepts the preset %s for a version 5 code', (_name, layout) => {
    const result = layoutStampLabels(layout, V5);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.geometry.code.moduleMm).toBeGreaterThanOrEqual(STAMP_LABEL_RULES.minModuleMm);
    expect(result.geometry.text.sizePt).toBeGreaterThanOrEqual(STAMP_LABEL_RULES.minTextPt);
  });

  it('places the 65 labels of the A4 stock in reading order, inside the page', () => {
    const result = layoutStampLabels(STAMP_LAYOUT_PRESETS['a4-65'], V5);
    if (!result.ok) throw new Error(result.problem);
    const { labels, code, text } = result.geometry;
    expect(labels).toHaveLength(65);
    expect(labels[0]).toEqual({ x: 4.7, y: 10.7 });
    expect(labels[1]?.x).toBeCloseTo(4.7 + 38.1 + 2.5);
    expect(labels[5]).toEqual({ x: 4.7, y: 10.7 + 21.2 });
    const last = labels[64];
    expect((last?.x ?? 0) + 38.1).toBeLessThanOrEqual(210);
    expect((last?.y ?? 0) + 21.2).toBeLessThanOrEqual(297);
    // A wide label: the code at the left, as tall as the label inside its padding, the text beside it on two lines.
    expect(code).toMatchObject({ x: 0.8, y: 0.8, quietZoneModules: 4 });
    expect(code.width).toBeCloseTo(19.6);
    expect(code.moduleMm).toBeCloseTo(19.6 / (37 + 8));
    expect(text.lines).toBe(2);
    expect(text.x).toBeGreaterThan(code.x + code.width);
    expect(text.x + text.width).toBeCloseTo(38.1 - 0.8);
  });

  it('puts the serial under the code on a square label, and keeps both inside it', () => {
    const result = layoutStampLabels(sheet({ labelWidthMm: 30, labelHeightMm: 30, columns: 5 }), V5);
    if (!result.ok) throw new Error(result.problem);
    const { code, text } = result.geometry;
    expect(text.y).toBeGreaterThan(code.y + code.height);
    expect(text.y + text.height).toBeLessThanOrEqual(30 - 1 + 1e-9);
    expect(code.x + code.width).toBeLessThanOrEqual(29);
  });

  it('prints a roll label as one page of the roll’s width', () => {
    const result = layoutStampLabels(STAMP_LAYOUT_PRESETS['roll-40x25'], V5);
    if (!result.ok) throw new Error(result.problem);
    expect(result.geometry).toMatchObject({ pageWidthMm: 40, pageHeightMm: 25, labels: [{ x: 0, y: 0 }] });
  });

  it('refuses 60 stamps of 8 mm on A4: the modules would be far under what a phone reads', () => {
    const result = layoutStampLabels(sheet({ rows: 10, columns: 6, labelWidthMm: 8, labelHeightMm: 8, paddingMm: 0.5 }), V5);
    expect(result).toMatchObject({ ok: false, problem: 'module_too_small', minimumMm: 0.396, modules: 37 });
    if (result.ok || result.problem !== 'module_too_small') return;
    expect(result.moduleMm).toBeLessThan(0.2);
  });

  it('takes a 15 mm tall roll label for a short code and refuses it for a long one', () => {
    const roll = { kind: 'roll', rollWidthMm: 40, labelHeightMm: 15, paddingMm: 0.5, quietZoneModules: 4 } as const;
    expect(layoutStampLabels(roll, 25).ok).toBe(true); // version 2: 14 / 33 = 0.42 mm
    // Version 3: 14 / 37 = 0.378 mm, under GS1's 0.396 mm (SST 1); version 5: 14 / 45 = 0.31 mm.
    expect(layoutStampLabels(roll, 29)).toMatchObject({ ok: false, problem: 'module_too_small', minimumMm: 0.396 });
    expect(layoutStampLabels(roll, V5)).toMatchObject({ ok: false, problem: 'module_too_small' });
  });

  it('refuses a quiet zone under 4 modules', () => {
    expect(layoutStampLabels(sheet({ quietZoneModules: 3 }), V5)).toEqual({
      ok: false,
      problem: 'quiet_zone_too_thin',
      quietZoneModules: 3,
      minimum: 4,
    });
  });

  it('refuses labels that do not fit the page, naming the side and the millimetres', () => {
    expect(layoutStampLabels(sheet({ columns: 5 }), V5)).toEqual({
      ok: false,
      problem: 'does_not_fit',
      axis: 'width',
      neededMm: 257,
      pageMm: 210,
    });
    expect(layoutStampLabels(sheet({ rows: 9 }), V5)).toEqual({
      ok: false,
      problem: 'does_not_fit',
      axis: 'height',
      neededMm: 314,
      pageMm: 297,
    });
    // Exactly the page: fits.
    expect(layoutStampLabels(sheet({ columns: 1, labelWidthMm: 190, rows: 1, labelHeightMm: 277 }), V5).ok).toBe(true);
  });

  it('refuses a serial text too small to copy', () => {
    const narrow = sheet({ labelWidthMm: 12.5, labelHeightMm: 40, columns: 5, rows: 6, paddingMm: 0.5 });
    expect(layoutStampLabels(narrow, 21)).toMatchObject({ ok: false, problem: 'text_too_small', minimumPt: 4 });
  });

  it('splits the printed serial after its second group on two lines', () => {
    expect(labelTextLines('ABCDE-FGHJK-MNPQR-STVWX-7', 2)).toEqual(['ABCDE-FGHJK-', 'MNPQR-STVWX-7']);
    expect(labelTextLines('ABCDE-FGHJK-MNPQR-STVWX-7', 1)).toEqual(['ABCDE-FGHJK-MNPQR-STVWX-7']);
  });
});
