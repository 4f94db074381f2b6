import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyPluginAsync } from 'fastify';
import { isDomainError } from '@ocop/domain/shared';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@ocop/domain/shared';
import { certificationEvaluationPort, certificationRegistryPort } from './certification-ports';
import { evaluationRegistryPort } from './evaluation-registry-port';
import {
  traceabilityCertificatesPort,
  traceabilityMapPort,
  traceabilityPublicFactsPort,
  traceabilityRegistryPort,
} from './traceability-ports';
import { createCertificationModule } from './modules/certification';
import { createEvaluationModule, type EvaluationEvents } from './modules/evaluation';
import { createGeographyModule } from './modules/geography';
import { createIdentityModule, SYSTEM_CONTEXT } from './modules/identity';
import { createNotificationsModule } from './modules/notifications';
import { createRegistryModule, type RegistryEvents } from './modules/registry';
import { createTraceabilityModule } from './modules/traceability';
import type { FileStore } from './platform/files/file-store';
import { createLocalFileStore } from './platform/files/local-file-store';
import { type Clock, systemClock } from './platform/clock';
import { type DatabaseHandle, queryRows } from './platform/database/database';
import { createTransactions } from './platform/database/transaction';
import { createJobQueue } from './platform/jobs/job-queue';
import { createLoggingTransport } from './platform/mail/logging-transport';
import type { MailTransport } from './platform/mail/mail-transport';
import { createSmtpTransport } from './platform/mail/smtp-transport';
import { createLoggingChannel, type ShortMessageChannel } from './platform/messaging/short-message-channel';
import { catalogueSourcesPort, salesPointMapPort } from './catalogue-ports';
import { createCatalogueModule } from './modules/catalogue';
import { createContentModule } from './modules/content';
import { createDomainEvents } from './platform/domain-events';
import { countShippedMigrations } from './platform/database/migrate';
import { describeAccess, type RegisteredRoute, registerSessionAccess, requireDeclaredAccess } from './platform/http/access';
import { aboutPage } from './platform/http/about-page';
import { renderApiDocs } from './platform/http/api-docs';
import { registerJsonParser } from './platform/http/body-parsers';
import { registerErrorHandling } from './platform/http/error-handler';
import { sendProblem } from './platform/http/problem';
import { edgeAwareLogController, publicEdge, publicEdgeHeaders } from './platform/http/public-edge';
import { registerTextGuard } from './platform/http/text-guard';

import { type AppSettings, scanSettingsOf } from './app-settings';

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

/** Every module's events; a module publishes its own and subscribes, here, to any. */
export type AppEvents = RegistryEvents & EvaluationEvents;

