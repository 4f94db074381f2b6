import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import { LogController } from 'fastify';

/**
 * The lean edge for public pages (stamp scan, certificate verification, catalogue) and probes:
 * no cookie parsing, no session lookup, no CSRF, one hook that writes a header set computed once
 * at start-up, and a sampled access log. The back office keeps helmet, cookies, the session hook
 * and its full request log in its own encapsulated context (see app.ts).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by the public edge on its routes: Fastify's per-request log lines are replaced by a sampled one. */
    accessLog?: 'sampled';
  }
}

/** Cache-control values a public route sets on its reply; the edge's default is `no-store`. */
export const PUBLIC_CACHE = {
  /** Pages whose content changes rarely (about, catalogue listings): shared caches may keep them 5 minutes. */
  page: 'public, max-age=300',
  /** Answers that must be fresh on every request (probes, verification results). */
  none: 'no-store',
} as const;

/**
 * Helmet's protections for server-rendered HTML and JSON, as one fixed set: the same policy as the
 * back office (no inline or foreign scripts, no framing by other sites, no plugins), no referrer so a
 * scanned serial never leaks to another site, and HSTS once the public address is https.
 */
export function publicEdgeHeaders(publicUrl: string, imageOrigins: readonly string[] = []): Readonly<Record<string, string>> {
  // Pictures from elsewhere only from origins the deployment names (a map tile server).
  const images = ["'self'", 'data:', 'blob:', ...imageOrigins].join(' ');
  return Object.freeze({
    'content-security-policy': `default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src ${images};object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-permitted-cross-domain-policies': 'none',
    'cache-control': PUBLIC_CACHE.none,
    ...(publicUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

/**
 * Fastify's "incoming request" / "request completed" lines, kept for every route except those of
 * the public edge, which log through `sampledAccessLog` instead.
 */
export function edgeAwareLogController(): LogController {
  return new LogController({
    // A raw request (before routing) has no route options: logged as before.
    disableRequestLogging: (request) => request.routeOptions?.config?.accessLog === 'sampled',
  });
}

export type AccessSampling = {
  /** One successful, fast request in this many is logged at info (the line carries `sampleRate`). */
  sampleEvery: number;
  /** Requests at least this slow are always logged. */
  slowMs: number;
};

/**
 * Sampling rather than per-interval counts: every line keeps the back office's shape (request id,
 * method, url, status, time), so an error or a slow scan can still be found by its request id, and
 * rates are recovered by multiplying by `sampleRate`; it costs a counter per request and needs no
 * timer to flush or to stop on close. Every 4xx/5xx and every slow request is logged.
 */
function sampledAccessLog({ sampleEvery, slowMs }: AccessSampling) {
  let served = 0;
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    served += 1;
    const status = reply.statusCode;
    const responseTime = reply.elapsedTime;
    if (status >= 400 || responseTime >= slowMs) {
      request.log.info({ req: request, res: reply, responseTime, sampleRate: 1 }, 'request completed');
    } else if (served % sampleEvery === 0) {
      request.log.info({ req: request, res: reply, responseTime, sampleRate: sampleEvery }, 'request completed (sampled)');
    }
    done();
  };
}

type LogArgs = Parameters<FastifyBaseLogger['info']>;

/**
 * A request's logger that becomes the real child (bound to the request id) only when something logs:
 * on the public edge most requests log nothing (sampled access log, no request lines), and making a
 * pino child per request was a thirtieth of the scan page's CPU. A class: its methods live on the
 * prototype, where an object of closures cost eight functions per request.
 */
class LazyChildLogger {
  #child: FastifyBaseLogger | undefined;
  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Record<string, unknown>,
    private readonly options: object,
  ) {}
  #real(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }
  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.#real().level = level;
  }
  child(more: Record<string, unknown>, moreOptions?: object) {
    return this.#real().child(more, moreOptions);
  }
  fatal(...args: LogArgs) {
    this.#real().fatal(...args);
  }
  error(...args: LogArgs) {
    this.#real().error(...args);
  }
  warn(...args: LogArgs) {
    this.#real().warn(...args);
  }
  info(...args: LogArgs) {
    this.#real().info(...args);
  }
  debug(...args: LogArgs) {
    this.#real().debug(...args);
  }
  trace(...args: LogArgs) {
    this.#real().trace(...args);
  }
  silent(...args: LogArgs) {
    this.#real().silent(...args);
  }
}

export function lazyChildLogger(parent: FastifyBaseLogger, bindings: Record<string, unknown>, options: object): FastifyBaseLogger {
  return new LazyChildLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}

export type PublicEdgeOptions = {
  publicUrl: string;
  sampling: AccessSampling;
  /** Route plugins of the public pages: modules return them as `publicRoutes`. */
  routes: readonly FastifyPluginAsync[];
  /** Origins public pages may show pictures from besides their own (the map's tile server). */
  imageOrigins?: readonly string[];
};

/** Registers the public routes in their own encapsulated context (no prefix; each route plugin may have one). */
export function publicEdge({ publicUrl, sampling, routes, imageOrigins }: PublicEdgeOptions): FastifyPluginAsync {
  const headers = publicEdgeHeaders(publicUrl, imageOrigins);
  return async (edge: FastifyInstance) => {
    edge.addHook('onRoute', (route) => {
      if (route.config?.access !== 'public') {
        throw new Error(`Route ${String(route.method)} ${route.url} is on the public edge but its access is not 'public'.`);
      }
      route.config.accessLog = 'sampled';
    });
    edge.setChildLoggerFactory(lazyChildLogger);
    // Callback hooks, not async: no promise per request on the hot path.
    edge.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers);
      reply.header('x-request-id', request.id);
      done();
    });
    edge.addHook('onResponse', sampledAccessLog(sampling));
    for (const plugin of routes) await edge.register(plugin);
  };
}
