/**
 * Where the labels of a stamp print sheet go, in millimetres: A4 (or any) sheets of rows × columns
 * of labels, and roll printers with one label per page. Each label holds a QR code of the stamp's
 * Digital Link and its serial in text. A layout a phone could not read is refused with the reason.
 *
 * The smallest module (X-dimension) we print is 0.396 mm, GS1's minimum for a QR Code carrying a
 * GS1 Digital Link URI on a consumer trade item: GS1 General Specifications §5.12.3.1, Symbol
 * Specification Table 1 (X-dimension minimum 0.396 mm, target 0.495 mm, maximum 0.990 mm for GS1 QR
 * Code and for QR Code with a GS1 Digital Link URI). The table's note gives the reason: image
 * capture needs 2D modules 1.5 times the 0.264 mm floor of linear symbols. ISO/IEC 18004 sets no
 * floor of its own. (Until this check we refused only below 0.33 mm, "what phones read", which
 * GS1's table does not allow; some GS1 member organisations now quote 0.375 mm for 2D at retail
 * points of sale: 0.396 mm meets both.) At 300 dpi a module is then about 4.7 printer dots, at
 * 203 dpi 3.2. The quiet zone is at least 4 modules on every side (ISO/IEC 18004 §6.3.8), inside
 * the label.
 */

export const STAMP_LABEL_RULES = {
  /** The smallest QR module printed, in mm. */
  minModuleMm: 0.396,
  /** The thinnest quiet zone, in modules. */
  minQuietZoneModules: 4,
  /** The smallest serial text, in points (1 pt = 0.3528 mm): what a person can still copy. */
  minTextPt: 4,
  /** The largest serial text, in points. */
  maxTextPt: 9,
} as const;

const MM_PER_PT = 25.4 / 72;
/** The mean width of a serial character in ems (Be Vietnam Pro Bold's capitals and digits; the renderer shrinks a wider line to fit). */
const CHARACTER_EM = 0.75;
const LINE_HEIGHT = 1.2;
/** Space between the code and the text, in mm. */
const CODE_TEXT_GAP_MM = 0.8;
/** The printed serial: `XXXXX-XXXXX-XXXXX-XXXXX-C` on one line, or `XXXXX-XXXXX-` / `XXXXX-XXXXX-C` on two. */
const SERIAL_CHARACTERS = 25;
const SERIAL_HALF_CHARACTERS = 13;

export type SheetLayout = {
  kind: 'sheet';
  pageWidthMm: number;
  pageHeightMm: number;
  rows: number;
  columns: number;
  labelWidthMm: number;
  labelHeightMm: number;
  marginTopMm: number;
  marginLeftMm: number;
  gapXMm: number;
  gapYMm: number;
  /** White inside each label's edge, before the code's own quiet zone. */
  paddingMm: number;
  quietZoneModules: number;
};

export type RollLayout = {
  kind: 'roll';
  rollWidthMm: number;
  labelHeightMm: number;
  paddingMm: number;
  quietZoneModules: number;
};

export type StampLayout = SheetLayout | RollLayout;

const A4 = { pageWidthMm: 210, pageHeightMm: 297 } as const;

/** Named layouts for the common label stocks and printers. */
export const STAMP_LAYOUT_PRESETS = {
  /** A4, 5 × 13 labels of 38.1 × 21.2 mm (the 65-up stock, e.g. Avery L7651, Tomy A4 65 nhãn). */
  'a4-65': {
    kind: 'sheet',
    ...A4,
    rows: 13,
    columns: 5,
    labelWidthMm: 38.1,
    labelHeightMm: 21.2,
    marginTopMm: 10.7,
    marginLeftMm: 4.7,
    gapXMm: 2.5,
    gapYMm: 0,
    paddingMm: 0.8,
    quietZoneModules: 4,
  },
  /** A4, 3 × 7 labels of 63.5 × 38.1 mm (the 21-up stock, e.g. Avery L7160). */
  'a4-21': {
    kind: 'sheet',
    ...A4,
    rows: 7,
    columns: 3,
    labelWidthMm: 63.5,
    labelHeightMm: 38.1,
    marginTopMm: 15.1,
    marginLeftMm: 7.2,
    gapXMm: 2.5,
    gapYMm: 0,
    paddingMm: 1.5,
    quietZoneModules: 4,
  },
  /** A roll of 40 × 25 mm labels (desktop thermal printers, 203 or 300 dpi). */
  'roll-40x25': { kind: 'roll', rollWidthMm: 40, labelHeightMm: 25, paddingMm: 1, quietZoneModules: 4 },
  /** A roll of 50 × 30 mm labels. */
  'roll-50x30': { kind: 'roll', rollWidthMm: 50, labelHeightMm: 30, paddingMm: 1.5, quietZoneModules: 4 },
} as const satisfies Record<string, StampLayout>;

