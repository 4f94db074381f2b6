import { criteriaVersionView, regimeSetsView, regimeView } from '@ocop/contracts/evaluation';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CriteriaService } from './criteria.service';
import { toRegimeView, toVersionSummary, toVersionView } from './criteria.views';

const TAG = ['Bộ tiêu chí / Score sheets'];
const regimeParams = z.object({ regimeCode: z.string().max(20) });

/** Reading the regimes and their score sheets: open to every signed-in user (they are public law). */
export function criteriaRoutes(criteria: CriteriaService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluation/regimes',
      {
        config: { access: 'authenticated' },
        schema: { tags: TAG, summary: 'Scoring regimes (decisions), newest first', response: { 200: z.array(regimeView) } },
      },
      async () => {
        const [regimes, published] = await Promise.all([criteria.regimes(), criteria.countPublished()]);
        const inForce = await criteria.regimeInForce().catch(() => null);
        return regimes.map((regime) => toRegimeView(regime, inForce?.code ?? null, published.get(regime.code) ?? 0));
      },
    );

    app.get(
      '/evaluation/regimes/:regimeCode/sets',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'The score sheets of a regime: the published version and any draft of each product set',
          // The regime code holds a slash ('26/2026'); clients send it encoded.
          params: regimeParams,
          querystring: z.object({ superseded: z.stringbool().optional() }),
          response: { 200: regimeSetsView },
        },
      },
      async (request) => {
        const regime = await criteria.regime(request.params.regimeCode);
        const [rows, published, inForce] = await Promise.all([
          criteria.listVersions(regime.code, request.query.superseded ?? false),
          criteria.countPublished(),
          criteria.regimeInForce().catch(() => null),
        ]);
        return {
          regime: toRegimeView(regime, inForce?.code ?? null, published.get(regime.code) ?? 0),
          items: rows.map((row) => toVersionSummary(row, regime)),
        };
      },
    );

    app.get(
      '/evaluation/criteria-versions/:versionId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'One version of a score sheet, with what the validator finds in it',
          params: z.object({ versionId: z.uuid() }),
          response: { 200: criteriaVersionView },
        },
      },
      async (request) => {
        const row = await criteria.version(request.params.versionId);
        return toVersionView(row, await criteria.regime(row.regimeCode));
      },
    );
  };
}
