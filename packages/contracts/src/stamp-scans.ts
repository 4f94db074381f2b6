import { SCAN_AGENT_CLASSES, SUSPICION_REASONS } from '@ocop/domain/traceability';
import { z } from 'zod';
import { isoDate } from './common';

/**
 * The scan analytics and the fake reports of trace stamps (issue 14 item 6), for the back office.
 * A producer's members see their own stamps, a commune officer the producers of the commune, the
 * province's staff the province.
 */

/** Longest period one analytics request covers (a leap year). */
export const SCAN_ANALYTICS_MAX_DAYS = 366;
/** Period when none is given: the last 30 days, today included (Vietnam time). */
export const SCAN_ANALYTICS_DEFAULT_DAYS = 30;
/** Rows of each ranking (by product, lot, commune) and of the suspicious list. */
export const SCAN_ANALYTICS_TOP = 50;

/** A fake report's message and contact, as the public form bounds them. */
export const FAKE_REPORT_MESSAGE_MAX = 1_000;
export const FAKE_REPORT_CONTACT_MAX = 200;
export const FAKE_REPORT_PAGE_SIZE_MAX = 100;

/**
 * `GET /api/traceability/scan-analytics`. Days are Vietnam calendar days, both ends included;
 * `to` defaults to today and `from` to 29 days before `to`. A period longer than 366 days or
 * ending before it starts is refused 422 (`scan_analytics.period_invalid`) with the bound.
 */
export const scanAnalyticsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    productId: z.uuid().optional(),
    lotId: z.uuid().optional(),
  })
  .strict();
export type ScanAnalyticsQuery = z.input<typeof scanAnalyticsQuery>;

export const scanAnalyticsView = z.object({
  from: isoDate,
  to: isoDate,
  totals: z.object({
    /** Scans of the reader's stamps in the period. */
    scans: z.number().int(),
    /** Distinct stamps scanned in the period. */
    stamps: z.number().int(),
    /** The reader's stamps marked suspicious in the period. */
    suspicious: z.number().int(),
    /** Fake reports about the reader's stamps in the period. */
    reports: z.number().int(),
  }),
  /** Every day of the period, in order, zero-filled (a chart needs the gaps). */
  byDay: z.array(z.object({ day: isoDate, scans: z.number().int() })),
  /** The top products, most scanned first. */
  byProduct: z.array(z.object({ productId: z.uuid(), productName: z.string(), scans: z.number().int() })),
  /** The top lots; stamps activated without a lot are not counted here. */
  byLot: z.array(z.object({ lotId: z.uuid(), lotCode: z.string(), productName: z.string(), scans: z.number().int() })),
  /** By the commune of the stamp's producer (2025 map). */
  byCommune: z.array(z.object({ communeCode: z.string(), communeName: z.string(), scans: z.number().int() })),
  /** By the class of the scanning app (Zalo, Facebook, Android, iOS, desktop, bot, other). */
  byAgent: z.array(z.object({ agentClass: z.enum(SCAN_AGENT_CLASSES), scans: z.number().int() })),
  /** The serials marked suspicious in the period, newest first; `serial` in its printed form. */
  suspicious: z.array(
    z.object({
      serial: z.string(),
      productName: z.string(),
      lotCode: z.string().nullable(),
      scans: z.number().int(),
      reason: z.enum(SUSPICION_REASONS),
      markedAt: z.string(),
    }),
  ),
});
export type ScanAnalyticsView = z.infer<typeof scanAnalyticsView>;

/** `GET /api/traceability/fake-reports`: newest first. */
export const fakeReportListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(FAKE_REPORT_PAGE_SIZE_MAX).default(20),
    productId: z.uuid().optional(),
  })
  .strict();
export type FakeReportListQuery = z.input<typeof fakeReportListQuery>;

export const fakeReportView = z.object({
  id: z.uuid(),
  /** The printed form (with its check character) when the stamp exists; the text as typed otherwise. */
  serial: z.string(),
  productName: z.string(),
  lotCode: z.string().nullable(),
  reportedAt: z.string(),
  message: z.string(),
  contact: z.string().nullable(),
  /** The coarse place of the reporter (from the trusted proxy header), when configured. */
  place: z.string().nullable(),
  agentClass: z.enum(SCAN_AGENT_CLASSES),
});
export type FakeReportView = z.infer<typeof fakeReportView>;

export const fakeReportPage = z.object({
  items: z.array(fakeReportView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FakeReportPage = z.infer<typeof fakeReportPage>;
