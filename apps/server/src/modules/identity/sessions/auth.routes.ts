import { okView } from '@ocop/contracts/common';
import { changePasswordBody, loginBody, meView } from '@ocop/contracts/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearSessionCookie, requireActor, SESSION_COOKIE, type Actor } from '../../../platform/http/access';
import { auditContextOf } from '../audit/audit-context';
import type { AuthService } from './auth.service';
import type { UserService } from '../users/user.service';
import { toUserView } from '../users/user.view';

const TAG = ['Đăng nhập / Authentication'];

export function authRoutes(deps: {
  auth: AuthService;
  users: UserService;
  secureCookies: boolean;
  absoluteSeconds: number;
}): FastifyPluginAsyncZod {
  const { auth, users } = deps;

  async function meOf(actor: Actor) {
    const user = await users.getSelf(actor.userId);
    return { user: toUserView(user), csrfToken: actor.csrfToken, sessionExpiresAt: actor.sessionExpiresAt.toISOString() };
  }

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies || request.protocol === 'https',
      maxAge: deps.absoluteSeconds,
    });
  }

  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: { tags: TAG, summary: 'Log in with an email or phone number and a password', body: loginBody, response: { 200: meView } },
      },
      async (request, reply) => {
        const result = await auth.login({
          login: request.body.login,
          password: request.body.password,
          ipAddress: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          context: auditContextOf(request),
        });
        setSessionCookie(request, reply, result.token);
        return meOf(result.actor);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: TAG, summary: 'End the current session', response: { 200: okView } },
      },
      async (request, reply) => {
        await auth.logout(requireActor(request), auditContextOf(request));
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: TAG, summary: 'The logged-in user, roles with scopes, and the CSRF token', response: { 200: meView } },
      },
      async (request) => meOf(requireActor(request)),
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: TAG, summary: 'Change one’s own password', body: changePasswordBody, response: { 200: okView } },
      },
      async (request) => {
        await auth.changePassword(requireActor(request), request.body, auditContextOf(request));
        return { ok: true as const };
      },
    );
  };
}