export type StampLayoutPreset = keyof typeof STAMP_LAYOUT_PRESETS;
export const STAMP_LAYOUT_PRESET_NAMES = Object.keys(STAMP_LAYOUT_PRESETS) as [StampLayoutPreset, ...StampLayoutPreset[]];

/** A rectangle inside a label, from its top left corner, in mm. */
export type LabelBox = { x: number; y: number; width: number; height: number };

export type LabelGeometry = {
  pageWidthMm: number;
  pageHeightMm: number;
  /** Top left corners of the labels of one page, in reading order. */
  labels: { x: number; y: number }[];
  /** The code's square, its quiet zone included. */
  code: LabelBox & { moduleMm: number; quietZoneModules: number };
  text: LabelBox & { lines: 1 | 2; sizePt: number };
};

export type StampLayoutProblem =
  | { problem: 'quiet_zone_too_thin'; quietZoneModules: number; minimum: number }
  | { problem: 'module_too_small'; moduleMm: number; minimumMm: number; codeMm: number; modules: number }
  | { problem: 'text_too_small'; sizePt: number; minimumPt: number }
  | { problem: 'does_not_fit'; axis: 'width' | 'height'; neededMm: number; pageMm: number };

export type StampLayoutResult = { ok: true; geometry: LabelGeometry } | ({ ok: false } & StampLayoutProblem);

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
// Sums of decimal millimetres drift by a few ulps; a layout that fits exactly must fit.
const EPSILON = 1e-6;

/** The label's size and where the labels of a page go, or why they do not fit it. */
function placeLabels(layout: StampLayout) {
  if (layout.kind === 'roll') {
    const labels = [{ x: 0, y: 0 }];
    return {
      ok: true as const,
      pageWidthMm: layout.rollWidthMm,
      pageHeightMm: layout.labelHeightMm,
      width: layout.rollWidthMm,
      height: layout.labelHeightMm,
      labels,
    };
  }
  const neededWidth = 2 * layout.marginLeftMm + layout.columns * layout.labelWidthMm + (layout.columns - 1) * layout.gapXMm;
  if (neededWidth > layout.pageWidthMm + EPSILON)
    return {
      ok: false as const,
      problem: 'does_not_fit' as const,
      axis: 'width' as const,
      neededMm: round(neededWidth),
      pageMm: layout.pageWidthMm,
    };
  const neededHeight = 2 * layout.marginTopMm + layout.rows * layout.labelHeightMm + (layout.rows - 1) * layout.gapYMm;
  if (neededHeight > layout.pageHeightMm + EPSILON)
    return {
      ok: false as const,
      problem: 'does_not_fit' as const,
      axis: 'height' as const,
      neededMm: round(neededHeight),
      pageMm: layout.pageHeightMm,
    };
  const labels: { x: number; y: number }[] = [];
  for (let row = 0; row < layout.rows; row++)
    for (let column = 0; column < layout.columns; column++)
      labels.push({
        x: layout.marginLeftMm + column * (layout.labelWidthMm + layout.gapXMm),
        y: layout.marginTopMm + row * (layout.labelHeightMm + layout.gapYMm),
      });
  return {
    ok: true as const,
    pageWidthMm: layout.pageWidthMm,
    pageHeightMm: layout.pageHeightMm,
    width: layout.labelWidthMm,
    height: layout.labelHeightMm,
    labels,
  };
}