const API_VERSION = '0.1.0';
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Builds the whole application: the one place that creates modules, wires them and registers routes. */
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

  // One ambient-transaction runner for the whole app: every module's use cases open or join it.
  const transactions = createTransactions(database.db);
  const sessionPolicy = { idleMs: settings.sessionIdleMinutes * 60_000, absoluteMs: settings.sessionAbsoluteHours * 3_600_000 };
  const geography = createGeographyModule({ transactions });
  const identity = createIdentityModule({
    transactions,
    clock,
    adminUnits: geography.adminUnits,
    sessionPolicy,
    secureCookies: settings.publicUrl.startsWith('https://'),
    // The registry is created below; the checker is only called later, when a user is given a producer-member role.
    scopeCheckers: {
      producer: (id, provinceCode) => registry.producers.assertExistsInProvince(id, provinceCode),
      salesPoint: (id, provinceCode) => catalogue.salesPoints.assertExistsInProvince(id, provinceCode),
    },
  });
  // Durable background jobs: modules register their queues on it; this process's worker starts once the
  // app is ready and, on close, stops its running job at the next safe point (it is run again later).
  const jobs = createJobQueue({ transactions, clock, logger: app.log });
  app.addHook('onClose', async () => jobs.stop());
  const mail =
    deps.mail ??
    (settings.smtpUrl
      ? createSmtpTransport({ url: settings.smtpUrl, from: settings.mailFrom ?? 'OCOP <no-reply@localhost>' })
      : createLoggingTransport(app.log));
  app.addHook('onClose', async () => mail.close());
  // Notifications: an inbox and digest mails from the job queue; other modules receive `notifications.notifier`.
  const notifications = createNotificationsModule({
    transactions,
    clock,
    jobs,
    mail,
    publicUrl: settings.publicUrl,
    digestMinutes: settings.notifyDigestMinutes ?? 10,
    recipients: {
      contactOf: async (userId) => {
        try {
          const user = await identity.users.getSelf(userId);
          return { email: user.email, fullName: user.fullName, disabled: user.disabledAt !== null };
        } catch (error) {
          if (error instanceof DomainError && error.code === 'user.not_found') return null;
          throw error;
        }
      },
    },
  });
  notifications.registerJobs(jobs);
  // Domain events: published inside the changing transaction; after-commit work goes through the jobs table (an outbox).
  const events = createDomainEvents<AppEvents>({ transactions, clock, jobs });
  const store = deps.store ?? (await createLocalFileStore(settings.filesDir));
  const registry = createRegistryModule({
    transactions,
    clock,
    audit: identity.audit,
    adminUnits: geography.adminUnits,
    store,
    jobs,
    events,
    logger: app.log,
    // The content module is created below; the registry's blob cleanup asks it only later, after a removal commits.
    blobUsedElsewhere: (key) => content.files.keyInUse(key),
  });
  const evaluation = createEvaluationModule({
    transactions,
    clock,
    audit: identity.audit,
    councilPeople: {
      // Councils seat users by their grants; a missing user is simply not eligible.
      find: async (userId) => {
        const user = await identity.users.getSelf(userId).catch((error: unknown) => {
          if (isDomainError(error) && error.kind === 'not_found') return null;
          throw error;
        });
        return user && { id: user.id, fullName: user.fullName, disabled: user.disabledAt !== null, grants: user.roles };
      },
    },
    products: evaluationRegistryPort({ registry, geography }),
    people: { holders: identity.users.holders, namesOf: identity.users.namesOf },
    notifier: notifications.notifier,
    events,
  });
  const certification = createCertificationModule({
    transactions,
    clock,
    audit: identity.audit,
    evaluation: certificationEvaluationPort(evaluation),
    registry: certificationRegistryPort({ registry, geography }),
    people: { holders: identity.users.holders },
    notifier: notifications.notifier,
    publicUrl: settings.publicUrl,
    verifyCacheMs: (settings.verifyCacheSeconds ?? 60) * 1000,
    jobs,
    shortMessages: deps.shortMessages ?? [createLoggingChannel('sms', app.log), createLoggingChannel('zalo', app.log)],
    logger: app.log,
  });
  const traceability = createTraceabilityModule({
    transactions,
    clock,
    audit: identity.audit,
    registry: traceabilityRegistryPort(registry),
    map: traceabilityMapPort(geography),
    certificates: traceabilityCertificatesPort(certification),
    jobs,
    publicUrl: settings.publicUrl,
    publicFacts: traceabilityPublicFactsPort({ registry, geography, certification }),
    notifier: notifications.notifier,
    people: { holders: identity.users.holders },
    ...scanSettingsOf(settings),
  });
  // Scans waiting in the group-commit writer are written before the database closes.
  app.addHook('onClose', async () => traceability.scans.recorder.close());
  // The daily certificate job (expiry reminders at 06:00, Vietnam time) and the reminders' SMS/Zalo sender.
  certification.registerJobs(jobs);
  traceability.registerJobs(jobs);
  await certification.ensureDailyJob(jobs);
  // Subscriptions, before the worker starts: each module's reactions to its own events, then those across modules.
  registry.subscribe(events);
  // A recognition issues its certificate in the decision's own transaction: both are recorded, or neither.
  events.inTransaction('evaluation.product_recognised', async (event) => {
    await certification.issuing.issueOnRecognition(event.payload.dossierId, {
      ...SYSTEM_CONTEXT,
      actorUserId: event.payload.actorUserId,
      actorName: null,
    });
  });

  // The public catalogue, open data and sitemap over the registry and certification (refreshed each minute),
  // and the showcase and sales points with their shelves and map.
  const catalogue = createCatalogueModule({
    transactions,
    clock,
    audit: identity.audit,
    sources: catalogueSourcesPort({ registry, certification, geography }),
    map: salesPointMapPort(geography),
    publicUrl: settings.publicUrl,
    mapTiles: settings.mapTiles ?? null,
    notifier: notifications.notifier,
    // Buyers' inquiries go to the producer's members.
    people: { holders: identity.users.holders },
    ...(settings.inquiryLimits ? { inquiryLimits: settings.inquiryLimits } : {}),
    imageCache: { dir: settings.imageCacheDir ?? join(settings.filesDir, '.public-images') },
  });

  // News and legal texts of the programme: the secretariat writes them, the public edge shows the published ones.
  const content = createContentModule({ transactions, clock, audit: identity.audit, store, publicUrl: settings.publicUrl });

  // A product page keeps its texts as long as the catalogue; an edit here shows at once. (A page read between
  // this and the commit may keep the old text for the catalogue's refresh period, as other processes do.)
  events.inTransaction('registry.product_updated', async (event) => {
    catalogue.catalogue.forgetTexts(event.payload.productId);
  });

  // Public edge: pages anyone may open (scan, verification, catalogue) and the probes. Modules
  // return their public pages as `publicRoutes`; each must declare `access: 'public'`.
  const publicRoutes: FastifyPluginAsync[] = [
    aboutPage(),
    ...certification.publicRoutes,
    ...traceability.publicRoutes,
    ...catalogue.publicRoutes,
    ...content.publicRoutes,
    prefixed('/api', platformRoutes(database)),
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
  const apiRoutes: FastifyPluginAsyncZod[] = [
    ...geography.routes,
    ...identity.routes,
    ...registry.routes,
    ...evaluation.routes,
    ...certification.routes,
    ...traceability.routes,
    ...catalogue.routes,
    ...notifications.routes,
    ...content.routes,
  ];
  // biome-ignore lint/nursery/noMisusedPromises: register awaits an async plugin (FastifyPluginAsync); the rule reads the callback overload
  await app.register(async (backOffice) => {
    backOffice.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    await backOffice.register(fastifyCookie);
    await backOffice.register(fastifyHelmet, {
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
    await backOffice.register(fastifyMultipart, {
      limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 30, fieldSize: 20_000, parts: 40, headerPairs: 200 },
    });
    // API keys open only routes marked `apiKeys: true` (EPCIS capture and queries), for the key's producer and scopes.
    registerSessionAccess(backOffice, identity.authenticator, traceability.apiKeys.authenticator);

    await backOffice.register(
      // biome-ignore lint/nursery/noMisusedPromises: register awaits an async plugin (FastifyPluginAsync); the rule reads the callback overload
      async (api) => {
        for (const plugin of apiRoutes) await api.register(plugin);
      },
      { prefix: '/api' },
    );
    // The EPCIS 2.0 REST binding's own paths (`/epcis/capture`, `/epcis/events`, …), with the same session and role checks.
    for (const plugin of traceability.epcisRoutes) await backOffice.register(plugin);

    backOffice.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    backOffice.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(renderApiDocs(app)),
    );

    const webRoot = settings.webDistDir && existsSync(join(settings.webDistDir, 'index.html')) ? settings.webDistDir : undefined;
    if (webRoot) {
      await backOffice.register(fastifyStatic, { root: webRoot, serve: false });
      // The web app is a single page: unknown paths that are not API calls get index.html.
      backOffice.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
        const path = (request.params as { '*': string })['*'];
        if (path.startsWith('api/'))
          return sendProblem(request, reply, 404, 'route.not_found', { method: request.method, url: request.url });
        if (path && existsSync(join(webRoot, path)) && !path.includes('..')) {
          const immutable = path.startsWith('assets/');
          return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(path);
        }
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      });
    }
  });

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
    modules: { geography, identity, registry, evaluation, certification, traceability, catalogue, notifications, content },
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

/** Liveness and readiness probes: on the public edge, so a probe every few seconds costs little and logs little. */
function platformRoutes(database: DatabaseHandle): FastifyPluginAsyncZod {
  const shipped = countShippedMigrations();
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: { tags: ['Hệ thống / System'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Hệ thống / System'],
          summary: 'Readiness: database reachable and migrations applied',
          response: {
            200: z.object({ status: z.literal('ready'), engine: z.string(), migrations: z.number() }),
            503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        try {
          const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
          const applied = Number(row?.n ?? 0);
          if (applied < shipped)
            return reply.status(503).send({ status: 'not_ready' as const, reason: `migrations ${applied}/${shipped}` });
          return { status: 'ready' as const, engine: database.engine, migrations: applied };
        } catch {
          return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
        }
      },
    );
  };
}
