/**
 * The penalty scores of ISO/IEC 18004 §7.8.3, by which an encoder picks one of the 8 data masks:
 * runs of 5 or more modules of one colour in a row or column (3, plus 1 per module past 5), 2 × 2
 * blocks of one colour (3 each), the 1:1:3:1:1 finder look-alike with 4 light modules on one side
 * (40 each), and the dark share's distance from half (10 per whole 5 %).
 *
 * `maskScores` scores all 8 masks in one pass: each module is a byte whose bit m is its colour
 * under mask m, so one byte operation tests a rule for the 8 symbols at once, and each finding
 * (a byte of the masks it holds for) is counted in a 256-entry histogram, spread over the masks at
 * the end. `qrPenalty` is the same rules on one symbol, the plain way; the tests hold them equal.
 */

// Histograms of findings, by the byte of masks they hold for; reused (a process renders one code at a time).
const runCells = new Uint32Array(256);
const runStarts = new Uint32Array(256);
const blocks = new Uint32Array(256);
const lookAlikes = new Uint32Array(256);
const darkCells = new Uint32Array(256);

/** 1:0:1:1:1:0:1 with 4 light after it, or 4 light before it, over 11 modules w0..w10 (bytes of 8 masks). */
function lookAlike(
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  w4: number,
  w5: number,
  w6: number,
  w7: number,
  w8: number,
  w9: number,
  w10: number,
): void {
  // Both patterns have the core's dark, light, dark at positions 4 to 6.
  const core = w4 & ~w5 & w6 & 0xff;
  if (core === 0) return;
  const before = core & w0 & ~w1 & w2 & w3 & ~w7 & ~w8 & ~w9 & ~w10;
  const after = core & ~w0 & ~w1 & ~w2 & ~w3 & w7 & w8 & ~w9 & w10;
  lookAlikes[before & 0xff] = (lookAlikes[before & 0xff] as number) + 1;
  lookAlikes[after & 0xff] = (lookAlikes[after & 0xff] as number) + 1;
}

/**
 * One line (a row, or a column with `step` = size) of `planes` from `start`: runs and look-alikes.
 * `runCells` counts modules ending a same-colour stretch of 5 or more (L − 4 per run of L), and
 * `runStarts` each such run once; a run of L scores (L − 4) + 2 = L − 2 = 3 + (L − 5).
 */
function scoreLine(planes: Uint8Array, start: number, step: number, size: number): void {
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let p4 = 0;
  let previous = 0;
  for (let k = 0, at = start; k < size; k++, at += step) {
    const cell = planes[at] as number;
    if (k >= 4) {
      const stretch = ~(cell ^ p1) & ~(p1 ^ p2) & ~(p2 ^ p3) & ~(p3 ^ p4) & 0xff;
      runCells[stretch] = (runCells[stretch] as number) + 1;
      const begins = stretch & ~previous & 0xff;
      runStarts[begins] = (runStarts[begins] as number) + 1;
      previous = stretch;
    }
    if (k >= 10)
      lookAlike(
        planes[at - 10 * step] as number,
        planes[at - 9 * step] as number,
        planes[at - 8 * step] as number,
        planes[at - 7 * step] as number,
        planes[at - 6 * step] as number,
        planes[at - 5 * step] as number,
        p4,
        p3,
        p2,
        p1,
        cell,
      );
    p4 = p3;
    p3 = p2;
    p2 = p1;
    p1 = cell;
  }
}

/** The penalty of each of the 8 masks; `planes[i]` holds module i's colour under mask m in bit m. */
export function maskScores(planes: Uint8Array, size: number): number[] {
  runCells.fill(0);
  runStarts.fill(0);
  blocks.fill(0);
  lookAlikes.fill(0);
  darkCells.fill(0);
  for (let row = 0; row < size; row++) {
    const base = row * size;
    scoreLine(planes, base, 1, size);
    for (let column = 0; column < size; column++) {
      const a = planes[base + column] as number;
      darkCells[a] = (darkCells[a] as number) + 1;
      if (row < size - 1 && column < size - 1) {
        const same =
          ~(a ^ (planes[base + column + 1] as number)) &
          ~(a ^ (planes[base + size + column] as number)) &
          ~(a ^ (planes[base + size + column + 1] as number)) &
          0xff;
        blocks[same] = (blocks[same] as number) + 1;
      }
    }
  }
  for (let column = 0; column < size; column++) scoreLine(planes, column, size, size);

  const points = [0, 0, 0, 0, 0, 0, 0, 0];
  const dark = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let v = 1; v < 256; v++) {
    const score = (runCells[v] as number) + 2 * (runStarts[v] as number) + 3 * (blocks[v] as number) + 40 * (lookAlikes[v] as number);
    const count = darkCells[v] as number;
    if (score === 0 && count === 0) continue;
    for (let m = 0; m < 8; m++)
      if ((v >> m) & 1) {
        points[m] = (points[m] as number) + score;
        dark[m] = (dark[m] as number) + count;
      }
  }
  return points.map((p, m) => p + 10 * Math.floor(Math.abs(((dark[m] as number) * 100) / (size * size) - 50) / 5));
}

/** The penalty of one masked symbol (1 dark, 0 light), rule by rule; a rolling 11-bit window finds the look-alikes. */
export function qrPenalty(dark: Uint8Array, size: number): number {
  let points = 0;
  let darkCount = 0;
  // Rows: runs, look-alikes, and the 2 × 2 blocks whose top left is in this row.
  for (let row = 0; row < size; row++) {
    const base = row * size;
    let run = 0;
    let last = -1;
    let window = 0;
    for (let column = 0; column < size; column++) {
      const bit = dark[base + column] as number;
      darkCount += bit;
      if (bit === last) run++;
      else {
        if (run >= 5) points += run - 2;
        run = 1;
        last = bit;
      }
      window = ((window << 1) & 0x7ff) | bit;
      if (column >= 10 && (window === 0x5d0 || window === 0x05d)) points += 40;
      if (row < size - 1 && column < size - 1) {
        const block =
          bit + (dark[base + column + 1] as number) + (dark[base + size + column] as number) + (dark[base + size + column + 1] as number);
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (run >= 5) points += run - 2;
  }
  // Columns: runs and look-alikes.
  for (let column = 0; column < size; column++) {
    let run = 0;
    let last = -1;
    let window = 0;
    for (let index = column, row = 0; row < size; row++, index += size) {
      const bit = dark[index] as number;
      if (bit === last) run++;
      else {
        if (run >= 5) points += run - 2;
        run = 1;
        last = bit;
      }
      window = ((window << 1) & 0x7ff) | bit;
      if (row >= 10 && (window === 0x5d0 || window === 0x05d)) points += 40;
    }
    if (run >= 5) points += run - 2;
  }
  const percent = (darkCount * 100) / (size * size);
  return points + 10 * Math.floor(Math.abs(percent - 50) / 5);
}