/** The largest text size (pt, capped) at which `characters` fit `widthMm` on a line of at most `heightMm`. */
function textSize(characters: number, widthMm: number, heightMm: number): number {
  const byWidth = widthMm / (characters * CHARACTER_EM) / MM_PER_PT;
  const byHeight = heightMm / LINE_HEIGHT / MM_PER_PT;
  return Math.min(byWidth, byHeight, STAMP_LABEL_RULES.maxTextPt);
}

/**
 * Lays out the labels of `layout` for QR codes of `qrModules` modules a side (the symbol without its
 * quiet zone: 21 for version 1, 4 more each version). A label wider than 1.8 × its height puts the
 * serial beside the code on two lines; otherwise under it, on one line if that is large enough.
 */
export function layoutStampLabels(layout: StampLayout, qrModules: number): StampLayoutResult {
  const rules = STAMP_LABEL_RULES;
  const quiet = layout.quietZoneModules;
  if (quiet < rules.minQuietZoneModules)
    return { ok: false, problem: 'quiet_zone_too_thin', quietZoneModules: quiet, minimum: rules.minQuietZoneModules };
  const placed = placeLabels(layout);
  if (!placed.ok) return placed;
  const pad = layout.paddingMm;
  const innerWidth = placed.width - 2 * pad;
  const innerHeight = placed.height - 2 * pad;
  const across = qrModules + 2 * quiet;

  let code: LabelGeometry['code'];
  let text: LabelGeometry['text'];
  if (innerWidth >= 1.8 * innerHeight) {
    const side = innerHeight;
    const width = innerWidth - side - CODE_TEXT_GAP_MM;
    const sizePt = textSize(SERIAL_HALF_CHARACTERS, width, side / 2);
    const height = 2 * sizePt * MM_PER_PT * LINE_HEIGHT;
    code = { x: pad, y: pad, width: side, height: side, moduleMm: side / across, quietZoneModules: quiet };
    text = { x: pad + side + CODE_TEXT_GAP_MM, y: pad + (side - height) / 2, width, height, lines: 2, sizePt };
  } else {
    // Below the code: one line when it is at least 5 pt, else two (a narrow label).
    const oneLine = textSize(SERIAL_CHARACTERS, innerWidth, innerHeight);
    const lines: 1 | 2 = oneLine >= 5 ? 1 : 2;
    const sizePt = lines === 1 ? oneLine : textSize(SERIAL_HALF_CHARACTERS, innerWidth, innerHeight);
    const height = lines * sizePt * MM_PER_PT * LINE_HEIGHT;
    const side = Math.max(0, Math.min(innerWidth, innerHeight - height - CODE_TEXT_GAP_MM));
    code = { x: pad + (innerWidth - side) / 2, y: pad, width: side, height: side, moduleMm: side / across, quietZoneModules: quiet };
    text = { x: pad, y: pad + side + CODE_TEXT_GAP_MM, width: innerWidth, height, lines, sizePt };
  }
  if (code.moduleMm < rules.minModuleMm)
    return {
      ok: false,
      problem: 'module_too_small',
      moduleMm: round(code.moduleMm, 3),
      minimumMm: rules.minModuleMm,
      codeMm: round(code.width),
      modules: qrModules,
    };
  if (text.sizePt < rules.minTextPt)
    return { ok: false, problem: 'text_too_small', sizePt: round(text.sizePt, 1), minimumPt: rules.minTextPt };
  return { ok: true, geometry: { pageWidthMm: placed.pageWidthMm, pageHeightMm: placed.pageHeightMm, labels: placed.labels, code, text } };
}

/** The serial text of a label on its lines: the whole printed form, or split after the second group. */
export function labelTextLines(printed: string, lines: 1 | 2): string[] {
  return lines === 1 ? [printed] : [printed.slice(0, 12), printed.slice(12)];
}
