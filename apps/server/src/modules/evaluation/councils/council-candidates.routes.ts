import { can, DomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import type { DossierPeople } from '../dossiers/dossier-ports';

const candidateView = z.object({ id: z.uuid(), fullName: z.string(), email: z.string().nullable() });

/**
 * Who the secretariat may seat on a council of its province: users holding the council-member role
 * there (chair and members), and province staff (secretary, advisory team). The users page is the
 * administrators'; officers who set councils up need only this list.
 */
export function councilCandidateRoutes(people: DossierPeople): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluation/council-candidates',
      {
        config: { access: capability('councils.manage') },
        schema: {
          tags: ['Hội đồng / Councils'],
          summary: 'Users of a province who may sit on its councils: council members, and province staff for secretary and advisory seats',
          querystring: z.object({ provinceCode: z.string().regex(/^\d{2}$/) }),
          response: { 200: z.object({ members: z.array(candidateView), staff: z.array(candidateView) }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { provinceCode } = request.query;
        if (!can(actor.grants, 'councils.manage', { provinceCode }))
          throw new DomainError('forbidden', 'province.outside_scope', 'Outside the province of your role.', { provinceCode });
        const [members, staff] = await Promise.all([
          people.holders(['council_member'], { provinceCode }),
          people.holders(['province_officer', 'province_admin'], { provinceCode }),
        ]);
        const plain = (list: typeof members) => list.map(({ id, fullName, email }) => ({ id, fullName, email }));
        return { members: plain(members), staff: plain(staff) };
      },
    );
  };
}
