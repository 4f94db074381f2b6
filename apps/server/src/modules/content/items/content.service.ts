import type { CreateContentBody, ContentListQuery, UpdateContentBody } from '@ocop/contracts/content';
import {
  CONTENT_LIMITS,
  type ContentAction,
  type ContentKind,
  checkLegalFields,
  type LegalKind,
  nextContentStatus,
  publishedAtAfter,
} from '@ocop/domain/content';
import { firstFreeSlug, slugify } from '@ocop/domain/registry';
import { DomainError, can, reachOf, scopeOf } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import { isUniqueViolation } from '../../../platform/database/sql';
import type { AuditContext, AuditService } from '../../identity';
import type { ContentRepository } from './content.repository';
import type { ContentItemRow } from './content.tables';
import { assertManages, type ContentActor, formatKb, itemAudit, notFound } from './content-support';
import { sanitizeRichText } from './rich-text';

export type ContentService = ReturnType<typeof createContentService>;

type Fields = Omit<UpdateContentBody, 'version'> & { coverFileId?: string | null };

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Two writers taking one address at once: the second meets the unique index, and is told as if it had checked. */
function slugRace(slug: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, 'content_items_slug_key')) {
      throw new DomainError('conflict', 'content.slug_taken', 'This address is taken.', { slug, field: 'slug' });
    }
    throw error;
  };
}

function stale(currentVersion: number) {
  return new DomainError('conflict', 'content.stale_version', 'The item was changed meanwhile.', { currentVersion });
}

/**
 * News articles and legal texts: the secretariat's writes (each one transaction with its audit) and
 * the back office's reads. The body is sanitised here, on every write, so only allowlisted HTML is
 * ever stored, whatever the client sent.
 */
