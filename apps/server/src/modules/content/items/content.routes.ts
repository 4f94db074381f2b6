import {
  CONTENT_LIMITS,
  contentFileParams,
  contentFileView,
  contentItemView,
  contentListQuery,
  contentPageView,
  contentParams,
  contentStepBody,
  createContentBody,
  updateContentBody,
} from '@ocop/contracts/content';
import { DomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition, readSingleUpload } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { ContentFiles } from './content-files';
import type { ContentService } from './content.service';
import { toFileView, toItemView, toSummaryView } from './content-support';

const TAG = ['Tin tức và văn bản / News and legal texts'];
const ACCESS = { access: capability('content.manage') };

/** The secretariat's API for news articles and legal texts, their attachments and their publication. */
export function contentRoutes(content: ContentService, files: ContentFiles): FastifyPluginAsyncZod {
  return async (app) => {
    const actorOf = (request: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(request);
      return { grants: actor.grants, userId: actor.userId };
    };

    app.get(
      '/content/items',
      {
        config: ACCESS,
        schema: {
          tags: TAG,
          summary: 'Articles and legal texts within one’s reach, last changed first',
          querystring: contentListQuery,
          response: { 200: contentPageView },
        },
      },
      async (request) => {
        const page = await content.list(actorOf(request), request.query);
        return { items: page.rows.map(toSummaryView), total: page.total, page: page.page, pageSize: page.pageSize };
      },
    );

    app.post(
      '/content/items',
      {
        config: ACCESS,
        schema: {
          tags: TAG,
          summary: 'Write a draft article or legal text (its HTML body is sanitised)',
          body: createContentBody,
          response: { 201: contentItemView },
        },
      },
      async (request, reply) => {
        const created = await content.create(actorOf(request), request.body, auditContextOf(request));
        return reply.status(201).send(toItemView(created.item, created.files));
      },
    );

    app.get(
      '/content/items/:itemId',
      {
        config: ACCESS,
        schema: {
          tags: TAG,
          summary: 'One article or legal text with its files',
          params: contentParams,
          response: { 200: contentItemView },
        },
      },
      async (request) => {
        const found = await content.get(actorOf(request), request.params.itemId);
        return toItemView(found.item, found.files);
      },
    );

    app.put(
      '/content/items/:itemId',
      {
        config: ACCESS,
        schema: {
          tags: TAG,
          summary: 'Change an item as read at `version` (409 when changed meanwhile)',
          params: contentParams,
          body: updateContentBody,
          response: { 200: contentItemView },
        },
      },
      async (request) => {
        const saved = await content.update(actorOf(request), request.params.itemId, request.body, auditContextOf(request));
        return toItemView(saved.item, saved.files);
      },
    );

    for (const action of ['publish', 'unpublish'] as const) {
      app.post(
        `/content/items/:itemId/${action}`,
        {
          config: ACCESS,
          schema: {
            tags: TAG,
            summary: action === 'publish' ? 'Publish a draft or unpublished item' : 'Take a published item off the public pages',
            params: contentParams,
            body: contentStepBody,
            response: { 200: contentItemView },
          },
        },
        async (request) => {
          const saved = await content.step(actorOf(request), request.params.itemId, action, request.body.version, auditContextOf(request));
          return toItemView(saved.item, saved.files);
        },
      );
    }

    app.post(
      '/content/items/:itemId/files',
      {
        config: ACCESS,
        schema: {
          tags: TAG,
          summary:
            'Attach a file (multipart: file, purpose=attachment|image): PDF, DOCX, XLSX or a picture up to 20 MB; a picture (image) up to 10 MB',
          params: contentParams,
          consumes: ['multipart/form-data'],
          response: { 201: contentFileView },
        },
      },
      async (request, reply) => {
        const upload = await readSingleUpload(request, CONTENT_LIMITS.attachmentBytes);
        const purpose = upload.fields.purpose ?? 'attachment';
        if (purpose !== 'attachment' && purpose !== 'image') {
          throw new DomainError('malformed', 'request.invalid', 'purpose must be attachment or image.', { field: 'purpose' });
        }
        if (purpose === 'image' && upload.bytes.length > CONTENT_LIMITS.imageBytes) {
          throw new DomainError('too_large', 'file.too_large', 'The picture is too large.', { limit: '10 MB' });
        }
        const file = await files.add(
          actorOf(request),
          request.params.itemId,
          { bytes: upload.bytes, filename: upload.filename, purpose },
          auditContextOf(request),
        );
        return reply.status(201).send(toFileView(file));
      },
    );

    app.get(
      '/content/items/:itemId/files/:fileId',
      { config: ACCESS, schema: { tags: TAG, summary: 'Download an item’s file (drafts too)', params: contentFileParams } },
      async (request, reply) => {
        const download = await files.download(actorOf(request), request.params.itemId, request.params.fileId);
        return reply
          .header('content-type', download.mediaType)
          .header('content-length', String(download.sizeBytes))
          .header('content-disposition', contentDisposition('attachment', download.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(download.stream);
      },
    );

    app.delete(
      '/content/items/:itemId/files/:fileId',
      { config: ACCESS, schema: { tags: TAG, summary: 'Remove a file from an item', params: contentFileParams } },
      async (request, reply) => {
        await files.remove(actorOf(request), request.params.itemId, request.params.fileId, auditContextOf(request));
        return reply.status(204).send();
      },
    );
  };
}
