import type { DecisionBody } from '@ocop/contracts/dossiers';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { RoundService } from '../rounds/round.service';
import type { DossierCore } from './dossier-core';
import type { DossierActor } from './dossier-ports';
import type { DossierRepository } from './dossier.repository';

/**
 * Recording a decision of the province: a recognition (3★–4★, Art. 7.3.e; or 3★–4★ from the
 * ministry's result, Art. 7.4) or the approval of ≥ 90-point results proposed to the ministry. The
 * whole decision is one transaction: every listed dossier takes its step, or none does.
 */
export function createDossierDecisions(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  rounds: RoundService;
  repository: DossierRepository;
  core: DossierCore;
}) {
  const { transactions, clock, audit, rounds, repository, core } = deps;

  return {
    record: (actor: DossierActor, body: DecisionBody, context: AuditContext) =>
      transactions.run(async () => {
        const round = await rounds.find(body.roundId);
        if (!round || !can(actor.grants, 'dossiers.manage', { provinceCode: round.provinceCode }))
          throw new DomainError('not_found', 'round.not_found', 'No such round.');
        const decision = await repository.insertDecision({
          provinceCode: round.provinceCode,
          roundId: round.id,
          kind: body.kind,
          number: body.number,
          signedOn: body.signedOn,
          signerName: body.signerName ?? null,
          signerTitle: body.signerTitle ?? null,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        if (!decision) throw new DomainError('conflict', 'decision.number_taken', 'The number is taken.', { number: body.number });
        await audit.record(context, {
          action: 'decision.recorded',
          entityType: 'evaluation_decision',
          entityId: decision.id,
          provinceCode: decision.provinceCode,
          after: { number: decision.number, kind: decision.kind, signedOn: decision.signedOn, dossierIds: body.dossierIds },
        });
        for (const dossierId of [...new Set(body.dossierIds)]) {
          const row = await core.readable(actor, dossierId);
          if (row.roundId !== round.id && row.state !== 'proposed_to_ministry')
            throw new DomainError('invalid', 'dossier.other_round', 'Not in the decision’s round.', { dossierId });
          const action =
            body.kind === 'ministry_proposal'
              ? 'propose_to_ministry'
              : row.state === 'proposed_to_ministry'
                ? 'recognise_from_ministry_result'
                : 'recognise';
          const stars = action === 'recognise_from_ministry_result' ? (row.ministryResult?.stars ?? null) : row.resultStars;
          await core.applyStep(
            actor,
            await core.context(actor, row),
            {
              action,
              revision: row.revision,
              decisionRecorded: true,
              change: { decisionId: decision.id, ...(action === 'propose_to_ministry' ? {} : { recognisedStars: stars }) },
            },
            context,
          );
        }
        return { ...decision, dossierIds: await repository.dossierIdsOfDecision(decision.id) };
      }),

    get: async (actor: DossierActor, decisionId: string) => {
      const decision = await repository.findDecision(decisionId);
      if (!decision || !can(actor.grants, 'dossiers.read', { provinceCode: decision.provinceCode }))
        throw new DomainError('not_found', 'dossier.not_found', 'No such decision.');
      return { ...decision, dossierIds: await repository.dossierIdsOfDecision(decision.id) };
    },
  };
}
