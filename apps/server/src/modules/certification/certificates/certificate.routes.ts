import {
  certificateListQuery,
  certificatePage,
  certificateView,
  certificationSettingsBody,
  certificationSettingsView,
  issueCertificateBody,
  ocopMarkView,
  revokeCertificateBody,
} from '@ocop/contracts/certification';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { CertificateIssuing } from './certificate-issuing';
import type { createCertificateRevocation } from './certificate-revocation';
import type { CertificateService } from './certificate.service';

const TAG = ['Giấy chứng nhận OCOP / Certificates'];
const params = z.object({ certificateId: z.uuid() });
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** Certificates over HTTP: lists and details with the status derived today, issuing, revocation, the province's settings. */
export function certificateRoutes(deps: {
  certificates: CertificateService;
  issuing: CertificateIssuing;
  revocation: ReturnType<typeof createCertificateRevocation>;
}): FastifyPluginAsyncZod {
  const { certificates, issuing, revocation } = deps;
  return async (app) => {
    app.get(
      '/certificates',
      {
        config: { access: capability('certificates.read') },
        schema: {
          tags: TAG,
          summary: 'Certificates the caller may read, with their status derived today',
          querystring: certificateListQuery,
          response: { 200: certificatePage },
        },
      },
      async (request) => certificates.list(actorOf(request), request.query),
    );

    app.get(
      '/certificates/:certificateId',
      {
        config: { access: capability('certificates.read') },
        schema: { tags: TAG, summary: 'One certificate', params, response: { 200: certificateView } },
      },
      async (request) => certificates.get(actorOf(request), request.params.certificateId),
    );

    app.post(
      '/certificates',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary: 'Issue the certificate of a recognised dossier (issuing is automatic on a decision; this is for earlier ones)',
          body: issueCertificateBody,
          response: { 201: certificateView },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await issuing.issue(actor, request.body.dossierId, auditContextOf(request));
        return reply.status(201).send(await certificates.get(actor, row.id));
      },
    );

    app.post(
      '/certificates/:certificateId/revocation',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary: 'Revoke a certificate on a ground of Art. 8 (effective 15 days after the finding)',
          params,
          body: revokeCertificateBody,
          response: { 200: certificateView },
        },
      },
      async (request) => revocation.revoke(actorOf(request), request.params.certificateId, request.body, auditContextOf(request)),
    );

    app.get(
      '/products/:productId/ocop-mark',
      {
        config: { access: capability('certificates.read') },
        schema: {
          tags: TAG,
          summary: 'May this product show the OCOP mark today, and with how many stars?',
          params: z.object({ productId: z.uuid() }),
          response: { 200: ocopMarkView },
        },
      },
      // The same answer the public verification page gives for the product's certificate: no reach to check.
      async (request) => certificates.markOf(request.params.productId),
    );

    const provinceParams = z.object({ provinceCode: z.string().regex(/^\d{2}$/) });
    app.get(
      '/certification/settings/:provinceCode',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary: 'The province’s numbering pattern and expiring window',
          params: provinceParams,
          response: { 200: certificationSettingsView },
        },
      },
      async (request) => certificates.settings(actorOf(request), request.params.provinceCode),
    );

    app.put(
      '/certification/settings/:provinceCode',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary: 'Change the numbering pattern or the expiring window (over the revision read)',
          params: provinceParams,
          body: certificationSettingsBody,
          response: { 200: certificationSettingsView },
        },
      },
      async (request) => certificates.saveSettings(actorOf(request), request.params.provinceCode, request.body, auditContextOf(request)),
    );
  };
}
