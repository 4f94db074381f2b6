import {
  createStampOrderBody,
  customStampLayout,
  stampChangeView,
  stampLayoutList,
  stampListBody,
  stampListView,
  stampOrderListQuery,
  stampOrderPage,
  stampOrderView,
  stampRangeBody,
  stampRangeQuery,
  stampSheetQuery,
  stampVoidListBody,
  stampVoidRangeBody,
  stampView,
  type StampOrderView,
} from '@ocop/contracts/stamps';
import {
  formatStampSerial,
  STAMP_LAYOUT_PRESETS,
  STAMP_LAYOUT_PRESET_NAMES,
  STAMP_SERIAL_INPUT_MAX,
  type StampLayout,
  stampLink,
} from '@ocop/domain/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { StampSheets } from './stamp-sheet';
import type { StampSteps } from './stamp-steps';
import type { StampOrderWithState, StampService } from './stamp.service';

const TAG = ['Truy xuất nguồn gốc / Traceability'];
const params = z.object({ orderId: z.uuid() });
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** Stamp orders, their stamps, activation and voiding, and the print sheets, over HTTP. */
export function stampRoutes(deps: {
  orders: StampService;
  steps: StampSteps;
  sheets: StampSheets;
  publicUrl: string;
}): FastifyPluginAsyncZod {
  const { orders, steps, sheets, publicUrl } = deps;
  return async (app) => {
    app.get(
      '/traceability/stamp-layouts',
      {
        config: { access: capability('stamps.order') },
        schema: { tags: TAG, summary: 'The named label layouts a print sheet may use (or `custom`)', response: { 200: stampLayoutList } },
      },
      async () => ({
        items: STAMP_LAYOUT_PRESET_NAMES.map((name) => {
          const layout: StampLayout = STAMP_LAYOUT_PRESETS[name];
          return layout.kind === 'sheet'
            ? {
                name,
                kind: layout.kind,
                perPage: layout.rows * layout.columns,
                labelWidthMm: layout.labelWidthMm,
                labelHeightMm: layout.labelHeightMm,
              }
            : { name, kind: layout.kind, perPage: 1, labelWidthMm: layout.rollWidthMm, labelHeightMm: layout.labelHeightMm };
        }),
      }),
    );

    app.post(
      '/traceability/stamp-orders',
      {
        config: { access: capability('stamps.order') },
        schema: {
          tags: TAG,
          summary: 'Order N stamps (1 to 10,000,000) for a product and optionally a lot; they are issued by a job (202)',
          body: createStampOrderBody,
          response: { 202: stampOrderView },
        },
      },
      async (request, reply) =>
        reply.status(202).send(toOrderView(await orders.orderStamps(actorOf(request), request.body, auditContextOf(request)))),
    );

    app.get(
      '/traceability/stamp-orders',
      {
        config: { access: capability('stamps.order') },
        schema: {
          tags: TAG,
          summary: 'Stamp orders in reach, the latest first',
          querystring: stampOrderListQuery,
          response: { 200: stampOrderPage },
        },
      },
      async (request) => {
        const { page, pageSize, productId, lotId } = request.query;
        const result = await orders.listOrders(actorOf(request), { productId, lotId, page, pageSize });
        return { items: result.items.map(toOrderView), total: result.total, page, pageSize };
      },
    );

    app.get(
      '/traceability/stamp-orders/:orderId',
      {
        config: { access: capability('stamps.order') },
        schema: { tags: TAG, summary: 'One stamp order, with its issuing progress', params, response: { 200: stampOrderView } },
      },
      async (request) => toOrderView(await orders.getOrder(actorOf(request), request.params.orderId)),
    );

    app.get(
      '/traceability/stamp-orders/:orderId/stamps',
      {
        config: { access: capability('stamps.order') },
        schema: {
          tags: TAG,
          summary: 'A page of an issued order’s stamps in sequence order (none while it is issuing)',
          params,
          querystring: stampRangeQuery,
          response: { 200: stampListView },
        },
      },
      async (request) => {
        const { order, stamps } = await orders.listStamps(
          actorOf(request),
          request.params.orderId,
          request.query.from,
          request.query.pageSize,
        );
        return {
          items: stamps.map((stamp) => ({
            serial: formatStampSerial(stamp.serial),
            sequence: stamp.sequence,
            state: stamp.state,
            lotId: stamp.lotId,
            url: stampLink(publicUrl, order, stamp.serial),
          })),
        };
      },
    );

    app.get(
      '/traceability/stamp-orders/:orderId/stamps/:serial',
      {
        config: { access: capability('stamps.order') },
        schema: {
          tags: TAG,
          summary: 'One stamp of an order by its serial as scanned or typed (its sequence number makes a range)',
          params: params.extend({ serial: z.string().max(STAMP_SERIAL_INPUT_MAX) }),
          response: { 200: stampView },
        },
      },
      async (request) => {
        const { order, stamp } = await orders.findStamp(actorOf(request), request.params.orderId, request.params.serial);
        return {
          serial: formatStampSerial(stamp.serial),
          sequence: stamp.sequence,
          state: stamp.state,
          lotId: stamp.lotId,
          url: stampLink(publicUrl, order, stamp.serial),
        };
      },
    );

    app.get(
      '/traceability/stamp-orders/:orderId/sheet.pdf',
      {
        config: { access: capability('stamps.order') },
        schema: {
          tags: TAG,
          summary: 'The print sheet (PDF) of stamps from..to (at most 10,000) on a preset or custom label layout',
          params,
          querystring: stampSheetQuery,
        },
      },
      async (request, reply) => {
        const { layout, from, to, ...rest } = request.query;
        const chosen = layout === 'custom' ? customStampLayout.parse(rest) : layout;
        const sheet = await sheets.printSheet(actorOf(request), request.params.orderId, { layout: chosen, from, to });
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', contentDisposition('inline', `tem-${sheet.from}-${sheet.to}.pdf`));
        reply.header('cache-control', 'private, no-store');
        return reply.send(sheet.bytes);
      },
    );

    app.post(
      '/traceability/stamp-orders/:orderId/activation',
      {
        config: { access: capability('stamps.activate') },
        schema: {
          tags: TAG,
          summary: 'Activate an order’s stamps from..to at packing, optionally attaching a lot (all or nothing)',
          params,
          body: stampRangeBody,
          response: { 200: stampChangeView },
        },
      },
      async (request) => steps.activateRange(actorOf(request), request.params.orderId, request.body, auditContextOf(request)),
    );

    app.post(
      '/traceability/stamp-orders/:orderId/voiding',
      {
        config: { access: capability('stamps.activate') },
        schema: {
          tags: TAG,
          summary: 'Void an order’s stamps from..to with an optional reason kept in the audit log (all or nothing)',
          params,
          body: stampVoidRangeBody,
          response: { 200: stampChangeView },
        },
      },
      async (request) => steps.voidRange(actorOf(request), request.params.orderId, request.body, auditContextOf(request)),
    );

    app.post(
      '/traceability/stamps/activation',
      {
        config: { access: capability('stamps.activate') },
        schema: {
          tags: TAG,
          summary: 'Activate stamps by serials as scanned or typed (at most 10,000), optionally attaching a lot (all or nothing)',
          body: stampListBody,
          response: { 200: stampChangeView },
        },
      },
      async (request) => steps.activateList(actorOf(request), request.body, auditContextOf(request)),
    );

    app.post(
      '/traceability/stamps/voiding',
      {
        config: { access: capability('stamps.activate') },
        schema: {
          tags: TAG,
          summary: 'Void stamps by serials (at most 10,000; all or nothing) with an optional reason kept in the audit log',
          body: stampVoidListBody,
          response: { 200: stampChangeView },
        },
      },
      async (request) => steps.voidList(actorOf(request), request.body, auditContextOf(request)),
    );
  };
}

export function toOrderView(row: StampOrderWithState): StampOrderView {
  return {
    id: row.id,
    productId: row.productId,
    producerId: row.producerId,
    provinceCode: row.provinceCode,
    lotId: row.lotId,
    lotCode: row.lotCode,
    gtin14: row.gtin14,
    quantity: row.quantity,
    issuedCount: row.issuedCount,
    activatedCount: row.activatedCount,
    voidCount: row.voidCount,
    state: row.shownState,
    createdAt: row.createdAt.toISOString(),
    issuedAt: row.issuedAt?.toISOString() ?? null,
  };
}
