import { gs1CheckDigit } from '@ocop/domain/registry';
import type { RoleGrant } from '@ocop/domain/shared';
import ExcelJS from 'exceljs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { SYSTEM_CONTEXT } from '../modules/identity';
import type { ImportService } from '../modules/registry/imports/import.service';
import type { CellOutput } from '../modules/registry/imports/sheet-columns';
import { PRODUCER_COLUMNS, PRODUCER_SHEET_NAME } from '../modules/registry/imports/producer-columns';
import { PRODUCT_COLUMNS, PRODUCT_SHEET_NAME } from '../modules/registry/imports/product-columns';

/**
 * Spreadsheets for the import benchmark and the large-file tests, built in memory with exceljs's
 * streaming writer (a 20,000-row file is about 1.5 MB and takes well under a second).
 *
 * The benchmark (`npm run bench`) can:
 * 1. create the producers named in `producerRegistrationNumbers` (e.g. by importing
 *    `buildProducersWorkbook`, or through the producer service);
 * 2. upload `buildProductsWorkbook({ rows: 20_000, … })` to `POST /api/imports/products?mode=dry-run`,
 *    then `?mode=commit` (or `POST /api/imports/:id/commit`), waiting on
 *    `modules.registry.imports.idle()` or polling `GET /api/imports/:id`;
 * 3. time both and sample `process.memoryUsage().rss` meanwhile.
 */

export type BenchProductsOptions = {
  rows: number;
  /** Tax codes of existing producers; rows are spread over them in turn. */
  producerRegistrationNumbers: readonly string[];
  /** A product set as the column reads it, e.g. "1.5.1" or "1.5.1 - Chè tươi, chè chế biến". */
  productSet?: string;
  /** 1-based data-row indexes (row 1 = the first row under the header) to spoil, each in a different way. */
  badRows?: readonly number[];
  /** Added to names and GTIN serials so two files do not collide. */
  seed?: number;
  /** Price written as text with thousands separators ("1.200.000"), as spreadsheets from the field often do. */
  pricesAsText?: boolean;
};

/** A valid GTIN-13 (Vietnamese prefix 893) from a serial number. */
export function benchGtin(serial: number): string {
  const body = `893${String(serial % 1_000_000_000).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** 1200000 → "1.200.000", as Vietnamese spreadsheets write amounts. */
function withDots(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

async function writeWorkbook(sheetName: string, headers: readonly string[], rows: Iterable<CellOutput[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** Product rows in the template's columns; the spoiled rows have a bad GTIN, an unknown set and a price that is not a number, in turn. */
export async function buildProductsWorkbook(options: BenchProductsOptions): Promise<Buffer> {
  const keys = PRODUCT_COLUMNS.map((column) => column.key as string);
  const bad = new Map((options.badRows ?? []).map((row, i) => [row, i % 3]));
  const seed = options.seed ?? 0;
  const productSet = options.productSet ?? '1.5.1 - Chè tươi, chè chế biến';
  function* rows(): Generator<CellOutput[]> {
    for (let i = 1; i <= options.rows; i++) {
      const producer = options.producerRegistrationNumbers[(i - 1) % options.producerRegistrationNumbers.length] ?? '';
      const price = 100_000 + (i % 50) * 10_000;
      const values: Record<string, CellOutput> = {
        producerRegistrationNumber: producer,
        nameVi: `Chè Shan tuyết Tà Xùa loại ${seed}-${i}`,
        nameEn: `Ta Xua Shan Tuyet tea grade ${seed}-${i}`,
        productSetId: productSet,
        status: 'Đang bán',
        description: 'Chè búp khô từ cây chè Shan tuyết cổ thụ. (Dữ liệu thử nghiệm)',
        rawMaterial: 'Búp chè Shan tuyết',
        rawMaterialOrigin: 'Xã Tà Xùa, tỉnh Sơn La',
        packaging: 'Hộp giấy',
        netQuantity: '200 g',
        shelfLife: '24 tháng',
        priceMin: options.pricesAsText ? withDots(price) : price,
        priceMax: options.pricesAsText ? withDots(price * 2) : price * 2,
        gtins: benchGtin(seed * 1_000_000 + i),
      };
      const spoil = bad.get(i);
      if (spoil === 0)
        values.gtins = `${benchGtin(seed * 1_000_000 + i).slice(0, 12)}${(Number(benchGtin(seed * 1_000_000 + i).at(-1)) + 1) % 10}`;
      if (spoil === 1) values.productSetId = '9.9.9 - Bộ không tồn tại';
      if (spoil === 2) values.priceMin = 'một trăm nghìn';
      yield keys.map((key) => values[key] ?? null);
    }
  }
  return writeWorkbook(
    PRODUCT_SHEET_NAME,
    PRODUCT_COLUMNS.map((column) => column.header),
    rows(),
  );
}

/** Producer rows (cooperatives in Xã Tà Xùa) with the given tax codes. */
export async function buildProducersWorkbook(options: { registrationNumbers: readonly string[]; communeCode?: string }): Promise<Buffer> {
  const keys = PRODUCER_COLUMNS.map((column) => column.key as string);
  function* rows(): Generator<CellOutput[]> {
    let i = 0;
    for (const registrationNumber of options.registrationNumbers) {
      i++;
      const values: Record<string, CellOutput> = {
        registrationNumber,
        name: `Hợp tác xã Chè Tà Xùa số ${i}`,
        type: 'Hợp tác xã',
        communeCode: options.communeCode ?? '03868',
        address: 'Bản Tà Xùa',
        foundingYear: 2016,
        memberCount: 20,
      };
      yield keys.map((key) => values[key] ?? null);
    }
  }
  return writeWorkbook(
    PRODUCER_SHEET_NAME,
    PRODUCER_COLUMNS.map((column) => column.header),
    rows(),
  );
}

export type ImportRunFigures = {
  status: string;
  ms: number;
  rssStartMB: number;
  rssPeakMB: number;
  eventLoopDelayMaxMs: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: number;
};

/**
 * Runs one import job in-process and measures it: wall time, resident memory at start and at
 * its peak (sampled every 20 ms), and the longest event-loop stall. `grants` act as the
 * importing user (a province admin of the province).
 */
export async function measureImportJob(
  imports: ImportService,
  input: { grants: readonly RoleGrant[]; kind: 'producers' | 'products'; mode: 'dry_run' | 'commit'; bytes: Buffer; provinceCode?: string },
): Promise<ImportRunFigures> {
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  try {
    const job = await imports.start(
      { userId: null, grants: input.grants },
      {
        kind: input.kind,
        mode: input.mode,
        provinceCode: input.provinceCode,
        bytes: input.bytes,
        filename: `${input.kind}.xlsx`,
        mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      SYSTEM_CONTEXT,
    );
    await imports.idle();
    const ms = performance.now() - started;
    const { job: done } = await imports.getJob(input.grants, job.id);
    return {
      status: done.status,
      ms: Math.round(ms),
      rssStartMB: Math.round(rssStart / 2 ** 20),
      rssPeakMB: Math.round(rssPeak / 2 ** 20),
      eventLoopDelayMaxMs: Math.round(lag.max / 1e6),
      created: done.report?.created ?? 0,
      updated: done.report?.updated ?? 0,
      unchanged: done.report?.unchanged ?? 0,
      problems: done.report?.problemCount ?? 0,
    };
  } finally {
    clearInterval(sampler);
    lag.disable();
  }
}
