import { type Capability, can, type Role, type RoleGrant, rolesWith } from '@ocop/domain/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { sendProblem } from './problem';

/**
 * Who may call a route: anyone, any logged-in user, or the holders of a capability of the
 * domain's table (in any scope: whether the record is in their scope is the service's question).
 */
export type Access = 'public' | 'authenticated' | { readonly capability: Capability };

/** The access of a route that needs a capability; the roles come from the table in `@ocop/domain`. */
export function capability(name: Capability): Access {
  return { capability: name };
}

export type Actor = {
  userId: string;
  fullName: string;
  provinceCode: string | null;
  grants: RoleGrant[];
  mustChangePassword: boolean;
  sessionTokenHash: string;
  csrfToken: string;
  sessionExpiresAt: Date;
};

/**
 * A producer's own software calling with an API key (`Authorization: Bearer ocop_…`) a route
 * that accepts keys. It acts as a member of its producer would, but only within its scopes.
 */
export type ApiKeyCaller = {
  apiKeyId: string;
  /** How the audit log names it (the key's name and public prefix). */
  label: string;
  grants: RoleGrant[];
  /** What the key's scopes open; a route needing any other capability answers 403. */
  capabilities: readonly Capability[];
};

/** Who calls a route that accepts API keys: a person through a session, or a key; never both. */
export type Caller = { userId: string | null; apiKeyId: string | null; grants: RoleGrant[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Routes a user may reach while their password must still be changed (me, logout, change password). */
    allowPendingPasswordChange?: boolean;
    /**
     * Routes a producer's software may call with an API key instead of a session (EPCIS capture
     * and queries). Every other route ignores the Authorization header, so a key opens nothing else.
     */
    apiKeys?: boolean;
  }
  interface FastifyRequest {
    /** The person of the session; null for anonymous calls and for API-key calls. */
    actor: Actor | null;
    /** The API key, on a route with `apiKeys: true` called with one; null otherwise. */
    apiKeyCaller: ApiKeyCaller | null;
  }
}

export type Authenticator = {
  /** The actor behind a session token, 'expired' for a token that no longer opens a session. */
  authenticate: (token: string, request: FastifyRequest) => Promise<Actor | 'expired'>;
};

/** Implemented by the module that issues keys; the platform only knows the token is a bearer token. */
export type ApiKeyAuthenticator = {
  /** The caller behind a key, or null for a malformed, unknown, revoked or expired one. */
  authenticate: (token: string) => Promise<ApiKeyCaller | null>;
};

export const SESSION_COOKIE = 'ocop_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a route's access means in roles, as the API docs and the route snapshot show it. */
export function describeAccess(access: Access): 'public' | 'authenticated' | Role[] {
  return typeof access === 'string' ? access : rolesWith(access.capability);
}

/** `apiKeys`: the route also takes a producer's API key (the route snapshot shows it, so a widening shows in review). */
export type RegisteredRoute = { method: string; url: string; access: Access; apiKeys?: true };

/**
 * Every route must say who may call it; a route without `config.access` stops the server at
 * start-up, so a forgotten guard fails the first test run instead of reaching production.
 * Registered on the root, so it sees the routes of the back office and of the public edge alike.
 */
export function requireDeclaredAccess(app: FastifyInstance, routes: RegisteredRoute[]) {
  // On the root too, so `request.actor` is null (never undefined) on the public edge as well.
  app.decorateRequest('actor', null);
  app.decorateRequest('apiKeyCaller', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (access === undefined) {
      throw new Error(`Route ${methods.join(',')} ${route.url} has no config.access; every route must declare who may call it.`);
    }
    // A key's scopes are capabilities: on a public or merely 'authenticated' route they would limit nothing.
    if (route.config?.apiKeys && typeof access === 'string') {
      throw new Error(`Route ${methods.join(',')} ${route.url} accepts API keys, so its access must be a capability.`);
    }
    for (const method of methods)
      routes.push({ method, url: route.url, access, ...(route.config?.apiKeys ? { apiKeys: true as const } : {}) });
  });
}

