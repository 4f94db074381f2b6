import type { CreateDossierBody } from '@ocop/contracts/dossiers';
import { certificateExpiry, reEvaluationFiling, type Regime } from '@ocop/domain/evaluation';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CriteriaService } from '../criteria/criteria.service';
import type { RoundService } from '../rounds/round.service';
import { PRODUCER_EDITABLE, type DossierCore } from './dossier-core';
import type { DossierActor, DossierRegistry } from './dossier-ports';
import type { DossierRepository } from './dossier.repository';
import type { DossierRow, RegistrationForm } from './dossier.tables';

/** Registry document kinds and the row of the evidence table (Mẫu 02) each one answers. */
export const EVIDENCE_OF_DOCUMENT_KIND: Readonly<Record<string, string>> = {
  business_licence: 'giay-dang-ky-kinh-doanh',
  food_safety_certificate: 'giay-chung-nhan-du-dieu-kien',
  product_standard_declaration: 'cong-bo-chat-luong',
  test_report: 'kiem-nghiem',
  trademark_certificate: 'so-huu-tri-tue',
  label_photo: 'ma-so-ma-vach',
};

/** The day a re-evaluated certificate ends, and whether today's filing is late (Art. 7.6.a, 12.3); refuses too early or lapsed. */
export function reEvaluationTiming(regime: Regime, expiresOn: string, today: string): { lateFiling: boolean } {
  const filing = reEvaluationFiling(regime, expiresOn, today);
  if (filing.status === 'too_early')
    throw new DomainError('invalid', 'dossier.re_evaluation_too_early', 'Too early for a re-evaluation.', {
      from: filing.window.from,
      to: filing.window.to,
      expiresOn,
    });
  if (filing.status === 'lapsed')
    throw new DomainError('invalid', 'dossier.re_evaluation_lapsed', 'The certificate has lapsed.', { expiresOn });
  return { lateFiling: filing.status === 'late' };
}

