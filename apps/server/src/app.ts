import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { backOffice } from './app-back-office';
import { createAppModules } from './app-modules';
import type { AppSettings } from './app-settings';
import { type Clock, systemClock } from './platform/clock';
import type { DatabaseHandle } from './platform/database/database';
import type { FileStore } from './platform/files/file-store';
import { describeAccess, type RegisteredRoute, requireDeclaredAccess } from './platform/http/access';
import { aboutPage } from './platform/http/about-page';
import { registerJsonParser } from './platform/http/body-parsers';
import { registerErrorHandling } from './platform/http/error-handler';
import { sendProblem } from './platform/http/problem';
import { probeRoutes } from './platform/http/probes';
import { edgeAwareLogController, publicEdge, publicEdgeHeaders } from './platform/http/public-edge';
import { registerTextGuard } from './platform/http/text-guard';
import type { MailTransport } from './platform/mail/mail-transport';
import type { ShortMessageChannel } from './platform/messaging/short-message-channel';

export type { AppEvents } from './app-modules';
export type { AppSettings } from './app-settings';

export type AppDeps = {
  database: DatabaseHandle;
  settings: AppSettings;
  clock?: Clock;
  /** A pino logger; none in tests unless a test asks for one. */
  logger?: FastifyBaseLogger;
  /** Where uploaded bytes live (S3-compatible when configured); the local disk under `settings.filesDir` otherwise. */
  store?: FileStore;
  /** Where mail goes; built from `settings.smtpUrl` (or the log) when not given. */
  mail?: MailTransport;
  /** SMS and Zalo; by default each only notes in the log what it would send (no provider yet). Tests pass recording doubles. */
  shortMessages?: ShortMessageChannel[];
};

const API_VERSION = '0.1.0';
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Builds the whole application: the root (parsers, errors, OpenAPI, the access check), the modules and their
 * wiring (`app-modules.ts`), and their routes in two contexts: the public edge and the back office (`app-back-office.ts`).
 */
export async function buildApp(deps: AppDeps) {
  const { database, settings } = deps;
  const clock = deps.clock ?? systemClock;
  const bodyLimit = settings.bodyLimitBytes ?? 1024 * 1024;

  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit,
    trustProxy: settings.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Fastify's two lines per request, except on the public edge, which samples its own.
    logController: edgeAwareLogController(),
    // A path whose percent-encoding is broken never reaches a route (the router cannot decode it): it is
    // answered in our problem shape with the public edge's headers, and readable cross-origin, because a
    // Digital Link printed or typed wrong lands here and resolver clients read the answer (GS1 asks 400).
    // The router's other refusals (a parameter past its length) are malformed requests as well.
    frameworkErrors: (error, request, reply) => {
      reply.headers(publicEdgeHeaders(settings.publicUrl)).header('access-control-allow-origin', '*');
      if (error.code !== 'FST_ERR_BAD_URL') return sendProblem(request, reply, 400, 'request.invalid', { reason: error.code });
      return sendProblem(request, reply, 400, 'request.malformed_url', { url: (request.url.split('?')[0] ?? '').slice(0, 200) });
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Root: what every route shares, in the back office and on the public edge alike.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonParser(app);
  registerTextGuard(app);
  registerErrorHandling(app, bodyLimit);
  const routes: RegisteredRoute[] = [];
  requireDeclaredAccess(app, routes);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'OCOP — Mỗi xã một sản phẩm', description: 'API of the OCOP programme system', version: API_VERSION },
      servers: [{ url: settings.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ocop_session' },
          // A producer's own software, on the routes marked `apiKeys: true` (EPCIS capture and queries).
          apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'ocop_<lookup>_<secret>' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = input.route.config?.access;
      const schema: Record<string, unknown> = { ...out.schema, 'x-access': access && describeAccess(access) };
      if (input.route.config?.apiKeys) schema.security = [{ session: [] }, { apiKey: [] }];
      return { ...out, schema: schema as typeof out.schema };
    },
  });

  const { modules, transactions, jobs, events, close } = await createAppModules({
    database,
    settings,
    clock,
    logger: app.log,
    store: deps.store,
    mail: deps.mail,
    shortMessages: deps.shortMessages,
  });
  app.addHook('onClose', close);

  // Public edge: pages anyone may open (scan, verification, catalogue) and the probes. Modules
  // return their public pages as `publicRoutes`; each must declare `access: 'public'`.
  const publicRoutes: FastifyPluginAsync[] = [
    aboutPage(),
    ...modules.certification.publicRoutes,
    ...modules.traceability.publicRoutes,
    ...modules.catalogue.publicRoutes,
    ...modules.content.publicRoutes,
    prefixed('/api', probeRoutes(database)),
  ];
  await app.register(
    publicEdge({
      publicUrl: settings.publicUrl,
      sampling: { sampleEvery: 100, slowMs: 500 },
      routes: publicRoutes,
      imageOrigins: settings.mapTiles ? [new URL(settings.mapTiles.urlTemplate.replace(/\{[zxy]\}/g, '0')).origin] : [],
    }),
  );

  // Back office: the web app and its API, with cookies, helmet, the session/CSRF/role hook and the full request log.
  await app.register(backOffice(app, modules, settings));

  // Unknown addresses belong to neither context: they get the public edge's fixed headers.
  const notFoundHeaders = publicEdgeHeaders(settings.publicUrl);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply.headers(notFoundHeaders), 404, 'route.not_found', {
      method: request.method,
      url: request.url.split('?')[0],
    }),
  );

  await app.ready();
  jobs.start();
  return {
    app,
    routes,
    modules,
    clock,
    transactions,
    jobs,
    events,
  };
}

export type OcopApp = Awaited<ReturnType<typeof buildApp>>;

function prefixed(prefix: string, plugin: FastifyPluginAsync): FastifyPluginAsync {
  return async (app) => {
    await app.register(plugin, { prefix });
  };
}
