import { saveSelfAssessmentBody, selfAssessmentQuery, selfAssessmentView } from '@ocop/contracts/evaluation';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import { renderSelfAssessmentPdf, selfAssessmentPdfName } from './self-assessment.pdf';
import type { SelfAssessmentService } from './self-assessment.service';
import { toSelfAssessmentView } from './self-assessment.view';

const TAG = ['Tự đánh giá / Self-assessment'];
const productParams = z.object({ productId: z.uuid() });

export function selfAssessmentRoutes(selfAssessments: SelfAssessmentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/products/:productId/self-assessment',
      {
        config: { access: capability('self_assessment.read') },
        schema: {
          tags: TAG,
          summary: 'A product’s self-assessment (Mẫu 02, phần III): answers, score, projected stars and the plan to the next star',
          params: productParams,
          querystring: selfAssessmentQuery,
          response: { 200: selfAssessmentView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const state = await selfAssessments.read(
          { userId: actor.userId, grants: actor.grants },
          request.params.productId,
          request.query.target,
        );
        return toSelfAssessmentView(state);
      },
    );

    app.get(
      '/products/:productId/self-assessment.pdf',
      {
        config: { access: capability('self_assessment.read') },
        schema: {
          tags: TAG,
          summary:
            'The same self-assessment as a PDF: Mẫu 02, phần III, with the plan to the next star (or ?target=N) and a signature block',
          params: productParams,
          querystring: selfAssessmentQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const state = await selfAssessments.read(
          { userId: actor.userId, grants: actor.grants },
          request.params.productId,
          request.query.target,
        );
        const view = toSelfAssessmentView(state);
        const bytes = await renderSelfAssessmentPdf(view, Math.max(...state.sheet.levels));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition('inline', selfAssessmentPdfName(view)))
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    app.put(
      '/products/:productId/self-assessment',
      {
        config: { access: capability('self_assessment.write') },
        schema: {
          tags: TAG,
          summary: 'Saves the whole set of answers (a draft; the screen saves on every change)',
          params: productParams,
          querystring: selfAssessmentQuery,
          body: saveSelfAssessmentBody,
          response: { 200: selfAssessmentView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const state = await selfAssessments.save(
          { userId: actor.userId, grants: actor.grants },
          request.params.productId,
          request.body,
          auditContextOf(request),
          request.query.target,
        );
        return toSelfAssessmentView(state);
      },
    );
  };
}
