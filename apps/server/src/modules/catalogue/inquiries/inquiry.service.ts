import { type InquiryFields, type InquiryStatus, nextInquiryStatus } from '@ocop/domain/catalogue';
import { vietnamDate } from '@ocop/domain/registry';
import { can, DomainError, reachOf, type Role, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { Notifier } from '../../notifications';
import type { InquiryRepository } from './inquiry.repository';
import type { InquiryRow } from './inquiry.tables';

export type InquiryService = ReturnType<typeof createInquiryService>;

/** A person reading or answering inquiries in the back office. */
export type InquiryReader = { userId: string; grants: readonly RoleGrant[] };

/** Who is told of a new inquiry: the producer's members (through identity, wired in app.ts). */
export type InquiryPeople = {
  holders: (roles: readonly Role[], place: { provinceCode: string; producerId: string }) => Promise<readonly { id: string }[]>;
};

/** A new inquiry as the public form hands it over, checked and trimmed. */
export type NewInquiry = {
  producer: { id: string; name: string; provinceCode: string; communeCode: string };
  product: { id: string; name: string } | null;
  fields: InquiryFields;
  addressHash: string;
};

/** The instant today began in Vietnam (UTC+7, no daylight saving). */
const startOfVietnamDay = (now: Date) => new Date(`${vietnamDate(now)}T00:00:00+07:00`);

const notFound = () => new DomainError('not_found', 'inquiry.not_found', 'No such inquiry.');

/**
 * Buyers' inquiries: stored and told to the producer's members in one transaction (the inbox row and
 * its digest mail commit with the inquiry); read in the reach of `inquiries.read`, moved forward by
 * the producer's members (`inquiries.answer`). Another producer's inquiry answers 404.
 */
export function createInquiryService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: InquiryRepository;
  notifier: Notifier;
  people: InquiryPeople;
  /** Most inquiries one producer receives per Vietnamese day. */
  dailyCap: number;
  /** Most inquiries stored from one address in a window, counted over every process (the memory bucket is per process). */
  perAddress: { max: number; windowMinutes: number };
}) {
  const { transactions, clock, audit, repository, notifier, people } = deps;

  async function readable(reader: InquiryReader, id: string): Promise<InquiryRow> {
    const row = await repository.findById(id);
    if (!row || !can(reader.grants, 'inquiries.read', row)) throw notFound();
    return row;
  }

  return {
    /**
     * Stores a buyer's inquiry and tells the producer's members; refuses past the address's limit over
     * every process, or past the producer's daily cap (429).
     */
    submit: (inquiry: NewInquiry): Promise<InquiryRow> =>
      transactions.run(async () => {
        const { producer, product, fields } = inquiry;
        const now = clock.now();
        await repository.lockAddress(inquiry.addressHash);
        const windowStart = new Date(now.getTime() - deps.perAddress.windowMinutes * 60_000);
        if ((await repository.countFromAddressSince(inquiry.addressHash, windowStart)) >= deps.perAddress.max) {
          const retryAfterSeconds = Math.ceil((deps.perAddress.windowMinutes * 60) / deps.perAddress.max);
          throw new DomainError('throttled', 'inquiry.rate_limited', 'Too many inquiries from this address.', { retryAfterSeconds });
        }
        await repository.lockProducer(producer.id);
        if ((await repository.countForProducerSince(producer.id, startOfVietnamDay(now))) >= deps.dailyCap) {
          throw new DomainError('throttled', 'inquiry.producer_daily_cap', 'The producer received its inquiries for today.', {
            max: deps.dailyCap,
          });
        }
        const row = await repository.insert({
          provinceCode: producer.provinceCode,
          communeCode: producer.communeCode,
          producerId: producer.id,
          producerName: producer.name,
          productId: product?.id ?? null,
          productName: product?.name ?? null,
          name: fields.name,
          contact: fields.contact,
          quantity: fields.quantity === '' ? null : fields.quantity,
          message: fields.message,
          sourceIpHash: inquiry.addressHash,
          createdAt: now,
        });
        const members = await people.holders(['producer_member'], { provinceCode: producer.provinceCode, producerId: producer.id });
        const about = product ? ` về sản phẩm "${product.name}"` : '';
        await notifier.notify(
          members.map((member) => member.id),
          {
            kind: 'inquiry.received',
            subject: `Hỏi mua mới${about} / New inquiry`,
            body: `${fields.name} (${fields.contact}) gửi yêu cầu hỏi mua${about}${fields.quantity ? `, số lượng: ${fields.quantity}` : ''}: ${fields.message.slice(0, 300)}`,
            link: `/inquiries/${row.id}`,
            entityType: 'inquiry',
            entityId: row.id,
            provinceCode: producer.provinceCode,
          },
        );
        return row;
      }),

    /** A page of the inquiries the reader may read, new ones first. */
    list: (reader: InquiryReader, query: { status?: InquiryStatus; producerId?: string; page: number; pageSize: number }) =>
      transactions.run(() => repository.list(reachOf(reader.grants, 'inquiries.read'), query)),

    get: (reader: InquiryReader, id: string) => transactions.run(() => readable(reader, id)),

    /** The producer's member marks it read, answered or closed (forward only); the same status again changes nothing. */
    setStatus: (reader: InquiryReader, id: string, status: Exclude<InquiryStatus, 'new'>, context: AuditContext) =>
      transactions.run(async () => {
        const row = await readable(reader, id);
        if (!can(reader.grants, 'inquiries.answer', row)) throw notFound();
        const next = nextInquiryStatus(row.status, status);
        if (next === row.status) return row;
        const saved = await repository.saveStatus(id, next, clock.now(), reader.userId);
        if (!saved) throw notFound();
        await audit.record(context, {
          action: 'inquiry.status_changed',
          entityType: 'inquiry',
          entityId: id,
          provinceCode: row.provinceCode,
          before: { status: row.status },
          after: { status: next },
        });
        return saved;
      }),
  };
}
