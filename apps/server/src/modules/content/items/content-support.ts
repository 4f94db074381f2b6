import type { ContentItemView, ContentFileView, ContentSummaryView } from '@ocop/contracts/content';
import { DomainError, can, type RoleGrant } from '@ocop/domain/shared';
import { CONTENT_FILE_PATH } from './rich-text';
import type { ContentFileRow, ContentItemRow } from './content.tables';

export type ContentActor = { grants: readonly RoleGrant[]; userId: string | null };

/** The public page of an item: news under /tin-tuc, legal texts under /van-ban. */
export function publicPathOf(item: Pick<ContentItemRow, 'kind' | 'slug'>): string {
  return `${item.kind === 'news' ? '/tin-tuc' : '/van-ban'}/${encodeURIComponent(item.slug)}`;
}

export const fileAddress = (fileId: string) => `${CONTENT_FILE_PATH}${fileId}`;

export function notFound() {
  return new DomainError('not_found', 'content.not_found', 'No such article or legal text.');
}

/** An item outside the actor's reach answers as missing, so its existence does not leak. */
export function assertManages(grants: readonly RoleGrant[], item: ContentItemRow | undefined): asserts item is ContentItemRow {
  if (!item || !can(grants, 'content.manage', { provinceCode: item.provinceCode })) throw notFound();
}

export function toFileView(file: ContentFileRow): ContentFileView {
  return {
    id: file.id,
    purpose: file.purpose,
    originalName: file.originalName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    url: fileAddress(file.id),
    uploadedAt: file.uploadedAt.toISOString(),
  };
}

export function toSummaryView(item: ContentItemRow): ContentSummaryView {
  return {
    id: item.id,
    kind: item.kind,
    provinceCode: item.provinceCode,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    status: item.status,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    coverFileId: item.coverFileId,
    legalKind: item.legalKind,
    documentNumber: item.documentNumber,
    issuingBody: item.issuingBody,
    signedOn: item.signedOn,
    effectiveOn: item.effectiveOn,
    version: item.version,
    updatedAt: item.updatedAt.toISOString(),
    publicUrl: publicPathOf(item),
  };
}

export function toItemView(item: ContentItemRow, files: readonly ContentFileRow[]): ContentItemView {
  return { ...toSummaryView(item), bodyHtml: item.bodyHtml, files: files.map(toFileView) };
}

/** What the audit keeps of an item: everything but the body, whose size stands in for it. */
export function itemAudit(item: ContentItemRow) {
  const { bodyHtml, createdAt: _c, updatedAt: _u, ...rest } = item;
  return { ...rest, bodyBytes: Buffer.byteLength(bodyHtml) };
}

export const formatKb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
