import { fakeReportListQuery, fakeReportPage, scanAnalyticsQuery, scanAnalyticsView } from '@ocop/contracts/stamp-scans';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capability, requireActor } from '../../../platform/http/access';
import type { ScanAnalyticsService } from './scan-analytics.service';

const TAG = ['Truy xuất nguồn gốc / Traceability'];

/** The scan analytics and the fake reports, for the back office (its screen draws the charts). */
export function scanRoutes(analytics: ScanAnalyticsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/traceability/scan-analytics',
      {
        config: { access: capability('stamps.scans.read') },
        schema: {
          tags: TAG,
          summary:
            'Scans of the reader’s stamps in a period (≤ 366 days): totals, per day, the top 50 products, lots and communes, the suspicious serials',
          querystring: scanAnalyticsQuery,
          response: { 200: scanAnalyticsView },
        },
      },
      async (request) => analytics.analytics(requireActor(request), request.query),
    );
    app.get(
      '/traceability/fake-reports',
      {
        config: { access: capability('stamps.scans.read') },
        schema: {
          tags: TAG,
          summary: 'Fake-stamp reports consumers sent from the scan page, newest first',
          querystring: fakeReportListQuery,
          response: { 200: fakeReportPage },
        },
      },
      async (request) => analytics.fakeReports(requireActor(request), request.query),
    );
  };
}
