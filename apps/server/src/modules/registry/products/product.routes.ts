import { pageOf } from '@ocop/contracts/common';
import {
  changeProductStatusBody,
  createProductBody,
  productExportQuery,
  productListItemView,
  productListQuery,
  productView,
  updateProductBody,
} from '@ocop/contracts/registry';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { ProductService } from './product.service';
import { PRODUCT_COLUMNS, PRODUCT_SHEET_NAME, type ProductSheetRow } from '../imports/product-columns';
import type { RegistryColumn } from '../imports/sheet-columns';
import { EXPORT_CONTENT_TYPES, exportFileName, primedBatches, streamSheet } from '../imports/registry-export';
import { toProductListItemView, toProductSheetRow, toProductView } from '../shared/registry.views';
import type { UnitDirectory } from '../shared/unit-directory';

const TAG = ['Sản phẩm OCOP / Products'];
const productParams = z.object({ productId: z.uuid() });

export function productRoutes(deps: { products: ProductService; units: UnitDirectory; clock: Clock }): FastifyPluginAsyncZod {
  const { products, units, clock } = deps;
  return async (app) => {
    app.get(
      '/products',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary:
            'Products the user may see: filters (commune old or new, producer type, group, set, status) and a search that ignores diacritics',
          querystring: productListQuery,
          response: { 200: pageOf(productListItemView) },
        },
      },
      async (request) => {
        const result = await products.listProducts({ grants: requireActor(request).grants }, request.query);
        return {
          items: await Promise.all(result.items.map((item) => toProductListItemView(item, units))),
          total: result.total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.get(
      '/products/export',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'The filtered list as xlsx or CSV, with the columns of the import template',
          querystring: productExportQuery,
          produces: [EXPORT_CONTENT_TYPES.xlsx, EXPORT_CONTENT_TYPES.csv],
        },
      },
      async (request, reply) => {
        const { format, ...filters } = request.query;
        const actor = { grants: requireActor(request).grants };
        async function* batches() {
          for await (const items of products.iterateProducts(actor, filters)) yield items.map(toProductSheetRow);
        }
        const stream = streamSheet({
          format,
          sheetName: PRODUCT_SHEET_NAME,
          columns: PRODUCT_COLUMNS as unknown as readonly RegistryColumn<ProductSheetRow, string>[],
          batches: await primedBatches(batches()),
        });
        return reply
          .header('content-disposition', `attachment; filename="${exportFileName('san-pham-ocop', clock.now(), format)}"`)
          .header('cache-control', 'no-store')
          .type(EXPORT_CONTENT_TYPES[format])
          .send(stream);
      },
    );

    app.post(
      '/products',
      {
        config: { access: capability('products.write') },
        schema: { tags: TAG, summary: 'Add a product to a producer', body: createProductBody, response: { 201: productView } },
      },
      async (request, reply) => {
        const actor = { grants: requireActor(request).grants };
        const created = await products.createProduct(actor, request.body, auditContextOf(request));
        return reply.status(201).send(await toProductView(await products.getProduct(actor, created.id), units));
      },
    );

    app.get(
      '/products/:productId',
      {
        config: { access: 'authenticated' },
        schema: { tags: TAG, summary: 'One product', params: productParams, response: { 200: productView } },
      },
      async (request) =>
        toProductView(await products.getProduct({ grants: requireActor(request).grants }, request.params.productId), units),
    );

    app.patch(
      '/products/:productId',
      {
        config: { access: capability('products.write') },
        schema: {
          tags: TAG,
          summary: 'Change a product (with the version read; 409 if someone changed it meanwhile)',
          params: productParams,
          body: updateProductBody,
          response: { 200: productView },
        },
      },
      async (request) => {
        const actor = { grants: requireActor(request).grants };
        await products.updateProduct(actor, request.params.productId, request.body, auditContextOf(request));
        return toProductView(await products.getProduct(actor, request.params.productId), units);
      },
    );

    app.post(
      '/products/:productId/status',
      {
        config: { access: capability('products.write') },
        schema: {
          tags: TAG,
          summary: 'Move a product between idea, in development, on sale and withdrawn',
          params: productParams,
          body: changeProductStatusBody,
          response: { 200: productView },
        },
      },
      async (request) => {
        const actor = { grants: requireActor(request).grants };
        await products.changeProductStatus(actor, request.params.productId, request.body, auditContextOf(request));
        return toProductView(await products.getProduct(actor, request.params.productId), units);
      },
    );
  };
}
