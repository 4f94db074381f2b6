import type { RevokeCertificateBody } from '@ocop/contracts/certification';
import { GROUND_LETTER, revocationEffectiveOn } from '@ocop/domain/certification';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CertificationNotifier, CertificationPeople } from '../certification-ports';
import { dayMonthYear } from './certificate-issuing';
import type { CertificateRepository } from './certificate.repository';
import { type CertificateActor, certificateNotFound, type CertificateService } from './certificate.service';

/**
 * Revocation under Art. 8 of QĐ 26/2026: on one of the grounds (a)–(e), by a decision with its
 * number, effective 15 days after the violation was found. A certificate is revoked once; the
 * public page shows it from the effective day on, never hides it.
 */
export function createCertificateRevocation(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CertificateRepository;
  certificates: CertificateService;
  people: CertificationPeople;
  notifier: CertificationNotifier;
}) {
  const { transactions, clock, audit, repository, certificates, people, notifier } = deps;

  return {
    revoke: (actor: CertificateActor, id: string, body: RevokeCertificateBody, context: AuditContext) =>
      transactions.run(async () => {
        const row = await repository.findJoined(id);
        if (!row || !can(actor.grants, 'certificates.manage', { provinceCode: row.certificate.provinceCode })) throw certificateNotFound();
        const today = certificates.today();
        if (body.findingOn > today)
          throw new DomainError('invalid', 'certificate.finding_in_future', 'The finding is in the future.', {
            findingOn: dayMonthYear(body.findingOn),
          });
        if (body.decidedOn < body.findingOn)
          throw new DomainError('invalid', 'certificate.decision_before_finding', 'The decision precedes the finding.', {
            decidedOn: dayMonthYear(body.decidedOn),
            findingOn: dayMonthYear(body.findingOn),
          });
        const effectiveOn = revocationEffectiveOn(body.findingOn);
        const saved = await repository.insertRevocation({
          certificateId: id,
          ground: body.ground,
          decisionNumber: body.decisionNumber,
          decidedOn: body.decidedOn,
          findingOn: body.findingOn,
          effectiveOn,
          reason: body.reason,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        if (!saved) {
          const earlier = row.revocation ?? (await repository.findRevocation(id));
          throw new DomainError('conflict', 'certificate.already_revoked', 'Already revoked.', {
            decisionNumber: earlier?.decisionNumber ?? '',
          });
        }
        certificates.forgetCached();
        await audit.record(context, {
          action: 'certificate.revoked',
          entityType: 'certificate',
          entityId: id,
          provinceCode: row.certificate.provinceCode,
          after: { ground: body.ground, decisionNumber: body.decisionNumber, findingOn: body.findingOn, effectiveOn },
        });
        const recipients = new Set<string>();
        if (row.certificate.producerId)
          for (const holder of await people.holders(['producer_member'], {
            provinceCode: row.certificate.provinceCode,
            producerId: row.certificate.producerId,
          }))
            recipients.add(holder.id);
        if (recipients.size > 0)
          await notifier.notify([...recipients], {
            kind: 'certificate.revoked',
            subject: `Thu hồi giấy chứng nhận OCOP số ${row.certificate.number}`,
            body:
              `Giấy chứng nhận OCOP số ${row.certificate.number} của sản phẩm "${row.certificate.productName}" bị thu hồi ` +
              `theo Quyết định số ${body.decisionNumber} (Điều 8, điểm ${GROUND_LETTER[body.ground]}), ` +
              `có hiệu lực từ ngày ${dayMonthYear(effectiveOn)}: từ ngày đó sản phẩm không được sử dụng nhãn OCOP.`,
            link: `/certificates/${id}`,
            entityType: 'certificate',
            entityId: id,
            provinceCode: row.certificate.provinceCode,
          });
        return certificates.get(actor, id);
      }),
  };
}
