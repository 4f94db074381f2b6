import type { AddCouncilMemberBody, AssignDossiersBody, CreateCouncilBody } from '@ocop/contracts/councils';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { EvaluationActor } from '../self-assessment/self-assessment.service';
import type { CouncilRepository } from './council.repository';
import type { CouncilMemberRow, CouncilRow } from './council.tables';

/** A user as the council needs to know them; identity supplies it (wired in app.ts). */
export type CouncilPerson = { id: string; fullName: string; disabled: boolean; grants: readonly RoleGrant[] };
export type CouncilPeople = { find: (userId: string) => Promise<CouncilPerson | null> };

export type CouncilDetail = CouncilRow & { members: CouncilMemberRow[]; dossiers: { id: string; state: string }[] };
export type CouncilService = ReturnType<typeof createCouncilService>;

/** States in which the secretariat may hand a dossier to a council: before and while it is scored. */
const ASSIGNABLE_STATES: ReadonlySet<string> = new Set(['received', 'advisory_review', 'council_scoring']);
const SCORING_POSITIONS: ReadonlySet<string> = new Set(['chair', 'member']);
const PROVINCE_STAFF_ROLES: ReadonlySet<string> = new Set(['province_admin', 'province_officer']);

const councilNotFound = () => new DomainError('not_found', 'council.not_found', 'No such council.');

/** Whether the person may take this seat on a council of the province; the error says why not. */
function refusalOfSeat(person: CouncilPerson | null, provinceCode: string, position: string): DomainError | null {
  const grants = person && !person.disabled ? person.grants : [];
  const councilHere = grants.some((grant) => grant.role === 'council_member' && grant.provinceCode === provinceCode);
  if (councilHere) return null;
  if (
    !SCORING_POSITIONS.has(position) &&
    grants.some((grant) => PROVINCE_STAFF_ROLES.has(grant.role) && grant.provinceCode === provinceCode)
  )
    return null;
  const elsewhere = grants.find((grant) => grant.role === 'council_member' && grant.provinceCode !== provinceCode);
  if (elsewhere)
    return new DomainError('invalid', 'council.member_of_other_province', 'A council member of another province.', {
      provinceCode: elsewhere.provinceCode ?? '',
    });
  return SCORING_POSITIONS.has(position)
    ? new DomainError('invalid', 'council.user_not_council_member', 'Not a council member of the province.')
    : new DomainError('invalid', 'council.user_not_eligible', 'Neither a council member nor an officer of the province.');
}

