import { DEFAULT_NUMBER_PATTERN, formatCertificateNumber, termEnd } from '@ocop/domain/certification';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { DossierRecognition } from '../../evaluation';
import type { CertificationEvaluation, CertificationNotifier, CertificationPeople, CertificationRegistry } from '../certification-ports';
import type { CertificateRepository } from './certificate.repository';
import type { CertificateInsert, CertificateRow } from './certificate.tables';
import type { CertificateActor } from './certificate.service';

/** The ministry that recognises 5★ products under QĐ 26/2026 (Art. 4). */
export const MINISTRY = { name: 'Bộ Nông nghiệp và Môi trường', unitCode: 'BNNMT' } as const;

const RECOGNISED_STATES = new Set(['recognised', 'ministry_recognised']);

/**
 * Issuing a certificate on a recognition: one per recognised dossier (3★–5★), numbered by the
 * province's pattern, valid for the regime's term from the decision, issued by the province (3★–4★)
 * or the ministry (5★). The product's current certificate is superseded from the new decision's day.
 * Runs inside the decision's transaction when the evaluation announces a recognition.
 */
export function createCertificateIssuing(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CertificateRepository;
  evaluation: CertificationEvaluation;
  registry: CertificationRegistry;
  people: CertificationPeople;
  notifier: CertificationNotifier;
}) {
  const { transactions, clock, audit, repository, evaluation, registry, people, notifier } = deps;

  async function issuerOf(recognition: DossierRecognition) {
    if (recognition.state === 'ministry_recognised' && recognition.ministryResult) {
      return {
        level: 'ministry' as const,
        name: MINISTRY.name,
        unitCode: MINISTRY.unitCode,
        decisionNumber: recognition.ministryResult.decisionNo,
        decisionDate: recognition.ministryResult.decidedOn,
        decisionId: null,
        signerName: null,
        signerTitle: null,
      };
    }
    const decision = recognition.decision;
    if (!decision || decision.kind !== 'recognition')
      throw new DomainError('invalid', 'certificate.dossier_not_recognised', 'No recognition decision.', { state: recognition.state });
    const provinceName = (await registry.provinceName(recognition.provinceCode)) ?? recognition.provinceCode;
    return {
      level: 'province' as const,
      // "Tỉnh Sơn La" → "Ủy ban nhân dân tỉnh Sơn La"; "Thành phố Hà Nội" → "… thành phố Hà Nội".
      name: `Ủy ban nhân dân ${provinceName.charAt(0).toLocaleLowerCase('vi') + provinceName.slice(1)}`,
      unitCode: recognition.provinceCode,
      decisionNumber: decision.number,
      decisionDate: decision.signedOn,
      decisionId: decision.id,
      signerName: decision.signerName,
      signerTitle: decision.signerTitle,
    };
  }

  async function issue(actor: CertificateActor | null, dossierId: string, context: AuditContext): Promise<CertificateRow> {
    const recognition = await evaluation.recognitionOf(dossierId);
    if (!recognition || (actor && !can(actor.grants, 'certificates.manage', { provinceCode: recognition.provinceCode })))
      throw new DomainError('not_found', 'dossier.not_found', 'No such dossier.');
    if (!RECOGNISED_STATES.has(recognition.state) || recognition.stars === null)
      throw new DomainError('invalid', 'certificate.dossier_not_recognised', 'The dossier is not recognised.', {
        state: recognition.state,
      });
    if (recognition.stars < 3 || recognition.stars > 5)
      throw new DomainError('invalid', 'certificate.stars_not_certified', 'Only 3 to 5 stars are certified.', { stars: recognition.stars });
    const existing = await repository.findByDossier(dossierId);
    if (existing)
      throw new DomainError('conflict', 'certificate.already_issued', 'The dossier has a certificate.', { number: existing.number });

    const issuer = await issuerOf(recognition);
    const terms = await evaluation.terms(recognition.regimeCode);
    const details = await registry.productDetails(recognition.productId);
    const settings = await repository.findSettings(recognition.provinceCode);
    const issuedOn = issuer.decisionDate;
    const year = Number(issuedOn.slice(0, 4));
    const seq = await repository.nextSeq(recognition.provinceCode, year);
    const number = formatCertificateNumber(settings?.numberPattern ?? DEFAULT_NUMBER_PATTERN, {
      seq,
      province: recognition.provinceCode,
      year,
      stars: recognition.stars,
    });
    const row: CertificateInsert = {
      provinceCode: recognition.provinceCode,
      number,
      seq,
      year,
      source: 'decision',
      dossierId,
      decisionId: issuer.decisionId,
      productId: recognition.productId,
      producerId: recognition.producerId,
      productName: recognition.productName,
      productCode: recognition.productCode,
      productSetName: details?.productSetName ?? null,
      producerName: recognition.producerName,
      producerAddress: details?.producerAddress ?? null,
      communeCode: details?.communeCode ?? recognition.communeCode,
      stars: recognition.stars,
      regimeCode: recognition.regimeCode,
      issuerLevel: issuer.level,
      issuerName: issuer.name,
      issuerUnitCode: issuer.unitCode,
      decisionNumber: issuer.decisionNumber,
      decisionDate: issuer.decisionDate,
      signerName: issuer.signerName,
      signerTitle: issuer.signerTitle,
      issuedOn,
      expiresOn: termEnd(issuedOn, terms.validityMonths),
      createdBy: actor?.userId ?? context.actorUserId,
      createdAt: clock.now(),
    };
    const saved = await repository.insert(row);
    if (!saved) throw new DomainError('conflict', 'certificate.number_taken', 'The number is taken.', { number });
    const superseded = await repository.supersedeOthers(recognition.productId, saved.id, issuedOn);
    await audit.record(context, {
      action: 'certificate.issued',
      entityType: 'certificate',
      entityId: saved.id,
      provinceCode: saved.provinceCode,
      after: { number, stars: saved.stars, dossierId, decisionNumber: saved.decisionNumber, expiresOn: saved.expiresOn, superseded },
    });
    await tell(saved, superseded.length > 0);
    return saved;
  }

  async function tell(row: CertificateRow, renewed: boolean) {
    const recipients = new Set<string>();
    if (row.producerId)
      for (const holder of await people.holders(['producer_member'], { provinceCode: row.provinceCode, producerId: row.producerId }))
        recipients.add(holder.id);
    if (recipients.size === 0) return;
    await notifier.notify([...recipients], {
      kind: 'certificate.issued',
      subject: `Giấy chứng nhận OCOP ${row.stars} sao số ${row.number}`,
      body:
        `Sản phẩm "${row.productName}" được cấp giấy chứng nhận OCOP ${row.stars} sao số ${row.number} ` +
        `theo Quyết định số ${row.decisionNumber}, có giá trị đến hết ngày ${dayMonthYear(row.expiresOn)}.` +
        (renewed ? ' Giấy chứng nhận trước đó của sản phẩm được thay thế từ ngày quyết định.' : ''),
      link: `/certificates/${row.id}`,
      entityType: 'certificate',
      entityId: row.id,
      provinceCode: row.provinceCode,
    });
  }

  return {
    /** Issuing asked for by the secretariat (a dossier recognised before this module, or a retry). */
    issue: (actor: CertificateActor, dossierId: string, context: AuditContext) => transactions.run(() => issue(actor, dossierId, context)),
    /** Issuing in the decision's own transaction, when the evaluation announces a recognition. */
    issueOnRecognition: (dossierId: string, context: AuditContext) => issue(null, dossierId, context),
  };
}

export const dayMonthYear = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export type CertificateIssuing = ReturnType<typeof createCertificateIssuing>;
