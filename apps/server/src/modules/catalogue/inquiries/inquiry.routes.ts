import {
  type InquiryView,
  inquiryListQuery,
  inquiryPage,
  inquiryStatusBody,
  inquiryView,
  producerPageSettings,
  producerPageSettingsBody,
} from '@ocop/contracts/inquiries';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { ProducerPageService } from '../producers/producer-page.service';
import type { InquiryService } from './inquiry.service';
import type { InquiryRow } from './inquiry.tables';

const TAG = ['Hỏi mua / Inquiries'];
const readerOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** The inbox of buyers' inquiries, and the producer's public page settings, in the back office. */
export function inquiryRoutes(inquiries: InquiryService, pages: ProducerPageService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/inquiries',
      {
        config: { access: capability('inquiries.read') },
        schema: {
          tags: TAG,
          summary: 'Buyers’ inquiries in the reader’s reach, new ones first',
          querystring: inquiryListQuery,
          response: { 200: inquiryPage },
        },
      },
      async (request) => {
        const { rows, total, unread } = await inquiries.list(readerOf(request), request.query);
        return { items: rows.map(toView), total, unread, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.get(
      '/inquiries/:inquiryId',
      {
        config: { access: capability('inquiries.read') },
        schema: { tags: TAG, summary: 'One inquiry', params: z.object({ inquiryId: z.uuid() }), response: { 200: inquiryView } },
      },
      async (request) => toView(await inquiries.get(readerOf(request), request.params.inquiryId)),
    );

    app.post(
      '/inquiries/:inquiryId/status',
      {
        config: { access: capability('inquiries.answer') },
        schema: {
          tags: TAG,
          summary: 'Mark an inquiry read, answered or closed (forward only)',
          params: z.object({ inquiryId: z.uuid() }),
          body: inquiryStatusBody,
          response: { 200: inquiryView },
        },
      },
      async (request) =>
        toView(await inquiries.setStatus(readerOf(request), request.params.inquiryId, request.body.status, auditContextOf(request))),
    );

    app.get(
      '/producer-pages/:producerId',
      {
        config: { access: capability('producer_page.manage') },
        schema: {
          tags: TAG,
          summary: 'A producer’s public page settings',
          params: z.object({ producerId: z.uuid() }),
          response: { 200: producerPageSettings },
        },
      },
      async (request) => pages.get(readerOf(request), request.params.producerId),
    );

    app.put(
      '/producer-pages/:producerId',
      {
        config: { access: capability('producer_page.manage') },
        schema: {
          tags: TAG,
          summary: 'Show or hide the producer’s phone number on its public page',
          params: z.object({ producerId: z.uuid() }),
          body: producerPageSettingsBody,
          response: { 200: producerPageSettings },
        },
      },
      async (request) => pages.set(readerOf(request), request.params.producerId, request.body.showPhone, auditContextOf(request)),
    );
  };
}

function toView(row: InquiryRow): InquiryView {
  return {
    id: row.id,
    producerId: row.producerId,
    producerName: row.producerName,
    productId: row.productId,
    productName: row.productName,
    name: row.name,
    contact: row.contact,
    quantity: row.quantity,
    message: row.message,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
  };
}
