import {
  createSalesPointBody,
  putSalesPointStockBody,
  type SalesPointView,
  salesPointListQuery,
  salesPointPage,
  salesPointStockView,
  salesPointView,
  type StockedProductView,
  stockCandidatesQuery,
  stockCandidatesView,
  updateSalesPointBody,
} from '@ocop/contracts/sales-points';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { CatalogueProduct } from '../catalogue-ports';
import type { CatalogueService } from '../products/catalogue.service';
import type { SalesPointService } from './sales-point.service';
import type { SalesPointRow } from './sales-point.tables';

const TAG = ['Điểm bán / Sales points'];
const params = z.object({ salesPointId: z.uuid() });
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** The register of showcase and sales points, and each point's shelf, over HTTP. */
export function salesPointRoutes(points: SalesPointService, catalogue: CatalogueService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sales-points',
      {
        config: { access: capability('sales_points.read') },
        schema: {
          tags: TAG,
          summary: 'Sales points the reader may see',
          querystring: salesPointListQuery,
          response: { 200: salesPointPage },
        },
      },
      async (request) => {
        const { page, pageSize, status } = request.query;
        const result = await points.listPoints(actorOf(request), { status, page, pageSize });
        return { items: result.items.map(toSalesPointView), total: result.total, page, pageSize };
      },
    );

    app.post(
      '/sales-points',
      {
        config: { access: capability('sales_points.manage') },
        schema: {
          tags: TAG,
          summary: 'Register a showcase or sales point (shop, post-office corner, fair booth, online store)',
          body: createSalesPointBody,
          response: { 201: salesPointView },
        },
      },
      async (request, reply) => {
        const created = await points.createPoint(actorOf(request), request.body, auditContextOf(request));
        return reply.status(201).send(toSalesPointView(created));
      },
    );

    app.get(
      '/sales-points/:salesPointId',
      {
        config: { access: capability('sales_points.read') },
        schema: { tags: TAG, summary: 'One sales point', params, response: { 200: salesPointView } },
      },
      async (request) => toSalesPointView(await points.getPoint(actorOf(request), request.params.salesPointId)),
    );

    app.put(
      '/sales-points/:salesPointId',
      {
        config: { access: capability('sales_points.manage') },
        schema: {
          tags: TAG,
          summary: 'Correct a point’s fields or close it (with the revision read; 409 if someone changed it meanwhile)',
          params,
          body: updateSalesPointBody,
          response: { 200: salesPointView },
        },
      },
      async (request) =>
        toSalesPointView(await points.updatePoint(actorOf(request), request.params.salesPointId, request.body, auditContextOf(request))),
    );

    app.get(
      '/sales-points/:salesPointId/stock',
      {
        config: { access: capability('sales_points.read') },
        schema: { tags: TAG, summary: 'The certified products a point stocks', params, response: { 200: salesPointStockView } },
      },
      async (request) => {
        const stock = await points.getStock(actorOf(request), request.params.salesPointId);
        return {
          salesPointId: stock.point.id,
          items: stock.products.map(toStockedView),
          updatedAt: stock.updatedAt?.toISOString() ?? null,
        };
      },
    );

    app.put(
      '/sales-points/:salesPointId/stock',
      {
        config: { access: capability('sales_points.stock') },
        schema: {
          tags: TAG,
          summary: 'Replace the list of certified products the point stocks (the product page shows the point under “where to buy”)',
          params,
          body: putSalesPointStockBody,
          response: { 200: salesPointStockView },
        },
      },
      async (request) => {
        const stock = await points.putStock(
          actorOf(request),
          request.params.salesPointId,
          request.body.productIds,
          auditContextOf(request),
        );
        return { salesPointId: stock.point.id, items: stock.products.map(toStockedView), updatedAt: stock.updatedAt.toISOString() };
      },
    );

    app.get(
      '/sales-points/:salesPointId/stock-candidates',
      {
        config: { access: capability('sales_points.stock') },
        schema: {
          tags: TAG,
          summary: 'Certified products to add to a point’s shelf, searched as the public catalogue searches',
          params,
          querystring: stockCandidatesQuery,
          response: { 200: stockCandidatesView },
        },
      },
      async (request) => {
        // Reading the point first: an operator of another point gets 404, not the catalogue.
        await points.getPoint(actorOf(request), request.params.salesPointId);
        const found = await catalogue.search({
          q: request.query.q,
          page: 1,
          pageSize: request.query.pageSize,
          lang: 'vi',
        });
        return { items: found.items.map(toStockedView) };
      },
    );
  };
}

function toStockedView(product: CatalogueProduct): StockedProductView {
  return { productId: product.id, name: product.nameVi, producerName: product.producer.name, stars: product.stars, slug: product.slug };
}

export function toSalesPointView({ row, stockCount }: { row: SalesPointRow; stockCount: number }): SalesPointView {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    name: row.name,
    kind: row.kind,
    status: row.status,
    communeCode: row.communeCode,
    legacyDistrictCode: row.legacyDistrictCode,
    address: row.address,
    hours: row.hours,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lon: row.longitude } : null,
    websiteUrl: row.websiteUrl,
    phone: row.phone,
    operatorName: row.operatorName,
    stockCount,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
