import {
  documentFields,
  documentParams,
  documentView,
  fileParams,
  fileQuery,
  productImageParams,
  productImageView,
  reorderProductImagesBody,
  UPLOAD_LIMITS,
  updateDocumentBody,
  updateProductImageBody,
} from '@ocop/contracts/registry-files';
import { DomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock';
import { requireActor } from '../../../platform/http/access';
import { contentDisposition, readSingleUpload } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { FileService } from './file.service';
import { toDocumentView, toProductImageView, vietnamDate } from './file.view';

const IMAGE_TAG = ['Ảnh sản phẩm / Product images'];
const DOCUMENT_TAG = ['Tài liệu / Documents'];
const FILE_TAG = ['Tệp / Files'];
const productParams = z.object({ productId: z.uuid() });
const producerParams = z.object({ producerId: z.uuid() });
const multipartBody = { consumes: ['multipart/form-data'] };

/** Text fields of a multipart upload, checked with a contract schema; problems are answered as 422. */
function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new DomainError('invalid', 'request.invalid', 'Some fields are not valid.', { issues, field: issues[0]?.path ?? '' });
  }
  return parsed.data;
}

export function fileRoutes(files: FileService, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    // ————— Product images —————

    app.get(
      '/products/:productId/images',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: IMAGE_TAG,
          summary: 'Images of a product, in order',
          params: productParams,
          response: { 200: z.array(productImageView) },
        },
      },
      async (request) => (await files.listProductImages(requireActor(request).grants, request.params.productId)).map(toProductImageView),
    );

    app.post(
      '/products/:productId/images',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: IMAGE_TAG,
          summary: 'Add an image (multipart: file, optional altText); JPEG, PNG or WebP up to 10 MB',
          params: productParams,
          ...multipartBody,
          response: { 201: productImageView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readSingleUpload(request, UPLOAD_LIMITS.imageBytes);
        const added = await files.addProductImage(
          { grants: actor.grants, userId: actor.userId },
          request.params.productId,
          { bytes: upload.bytes, filename: upload.filename, altText: upload.fields.altText ?? null },
          auditContextOf(request),
        );
        return reply.status(201).send(toProductImageView(added));
      },
    );

    app.put(
      '/products/:productId/images/order',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: IMAGE_TAG,
          summary: 'Put the images in a new order (all image ids, first to last)',
          params: productParams,
          body: reorderProductImagesBody,
          response: { 200: z.array(productImageView) },
        },
      },
      async (request) =>
        (
          await files.reorderProductImages(
            requireActor(request).grants,
            request.params.productId,
            request.body.imageIds,
            auditContextOf(request),
          )
        ).map(toProductImageView),
    );

    app.put(
      '/products/:productId/images/:imageId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: IMAGE_TAG,
          summary: 'Change an image’s alternative text or make it the primary image',
          params: productImageParams,
          body: updateProductImageBody,
          response: { 200: z.array(productImageView) },
        },
      },
      async (request) =>
        (
          await files.updateProductImage(
            requireActor(request).grants,
            request.params.productId,
            request.params.imageId,
            request.body,
            auditContextOf(request),
          )
        ).map(toProductImageView),
    );

    app.post(
      '/products/:productId/images/:imageId/primary',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: IMAGE_TAG,
          summary: 'Make an image the primary image',
          params: productImageParams,
          response: { 200: z.array(productImageView) },
        },
      },
      async (request) =>
        (
          await files.updateProductImage(
            requireActor(request).grants,
            request.params.productId,
            request.params.imageId,
            { isPrimary: true },
            auditContextOf(request),
          )
        ).map(toProductImageView),
    );

    app.delete(
      '/products/:productId/images/:imageId',
      { config: { access: 'authenticated' }, schema: { tags: IMAGE_TAG, summary: 'Remove an image', params: productImageParams } },
      async (request, reply) => {
        await files.deleteProductImage(
          requireActor(request).grants,
          request.params.productId,
          request.params.imageId,
          auditContextOf(request),
        );
        return reply.status(204).send();
      },
    );

    // ————— Documents —————

    const documentsOf = (owner: 'producer' | 'product') => {
      const params = owner === 'producer' ? producerParams : productParams;
      const path = owner === 'producer' ? '/producers/:producerId/documents' : '/products/:productId/documents';
      app.get(
        path,
        {
          config: { access: 'authenticated' },
          schema: {
            tags: DOCUMENT_TAG,
            summary: owner === 'producer' ? 'Documents of a producer and of its products' : 'Documents of a product',
            params,
            response: { 200: z.array(documentView) },
          },
        },
        async (request) => {
          const id = request.params as { producerId?: string; productId?: string };
          const list = await files.listDocuments(
            requireActor(request).grants,
            owner === 'producer' ? { producerId: id.producerId as string } : { productId: id.productId as string },
          );
          const today = vietnamDate(clock.now());
          return list.map((item) => toDocumentView(item, today));
        },
      );
      app.post(
        path,
        {
          config: { access: 'authenticated' },
          schema: {
            tags: DOCUMENT_TAG,
            summary:
              'Upload a document (multipart: file and kind, number, issuer, validFrom, validTo, note); PDF, image, XLSX or DOCX up to 20 MB',
            params,
            ...multipartBody,
            response: { 201: documentView },
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          const upload = await readSingleUpload(request, UPLOAD_LIMITS.documentBytes);
          const fields = parseFields(documentFields, upload.fields);
          const id = request.params as { producerId?: string; productId?: string };
          const added = await files.addDocument(
            { grants: actor.grants, userId: actor.userId },
            owner === 'producer'
              ? { producerId: id.producerId as string, productId: fields.productId ?? null }
              : { productId: id.productId as string },
            { bytes: upload.bytes, filename: upload.filename },
            fields,
            auditContextOf(request),
          );
          return reply.status(201).send(toDocumentView(added, vietnamDate(clock.now())));
        },
      );
    };
    documentsOf('producer');
    documentsOf('product');

    app.get(
      '/documents/:documentId',
      {
        config: { access: 'authenticated' },
        schema: { tags: DOCUMENT_TAG, summary: 'One document', params: documentParams, response: { 200: documentView } },
      },
      async (request) =>
        toDocumentView(await files.getDocument(requireActor(request).grants, request.params.documentId), vietnamDate(clock.now())),
    );

    app.put(
      '/documents/:documentId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: DOCUMENT_TAG,
          summary: 'Change a document’s kind, number, issuer, validity or note',
          params: documentParams,
          body: updateDocumentBody,
          response: { 200: documentView },
        },
      },
      async (request) =>
        toDocumentView(
          await files.updateDocument(requireActor(request).grants, request.params.documentId, request.body, auditContextOf(request)),
          vietnamDate(clock.now()),
        ),
    );

    app.delete(
      '/documents/:documentId',
      {
        config: { access: 'authenticated' },
        schema: { tags: DOCUMENT_TAG, summary: 'Remove a document and its file', params: documentParams },
      },
      async (request, reply) => {
        await files.deleteDocument(requireActor(request).grants, request.params.documentId, auditContextOf(request));
        return reply.status(204).send();
      },
    );

    // ————— Downloads —————

    app.get(
      '/files/:fileId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: FILE_TAG,
          summary: 'Download a file (same permission as its producer or product); pictures also as ?variant=thumb|medium',
          params: fileParams,
          querystring: fileQuery,
        },
      },
      async (request, reply) => {
        const download = await files.openFile(requireActor(request).grants, request.params.fileId, request.query.variant);
        const inline = download.isImage && !request.query.download;
        return reply
          .header('content-type', download.mediaType)
          .header('content-length', String(download.sizeBytes))
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', download.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .send(download.stream);
      },
    );
  };
}