export function createContentService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  items: ContentRepository;
  publicUrl: string;
}) {
  const { transactions, clock, audit, items, publicUrl } = deps;

  /** The stored columns of the fields sent: trimmed, blanks as null, body sanitised and bounded, legal fields checked. */
  function columnsOf(kind: ContentKind, fields: Fields) {
    const bodyHtml = sanitizeRichText(fields.bodyHtml, publicUrl);
    const size = Buffer.byteLength(bodyHtml);
    if (size > CONTENT_LIMITS.bodyBytes) {
      throw new DomainError('too_large', 'content.body_too_large', 'The body is too long.', {
        size: formatKb(size),
        limit: formatKb(CONTENT_LIMITS.bodyBytes),
      });
    }
    const legal = {
      legalKind: (fields.legalKind ?? null) as LegalKind | null,
      documentNumber: blank(fields.documentNumber),
      issuingBody: blank(fields.issuingBody),
      signedOn: fields.signedOn ?? null,
      effectiveOn: fields.effectiveOn ?? null,
    };
    if (kind === 'legal') checkLegalFields(legal);
    return {
      title: fields.title.trim(),
      summary: blank(fields.summary),
      bodyHtml,
      ...(kind === 'legal' ? legal : { legalKind: null, documentNumber: null, issuingBody: null, signedOn: null, effectiveOn: null }),
    };
  }

  /** The province of a new item: the one named (a system administrator's choice), else the writer's own. */
  function provinceFor(actor: ContentActor, named: string | null | undefined): string {
    const own = actor.grants.find((grant) => scopeOf(grant.role, 'content.manage') === 'province' && grant.provinceCode)?.provinceCode;
    const provinceCode = named ?? own;
    if (!provinceCode)
      throw new DomainError('invalid', 'content.province_required', 'Choose the province of the item.', { field: 'provinceCode' });
    if (!can(actor.grants, 'content.manage', { provinceCode })) {
      throw new DomainError('forbidden', 'auth.forbidden', 'You may not write for this province.');
    }
    return provinceCode;
  }

  /** A slug asked for must be free; one made from the title takes the first free suffix. */
  async function slugFor(asked: string | null | undefined, title: string, itemId?: string): Promise<string> {
    if (asked) {
      if (await items.slugTaken(asked, itemId ?? '00000000-0000-0000-0000-000000000000')) {
        throw new DomainError('conflict', 'content.slug_taken', 'This address is taken.', { slug: asked, field: 'slug' });
      }
      return asked;
    }
    const base = slugify(title, 'bai-viet')
      .slice(0, CONTENT_LIMITS.slugLength - 4)
      .replace(/-+$/, '');
    return firstFreeSlug(base, await items.slugsStartingWith(base));
  }

  async function checkCover(item: ContentItemRow, coverFileId: string | null | undefined): Promise<string | null> {
    if (coverFileId === undefined) return item.coverFileId;
    if (coverFileId === null) return null;
    const files = await items.filesOf(item.id);
    if (!files.some((file) => file.id === coverFileId && file.purpose === 'image')) {
      throw new DomainError('invalid', 'content.file_not_found', 'The cover is not one of this item’s pictures.', { field: 'coverFileId' });
    }
    return coverFileId;
  }

  return {
    list: async (actor: ContentActor, query: ContentListQuery) => {
      const { rows, total } = await transactions.run(() =>
        items.listInReach(
          reachOf(actor.grants, 'content.manage'),
          { kind: query.kind, status: query.status },
          { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
        ),
      );
      return { rows, total, page: query.page, pageSize: query.pageSize };
    },

    get: (actor: ContentActor, itemId: string) =>
      transactions.run(async () => {
        const item = await items.findById(itemId);
        assertManages(actor.grants, item);
        return { item, files: await items.filesOf(itemId) };
      }),

    create: (actor: ContentActor, body: CreateContentBody, context: AuditContext) =>
      transactions.run(async () => {
        const provinceCode = provinceFor(actor, body.provinceCode);
        const columns = columnsOf(body.kind, body);
        const now = clock.now();
        const slug = await slugFor(body.slug, columns.title);
        const item = await items
          .insert({
            ...columns,
            kind: body.kind,
            provinceCode,
            slug,
            status: 'draft',
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .catch(slugRace(slug));
        await audit.record(context, {
          action: 'content.created',
          entityType: 'content_item',
          entityId: item.id,
          provinceCode,
          after: itemAudit(item),
        });
        return { item, files: [] };
      }),

    /** Changes an item as read at `version`; a change that came first answers 409. */
    update: (actor: ContentActor, itemId: string, body: UpdateContentBody & { coverFileId?: string | null }, context: AuditContext) =>
      transactions.run(async () => {
        const item = await items.findById(itemId);
        assertManages(actor.grants, item);
        if (item.version !== body.version) throw stale(item.version);
        const columns = columnsOf(item.kind, body);
        const slug = body.slug && body.slug !== item.slug ? await slugFor(body.slug, columns.title, item.id) : item.slug;
        const coverFileId = await checkCover(item, body.coverFileId);
        const saved = await items
          .saveVersioned(itemId, body.version, { ...columns, slug, coverFileId, updatedAt: clock.now() })
          .catch(slugRace(slug));
        if (!saved) throw stale(item.version + 1);
        await audit.record(context, {
          action: 'content.updated',
          entityType: 'content_item',
          entityId: itemId,
          provinceCode: saved.provinceCode,
          before: itemAudit(item),
          after: itemAudit(saved),
        });
        return { item: saved, files: await items.filesOf(itemId) };
      }),

    /** Publishes or unpublishes the item as read at `version`. */
    step: (actor: ContentActor, itemId: string, action: ContentAction, version: number, context: AuditContext) =>
      transactions.run(async () => {
        const item = await items.findById(itemId);
        assertManages(actor.grants, item);
        if (item.version !== version) throw stale(item.version);
        const status = nextContentStatus(item.status, action);
        const now = clock.now();
        const saved = await items.saveVersioned(itemId, version, {
          status,
          publishedAt: publishedAtAfter(action, item.publishedAt, now),
          updatedAt: now,
        });
        if (!saved) throw stale(item.version + 1);
        await audit.record(context, {
          action: action === 'publish' ? 'content.published' : 'content.unpublished',
          entityType: 'content_item',
          entityId: itemId,
          provinceCode: saved.provinceCode,
          before: { status: item.status },
          after: { status: saved.status, publishedAt: saved.publishedAt },
        });
        return { item: saved, files: await items.filesOf(itemId) };
      }),

    /** An item by its address within the actor's reach, whatever its status (the demo seed asks before it writes). */
    bySlug: (actor: ContentActor, slug: string) =>
      transactions.run(async () => {
        const [item] = await items.findBySlug(slug);
        return item && can(actor.grants, 'content.manage', { provinceCode: item.provinceCode }) ? item : undefined;
      }),

    /** For the public pages: a published item by its kind and slug, with its files. */
    published: (kind: ContentKind, slug: string) =>
      transactions.run(async () => {
        const item = await items.findPublishedBySlug(kind, slug);
        if (!item) throw notFound();
        return { item, files: await items.filesOf(item.id) };
      }),

    publishedPage: (kind: ContentKind, filter: { legalKind?: LegalKind }, page: number, pageSize: number) =>
      transactions.run(() => items.listPublished(kind, filter, { limit: pageSize, offset: (page - 1) * pageSize })),

    publishedSlugs: (kind: ContentKind, limit: number) => transactions.run(() => items.publishedSlugs(kind, limit)),
  };
}