/** The producer's part: opening a dossier, its Mẫu 01 fields and its evidence. */
export function createDossierFiling(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  rounds: RoundService;
  registry: DossierRegistry;
  repository: DossierRepository;
  core: DossierCore;
}) {
  const { transactions, clock, audit, criteria, rounds, registry, repository, core } = deps;

  async function ownEditable(actor: DossierActor, id: string) {
    const row = await core.readable(actor, id);
    if (!can(actor.grants, 'dossiers.file', { producerId: row.producerId }))
      throw new DomainError('forbidden', 'dossier.not_your_step', 'Only the producer edits its dossier.', {
        action: 'edit',
        party: 'producer',
      });
    if (!PRODUCER_EDITABLE.includes(row.state))
      throw new DomainError('conflict', 'dossier.not_editable', 'Not editable in this state.', { state: row.state });
    return row;
  }

  /** The base of an upgrade or re-evaluation, and the end of the certificate it renews. */
  async function baseOf(productId: string, body: CreateDossierBody): Promise<{ base: DossierRow | null; expiresOn: string | null }> {
    if (body.kind === 'first') return { base: null, expiresOn: null };
    let base: DossierRow | null = null;
    if (body.baseDossierId) {
      const found = await repository.findById(body.baseDossierId);
      if (!found || found.productId !== productId || !['recognised', 'ministry_recognised'].includes(found.state))
        throw new DomainError('invalid', 'dossier.base_not_recognised', 'Not a recognised dossier of this product.');
      base = found;
    } else base = (await repository.findLastRecognised(productId)) ?? null;
    let expiresOn = body.certificateExpiresOn ?? null;
    if (!expiresOn && base?.decisionId) {
      const decision = await repository.findDecision(base.decisionId);
      if (decision) expiresOn = certificateExpiry(await criteria.regime(base.regimeCode), decision.signedOn);
    }
    if (!base && !expiresOn) throw new DomainError('invalid', 'dossier.base_required', 'A base dossier or certificate is needed.');
    return { base, expiresOn };
  }

  return {
    open: (actor: DossierActor, body: CreateDossierBody, context: AuditContext) =>
      transactions.run(async () => {
        const product = await registry.read(actor, body.productId);
        if (!can(actor.grants, 'dossiers.file', { producerId: product.producer.id }))
          throw new DomainError('forbidden', 'dossier.not_your_step', 'Only the producer opens its dossier.', {
            action: 'open',
            party: 'producer',
          });
        const round = await rounds.find(body.roundId);
        if (!round || round.provinceCode !== product.producer.provinceCode || round.level !== 'province')
          throw new DomainError('not_found', 'round.not_found', 'No such round.');
        const today = core.today();
        if (round.status === 'closed' || (round.filingBy !== null && today > round.filingBy) || today > round.proposalsBy)
          throw new DomainError('conflict', 'round.closed', 'The round is closed.', { name: round.name });
        const regime = await criteria.regimeInForce();
        const { base, expiresOn } = await baseOf(product.id, body);
        const timing = body.kind === 're_evaluation' && expiresOn ? reEvaluationTiming(regime, expiresOn, today) : { lateFiling: false };
        const now = clock.now();
        const row = await repository.insert({
          provinceCode: product.producer.provinceCode,
          communeCode: product.producer.communeCode ?? '',
          producerId: product.producer.id,
          productId: product.id,
          roundId: round.id,
          productName: product.name,
          productCode: product.code,
          producerName: product.producer.name,
          kind: body.kind,
          regimeCode: regime.code,
          baseDossierId: base?.id ?? null,
          certificateExpiresOn: body.kind === 're_evaluation' ? expiresOn : null,
          lateFiling: timing.lateFiling,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        if (!row) throw new DomainError('conflict', 'dossier.open_exists', 'The product has a dossier in progress.');
        // Evidence is reused: what the certified dossier carried (an upgrade or re-evaluation builds on it) ...
        if (base)
          for (const item of await repository.listEvidence(base.id))
            await repository.insertEvidence({ ...item, id: undefined, dossierId: row.id, addedBy: actor.userId, addedAt: now });
        // ... and the registry's valid documents of the producer and product, offered at once.
        for (const document of await registry.documentsOf(actor, product.id)) {
          const evidenceItemId = EVIDENCE_OF_DOCUMENT_KIND[document.kind];
          if (!evidenceItemId || (document.validTo !== null && document.validTo < today)) continue;
          await repository.insertEvidence({
            dossierId: row.id,
            documentId: document.id,
            criterionCode: null,
            evidenceItemId,
            addedBy: actor.userId,
            addedAt: now,
          });
        }
        await audit.record(context, {
          action: 'dossier.opened',
          entityType: 'dossier',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: { kind: row.kind, productId: row.productId, roundId: row.roundId, lateFiling: row.lateFiling },
        });
        return row;
      }),

    updateRegistration: (
      actor: DossierActor,
      id: string,
      body: { revision: number; registration: RegistrationForm },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const row = await ownEditable(actor, id);
        const saved = await repository.updateOver(row.id, body.revision, { registration: body.registration, updatedAt: clock.now() });
        if (!saved) throw new DomainError('conflict', 'dossier.changed_concurrently', 'Changed meanwhile.', { revision: row.revision });
        await audit.record(context, {
          action: 'dossier.registration_saved',
          entityType: 'dossier',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: { fields: Object.keys(body.registration) },
        });
        return saved;
      }),

    addEvidence: (
      actor: DossierActor,
      id: string,
      body: { documentId: string; criterionCode?: string | null | undefined; evidenceItemId?: string | null | undefined },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const row = await ownEditable(actor, id);
        const document = await registry.document(actor, body.documentId);
        if (document.producerId !== row.producerId || (document.productId !== null && document.productId !== row.productId))
          throw new DomainError('invalid', 'dossier.document_of_other_producer', 'The document is not the producer’s.');
        const ctx = await core.context(actor, row);
        const evidenceItemId = body.evidenceItemId ?? EVIDENCE_OF_DOCUMENT_KIND[document.kind] ?? null;
        if (evidenceItemId && !ctx.regime.evidence.some((item) => item.id === evidenceItemId))
          throw new DomainError('invalid', 'dossier.evidence_item_unknown', 'No such evidence item.', { evidenceItemId });
        const criterionCode = body.criterionCode ?? null;
        if (criterionCode && ctx.sheet && !ctx.sheet.answerable.some((criterion) => criterion.code === criterionCode))
          throw new DomainError('invalid', 'evaluation.unknown_criterion', 'No such criterion.', { criterionCode });
        const inserted = await repository.insertEvidence({
          dossierId: row.id,
          documentId: document.id,
          criterionCode,
          evidenceItemId,
          addedBy: actor.userId,
          addedAt: clock.now(),
        });
        if (inserted)
          await audit.record(context, {
            action: 'dossier.evidence_added',
            entityType: 'dossier',
            entityId: row.id,
            provinceCode: row.provinceCode,
            after: { documentId: document.id, criterionCode, evidenceItemId },
          });
        return row;
      }),

    removeEvidence: (actor: DossierActor, id: string, evidenceId: string, context: AuditContext) =>
      transactions.run(async () => {
        const row = await ownEditable(actor, id);
        if (await repository.deleteEvidence(row.id, evidenceId))
          await audit.record(context, {
            action: 'dossier.evidence_removed',
            entityType: 'dossier',
            entityId: row.id,
            provinceCode: row.provinceCode,
            before: { evidenceId },
          });
        return row;
      }),
  };
}