/**
 * The session, CSRF and role checks of the back office: registered inside its encapsulated
 * context (with the cookie parser), so the public edge's routes never look a session up.
 */
export function registerSessionAccess(app: FastifyInstance, authenticator: Authenticator, apiKeys?: ApiKeyAuthenticator) {
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config?.access;
    if (access === undefined) return; // unknown route: the not-found handler answers

    if (config.apiKeys && typeof access !== 'string') {
      const bearer = bearerTokenOf(request.headers.authorization);
      // No cookie is involved, so there is no CSRF to check: a page of another site cannot make a browser send the header.
      if (bearer !== null) return checkApiKey(request, reply, bearer, access.capability, apiKeys);
    }

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const result = await authenticator.authenticate(token, request);
      if (result === 'expired') {
        clearSessionCookie(reply);
        if (access !== 'public') return sendProblem(request, reply, 401, 'auth.session_expired');
      } else {
        request.actor = result;
      }
    }
    if (access === 'public') return;

    const actor = request.actor;
    if (!actor) {
      if (config.apiKeys) reply.header('www-authenticate', `Bearer realm="${BEARER_REALM}"`);
      return sendProblem(request, reply, 401, 'auth.required');
    }
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request.headers[CSRF_HEADER], actor.csrfToken)) {
      return sendProblem(request, reply, 403, 'auth.csrf_invalid');
    }
    if (actor.mustChangePassword && !config.allowPendingPasswordChange) {
      return sendProblem(request, reply, 403, 'auth.password_change_required');
    }
    if (access !== 'authenticated' && !can(actor.grants, access.capability)) {
      return sendProblem(request, reply, 403, 'auth.forbidden');
    }
  });
}

/** Both halves on one instance (a server without a public edge, and the access tests). */
export function registerAccessControl(
  app: FastifyInstance,
  authenticator: Authenticator,
  routes: RegisteredRoute[],
  apiKeys?: ApiKeyAuthenticator,
) {
  requireDeclaredAccess(app, routes);
  registerSessionAccess(app, authenticator, apiKeys);
}

const BEARER_REALM = 'ocop';
const BEARER = /^Bearer +(\S+) *$/i;

/** The token of an `Authorization: Bearer …` header; null without one (another scheme counts as none). */
function bearerTokenOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!/^Bearer(\s|$)/i.test(header)) return null;
  // A Bearer header without a single clean token is a bad key, not a missing one.
  return BEARER.exec(header)?.[1] ?? '';
}

async function checkApiKey(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  needed: Capability,
  apiKeys: ApiKeyAuthenticator | undefined,
) {
  const caller = token === '' || !apiKeys ? null : await apiKeys.authenticate(token);
  if (!caller) {
    reply.header('www-authenticate', `Bearer realm="${BEARER_REALM}", error="invalid_token"`);
    return sendProblem(request, reply, 401, 'auth.api_key_invalid');
  }
  if (!caller.capabilities.includes(needed) || !can(caller.grants, needed)) {
    reply.header('www-authenticate', `Bearer realm="${BEARER_REALM}", error="insufficient_scope"`);
    return sendProblem(request, reply, 403, 'auth.forbidden');
  }
  request.apiKeyCaller = caller;
}

function csrfMatches(header: string | string[] | undefined, expected: string): boolean {
  const given = Array.isArray(header) ? header[0] : header;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The actor of a route that requires login; the access hook has already refused anonymous calls. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('requireActor used on a public route, or on an API-key call (use requireCaller)');
  return request.actor;
}

/** The caller of a route that accepts API keys: the key, or the person of the session. */
export function requireCaller(request: FastifyRequest): Caller {
  const key = request.apiKeyCaller;
  if (key) return { userId: null, apiKeyId: key.apiKeyId, grants: key.grants };
  const actor = requireActor(request);
  return { userId: actor.userId, apiKeyId: null, grants: actor.grants };
}
