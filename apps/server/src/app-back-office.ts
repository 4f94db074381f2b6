import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppSettings } from './app-settings';
import type { AppModules } from './app-modules';
import { registerSessionAccess } from './platform/http/access';
import { renderApiDocs } from './platform/http/api-docs';
import { sendProblem } from './platform/http/problem';

/**
 * The back office: the web app and its API, with cookies, helmet, multipart, the session/CSRF/role hook and
 * Fastify's full request log. Registered by `app.ts` as one encapsulated context beside the public edge.
 */
export function backOffice(root: FastifyInstance, modules: AppModules, settings: AppSettings) {
  const apiRoutes: FastifyPluginAsyncZod[] = [
    ...modules.geography.routes,
    ...modules.identity.routes,
    ...modules.registry.routes,
    ...modules.evaluation.routes,
    ...modules.certification.routes,
    ...modules.traceability.routes,
    ...modules.catalogue.routes,
    ...modules.notifications.routes,
    ...modules.content.routes,
  ];
  return async (office: FastifyInstance) => {
    office.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    await office.register(fastifyCookie);
    await office.register(fastifyHelmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"], // antd writes its styles at run time
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      hsts: settings.publicUrl.startsWith('https://'),
    });
    // Uploads: each route reads its one file with its own size limit (platform/http/uploads.ts);
    // these are the outer bounds. Files are read into memory, never into temporary files.
    await office.register(fastifyMultipart, {
      limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 30, fieldSize: 20_000, parts: 40, headerPairs: 200 },
    });
    // API keys open only routes marked `apiKeys: true` (EPCIS capture and queries), for the key's producer and scopes.
    registerSessionAccess(office, modules.identity.authenticator, modules.traceability.apiKeys.authenticator);

    await office.register(
      // biome-ignore lint/nursery/noMisusedPromises: register awaits an async plugin (FastifyPluginAsync); the rule reads the callback overload
      async (api) => {
        for (const plugin of apiRoutes) await api.register(plugin);
      },
      { prefix: '/api' },
    );
    // The EPCIS 2.0 REST binding's own paths (`/epcis/capture`, `/epcis/events`, …), with the same session and role checks.
    for (const plugin of modules.traceability.epcisRoutes) await office.register(plugin);

    office.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => root.swagger());
    office.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(renderApiDocs(root)),
    );
    await serveWebApp(office, settings.webDistDir);
  };
}

/** The web app is a single page: its files, and index.html for any other path that is not an API call. */
async function serveWebApp(office: FastifyInstance, webDistDir: string | undefined) {
  const webRoot = webDistDir && existsSync(join(webDistDir, 'index.html')) ? webDistDir : undefined;
  if (!webRoot) return;
  await office.register(fastifyStatic, { root: webRoot, serve: false });
  office.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.startsWith('api/')) return sendProblem(request, reply, 404, 'route.not_found', { method: request.method, url: request.url });
    if (path && existsSync(join(webRoot, path)) && !path.includes('..')) {
      const immutable = path.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(path);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
