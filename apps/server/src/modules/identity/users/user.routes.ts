import { pageOf } from '@ocop/contracts/common';
import {
  createUserBody,
  provinceTenantView,
  resetPasswordBody,
  updateUserBody,
  updateUserRolesBody,
  userListQuery,
  userView,
} from '@ocop/contracts/identity';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../audit/audit-context';
import type { UserService } from './user.service';
import { toUserView } from './user.view';

const TAG = ['Người dùng / Users'];
const userParams = z.object({ userId: z.uuid() });

export function userRoutes(users: UserService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { access: capability('users.manage') },
        schema: {
          tags: TAG,
          summary: 'Users of the provinces one administers',
          querystring: userListQuery,
          response: { 200: pageOf(userView) },
        },
      },
      async (request) => {
        const result = await users.list(requireActor(request).grants, request.query);
        return { items: result.items.map(toUserView), total: result.total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.post(
      '/users',
      {
        config: { access: capability('users.manage') },
        schema: { tags: TAG, summary: 'Create a user with roles and scopes', body: createUserBody, response: { 201: userView } },
      },
      async (request, reply) => {
        // The initial password passed through an admin's hands, so its owner must replace it at first login.
        const created = await users.createUser(
          requireActor(request).grants,
          { ...request.body, mustChangePassword: true },
          auditContextOf(request),
        );
        return reply.status(201).send(toUserView(created));
      },
    );

    app.get(
      '/users/:userId',
      {
        config: { access: capability('users.manage') },
        schema: { tags: TAG, summary: 'One user', params: userParams, response: { 200: userView } },
      },
      async (request) => toUserView(await users.get(requireActor(request).grants, request.params.userId)),
    );

    app.patch(
      '/users/:userId',
      {
        config: { access: capability('users.manage') },
        schema: {
          tags: TAG,
          summary: 'Correct a user’s full name, email or phone',
          params: userParams,
          body: updateUserBody,
          response: { 200: userView },
        },
      },
      async (request) =>
        toUserView(await users.updateProfile(requireActor(request).grants, request.params.userId, request.body, auditContextOf(request))),
    );

    app.put(
      '/users/:userId/roles',
      {
        config: { access: capability('users.manage') },
        schema: {
          tags: TAG,
          summary: 'Replace a user’s roles',
          params: userParams,
          body: updateUserRolesBody,
          response: { 200: userView },
        },
      },
      async (request) =>
        toUserView(
          await users.replaceRoles(requireActor(request).grants, request.params.userId, request.body.roles, auditContextOf(request)),
        ),
    );

    for (const [path, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/users/:userId/${path}`,
        {
          config: { access: capability('users.manage') },
          schema: { tags: TAG, summary: disabled ? 'Disable a user' : 'Enable a user', params: userParams, response: { 200: userView } },
        },
        async (request) => {
          const actor = requireActor(request);
          return toUserView(await users.setDisabled(actor.grants, actor.userId, request.params.userId, disabled, auditContextOf(request)));
        },
      );
    }

    app.post(
      '/users/:userId/password-reset',
      {
        config: { access: capability('users.manage') },
        schema: {
          tags: TAG,
          summary: 'Set a temporary password the user must change at next login',
          params: userParams,
          body: resetPasswordBody,
          response: { 200: userView },
        },
      },
      async (request) =>
        toUserView(
          await users.resetPassword(
            requireActor(request).grants,
            request.params.userId,
            request.body.temporaryPassword,
            auditContextOf(request),
          ),
        ),
    );

    app.get(
      '/provinces/served',
      {
        config: { access: 'authenticated' },
        schema: { tags: TAG, summary: 'Provinces served by this deployment', response: { 200: z.array(provinceTenantView) } },
      },
      async () => users.servedProvinces(),
    );
  };
}
