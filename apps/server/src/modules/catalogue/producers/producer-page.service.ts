import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CatalogueSources } from '../catalogue-ports';
import type { InquiryRepository } from '../inquiries/inquiry.repository';

export type ProducerPageService = ReturnType<typeof createProducerPageService>;

const producerNotFound = () => new DomainError('not_found', 'producer.not_found', 'No such producer.');

/** A producer's choices for its public page, set by its own members (`producer_page.manage`). */
export function createProducerPageService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: InquiryRepository;
  sources: CatalogueSources;
}) {
  const { transactions, clock, audit, repository, sources } = deps;

  async function managed(grants: readonly RoleGrant[], producerId: string) {
    if (!can(grants, 'producer_page.manage', { producerId })) throw producerNotFound();
    if (!(await sources.producerProfile(producerId))) throw producerNotFound();
  }

  return {
    /** Whether the public page shows the producer's phone (no choice made: hidden). */
    showPhone: (producerId: string) => repository.showPhoneOf(producerId),

    get: (reader: { grants: readonly RoleGrant[] }, producerId: string) =>
      transactions.run(async () => {
        await managed(reader.grants, producerId);
        return { producerId, showPhone: await repository.showPhoneOf(producerId) };
      }),

    set: (writer: { userId: string; grants: readonly RoleGrant[] }, producerId: string, showPhone: boolean, context: AuditContext) =>
      transactions.run(async () => {
        await managed(writer.grants, producerId);
        const before = await repository.showPhoneOf(producerId);
        await repository.saveShowPhone(producerId, showPhone, clock.now(), writer.userId);
        const grant = writer.grants.find((candidate) => candidate.producerId === producerId);
        await audit.record(context, {
          action: 'producer_page.settings_changed',
          entityType: 'producer',
          entityId: producerId,
          provinceCode: grant?.provinceCode ?? null,
          before: { showPhone: before },
          after: { showPhone },
        });
        return { producerId, showPhone };
      }),
  };
}