/** Councils of a round (Art. 7.3.b), their members, and the dossiers they score. */
export function createCouncilService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CouncilRepository;
  people: CouncilPeople;
}) {
  const { transactions, clock, audit, repository, people } = deps;

  /** The council, if the actor manages councils in its province; else 404. */
  async function managed(actor: EvaluationActor, councilId: string): Promise<CouncilRow> {
    const council = await repository.findCouncil(councilId);
    if (!council || !can(actor.grants, 'councils.manage', { provinceCode: council.provinceCode })) throw councilNotFound();
    return council;
  }

  async function detail(council: CouncilRow): Promise<CouncilDetail> {
    const [members, dossiers] = await Promise.all([repository.listMembers(council.id), repository.listDossiersOfCouncil(council.id)]);
    return { ...council, members, dossiers };
  }

  async function roundOf(actor: EvaluationActor, roundId: string) {
    const round = await repository.findRound(roundId);
    if (!round || !can(actor.grants, 'councils.manage', { provinceCode: round.provinceCode }))
      throw new DomainError('not_found', 'council.round_not_found', 'No such round.');
    return round;
  }

  return {
    create: (actor: EvaluationActor, body: CreateCouncilBody, context: AuditContext) =>
      transactions.run(async () => {
        const round = await roundOf(actor, body.roundId);
        const council = await repository.insertCouncil({
          provinceCode: round.provinceCode,
          roundId: round.id,
          name: body.name,
          establishedBy: body.establishedBy ?? null,
          spreadLimit: body.spreadLimit,
          quorum: body.quorum,
          writtenOpinion: body.writtenOpinion,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await audit.record(context, {
          action: 'council.created',
          entityType: 'council',
          entityId: council.id,
          provinceCode: council.provinceCode,
          after: {
            roundId: round.id,
            name: council.name,
            establishedBy: council.establishedBy,
            spreadLimit: council.spreadLimit,
            quorum: council.quorum,
            writtenOpinion: council.writtenOpinion,
          },
        });
        return detail(council);
      }),

    listOfRound: async (actor: EvaluationActor, roundId: string): Promise<CouncilRow[]> => {
      await roundOf(actor, roundId);
      return repository.listCouncilsOfRound(roundId);
    },

    get: async (actor: EvaluationActor, councilId: string): Promise<CouncilDetail> => detail(await managed(actor, councilId)),

    addMember: (actor: EvaluationActor, councilId: string, body: AddCouncilMemberBody, context: AuditContext) =>
      transactions.run(async () => {
        const council = await managed(actor, councilId);
        const person = await people.find(body.userId);
        const refusal = refusalOfSeat(person, council.provinceCode, body.position);
        if (refusal || !person) throw refusal ?? councilNotFound();
        const members = await repository.listMembers(council.id);
        const chair = members.find((member) => member.position === 'chair');
        if (body.position === 'chair' && chair)
          throw new DomainError('conflict', 'council.chair_exists', 'The council has a chair.', { fullName: chair.fullName });
        const member = await repository.insertMember({
          councilId: council.id,
          userId: person.id,
          fullName: person.fullName,
          title: body.title ?? null,
          position: body.position,
          department: body.department,
        });
        if (!member) throw new DomainError('conflict', 'council.already_member', 'Already on the council.');
        await audit.record(context, {
          action: 'council.member_added',
          entityType: 'council',
          entityId: council.id,
          provinceCode: council.provinceCode,
          after: {
            memberId: member.id,
            userId: person.id,
            fullName: person.fullName,
            position: member.position,
            department: member.department,
          },
        });
        return detail(council);
      }),

    removeMember: (actor: EvaluationActor, councilId: string, memberId: string, context: AuditContext) =>
      transactions.run(async () => {
        const council = await managed(actor, councilId);
        const member = await repository.findMember(council.id, memberId);
        if (!member) throw new DomainError('not_found', 'council.member_not_found', 'No such member.');
        const submitted = await repository.countSubmittedOf(member.id);
        if (submitted > 0)
          throw new DomainError('conflict', 'council.member_has_sheets', 'The member has submitted sheets.', { count: submitted });
        await repository.deleteMember(member.id);
        await audit.record(context, {
          action: 'council.member_removed',
          entityType: 'council',
          entityId: council.id,
          provinceCode: council.provinceCode,
          before: {
            memberId: member.id,
            userId: member.userId,
            fullName: member.fullName,
            position: member.position,
            department: member.department,
          },
        });
        return detail(council);
      }),

    /** Hands dossiers of the council's province and round to it, before or while they are scored. */
    assignDossiers: (actor: EvaluationActor, councilId: string, body: AssignDossiersBody, context: AuditContext) =>
      transactions.run(async () => {
        const council = await managed(actor, councilId);
        const ids = [...new Set(body.dossierIds)];
        const found = new Map((await repository.listDossiers(ids)).map((row) => [row.id, row]));
        const moved: { dossierId: string; from: string | null }[] = [];
        for (const id of ids) {
          const dossier = found.get(id);
          if (!dossier || dossier.provinceCode !== council.provinceCode)
            throw new DomainError('not_found', 'scoring.dossier_not_found', 'No such dossier.', { dossierId: id });
          if (dossier.roundId !== council.roundId || !ASSIGNABLE_STATES.has(dossier.state))
            throw new DomainError('invalid', 'council.dossier_not_assignable', 'Not assignable.', { dossierId: id, state: dossier.state });
          if (dossier.councilId === council.id) continue;
          if (dossier.councilId && (await repository.countSheetsOutside(id, council.id)) > 0)
            throw new DomainError('conflict', 'council.dossier_scored_elsewhere', 'Scored by another council.', { dossierId: id });
          moved.push({ dossierId: id, from: dossier.councilId });
        }
        await repository.assignDossiers(
          moved.map((entry) => entry.dossierId),
          council.id,
        );
        if (moved.length > 0)
          await audit.record(context, {
            action: 'council.dossiers_assigned',
            entityType: 'council',
            entityId: council.id,
            provinceCode: council.provinceCode,
            before: { councils: Object.fromEntries(moved.map((entry) => [entry.dossierId, entry.from])) },
            after: { dossierIds: moved.map((entry) => entry.dossierId) },
          });
        return detail(council);
      }),
  };
}
