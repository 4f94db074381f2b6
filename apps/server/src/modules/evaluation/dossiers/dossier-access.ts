import type { DossierParty } from '@ocop/domain/evaluation';
import { can, DomainError, reachOf } from '@ocop/domain/shared';
import type { DossierActor } from './dossier-ports';
import type { DossierReach, DossierRepository } from './dossier.repository';
import type { DossierRow } from './dossier.tables';

export const dossierNotFound = () => new DomainError('not_found', 'dossier.not_found', 'No such dossier.');

const placeOf = (row: Pick<DossierRow, 'provinceCode' | 'communeCode' | 'producerId'>) => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
  producerId: row.producerId,
});

/**
 * Who may see and move a dossier. A council member's province-wide read of the registry does not
 * open every dossier: only those of the councils the member sits on.
 */
export function createDossierAccess(repository: DossierRepository) {
  const withoutCouncil = (actor: DossierActor) => actor.grants.filter((grant) => grant.role !== 'council_member');
  const isCouncilMember = (actor: DossierActor) => actor.grants.some((grant) => grant.role === 'council_member');

  async function mayRead(actor: DossierActor, row: DossierRow): Promise<boolean> {
    if (can(withoutCouncil(actor), 'dossiers.read', placeOf(row))) return true;
    if (!isCouncilMember(actor) || !row.councilId || !actor.userId) return false;
    return (
      can(actor.grants, 'dossiers.read', placeOf(row)) &&
      repository.isCouncilMember(row.councilId, actor.userId, ['chair', 'member', 'secretary', 'advisory'])
    );
  }

  return {
    mayRead,

    /** The board's reach: the grants' places, plus the dossiers of the councils a council member sits on. */
    reach: (actor: DossierActor): DossierReach => {
      const reach = reachOf(withoutCouncil(actor), 'dossiers.read');
      if (reach === 'all') return 'all';
      return { ...reach, councilMemberUserId: isCouncilMember(actor) ? actor.userId : null };
    },

    /** Whether the actor acts for this party on this dossier. */
    holdsParty: async (actor: DossierActor, row: DossierRow, party: DossierParty): Promise<boolean> => {
      switch (party) {
        case 'producer':
          return can(actor.grants, 'dossiers.file', placeOf(row));
        case 'commune':
          return can(actor.grants, 'dossiers.assess', placeOf(row));
        case 'secretariat':
          return can(actor.grants, 'dossiers.manage', placeOf(row));
        case 'council':
          // The chair closes the scoring; the secretariat may do it for the council.
          if (can(actor.grants, 'dossiers.manage', placeOf(row))) return true;
          return !!row.councilId && !!actor.userId && repository.isCouncilMember(row.councilId, actor.userId, ['chair']);
      }
    },
  };
}

export type DossierAccess = ReturnType<typeof createDossierAccess>;
