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

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Routes a user may reach while their password must still be changed (me, logout, change password). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type Authenticator = {
  /** The actor behind a session token, 'expired' for a token that no longer opens a session. */
  authenticate: (token: string, request: FastifyRequest) => Promise<Actor | 'expired'>;
};

export const SESSION_COOKIE = 'ocop_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a route's access means in roles, as the API docs and the route snapshot show it. */
export function describeAccess(access: Access): 'public' | 'authenticated' | Role[] {
  return typeof access === 'string' ? access : rolesWith(access.capability);
}

export type RegisteredRoute = { method: string; url: string; access: Access };

/**
 * Every route must say who may call it; a route without `config.access` stops the server at
 * start-up, so a forgotten guard fails the first test run instead of reaching production.
 * Registered on the root, so it sees the routes of the back office and of the public edge alike.
 */
export function requireDeclaredAccess(app: FastifyInstance, routes: RegisteredRoute[]) {
  // On the root too, so `request.actor` is null (never undefined) on the public edge as well.
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (access === undefined) {
      throw new Error(`Route ${methods.join(',')} ${route.url} has no config.access; every route must declare who may call it.`);
    }
    for (const method of methods) routes.push({ method, url: route.url, access });
  });
}

/**
 * The session, CSRF and role checks of the back office: registered inside its encapsulated
 * context (with the cookie parser), so the public edge's routes never look a session up.
 */
export function registerSessionAccess(app: FastifyInstance, authenticator: Authenticator) {
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config?.access;
    if (access === undefined) return; // unknown route: the not-found handler answers

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
    if (!actor) return sendProblem(request, reply, 401, 'auth.required');
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
export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator, routes: RegisteredRoute[]) {
  requireDeclaredAccess(app, routes);
  registerSessionAccess(app, authenticator);
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
  if (!request.actor) throw new Error('requireActor used on a public route');
  return request.actor;
}
