import {
  classificationVersionView,
  productSetListQuery,
  productSetListView,
  productSetView,
  updateProductSetBody,
} from '@ocop/contracts/registry';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { ClassificationService } from './classification.service';
import { toProductSetView, toVersionView } from '../shared/registry.views';

const TAG = ['Phân loại sản phẩm / Product classification'];
const productSetParams = z.object({ productSetId: z.uuid() });

export function classificationRoutes(classification: ClassificationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/classification-versions',
      {
        config: { access: 'public' },
        schema: {
          tags: TAG,
          summary: 'Classifications of OCOP products, with their legal basis and dates',
          response: { 200: z.array(classificationVersionView) },
        },
      },
      async () => {
        const [versions, inForce] = await Promise.all([classification.versions(), classification.versionInForce()]);
        return versions.map((row) => toVersionView(row, inForce.code));
      },
    );

    app.get(
      '/product-sets',
      {
        config: { access: 'public' },
        schema: {
          tags: TAG,
          summary: 'Groups and product sets of a classification (the one in force by default), with old ↔ new mappings',
          querystring: productSetListQuery,
          response: { 200: productSetListView },
        },
      },
      async (request) => {
        const result = await classification.listSets(request.query);
        return {
          version: toVersionView(result.version, result.inForceCode),
          groups: result.groups.map(({ versionCode, code, name }) => ({ versionCode, code, name })),
          items: result.items.map(toProductSetView),
        };
      },
    );

    app.get(
      '/product-sets/:productSetId',
      {
        config: { access: 'public' },
        schema: { tags: TAG, summary: 'One product set', params: productSetParams, response: { 200: productSetView } },
      },
      async (request) => toProductSetView(await classification.getSet(request.params.productSetId)),
    );

    app.put(
      '/product-sets/:productSetId',
      {
        config: { access: capability('classification.manage') },
        schema: {
          tags: TAG,
          summary: 'Correct a product set’s name, managing agency or dates (system admin; audited)',
          params: productSetParams,
          body: updateProductSetBody,
          response: { 200: productSetView },
        },
      },
      async (request) => {
        await classification.updateSet(request.params.productSetId, request.body, auditContextOf(request));
        return toProductSetView(await classification.getSet(request.params.productSetId));
      },
    );
  };
}
