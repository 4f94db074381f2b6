import type { SessionPolicy } from '@ocop/domain/identity';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { Authenticator } from '../../platform/http/access';
import type { AdminUnitService } from '../geography';
import { auditRoutes } from './audit.routes';
import { createAuditRepository } from './audit.repository';
import { createAuditService } from './audit.service';
import { authRoutes } from './auth.routes';
import { createAuthService } from './auth.service';
import { userRoutes } from './user.routes';
import { createSessionRepository } from './session.repository';
import { createUserRepository } from './user.repository';
import { createUserService, type ScopeChecker } from './user.service';

export function createIdentityModule(deps: {
  transactions: Transactions;
  clock: Clock;
  adminUnits: AdminUnitService;
  sessionPolicy: SessionPolicy;
  secureCookies: boolean;
  scopeCheckers: { producer?: ScopeChecker; salesPoint?: ScopeChecker };
}) {
  const records = {
    users: createUserRepository(deps),
    sessions: createSessionRepository(deps),
  };
  const audit = createAuditService({ clock: deps.clock, entries: createAuditRepository(deps) });
  const auth = createAuthService({ ...deps, ...records, audit });
  const users = createUserService({ ...deps, ...records, audit });
  const authenticator: Authenticator = { authenticate: (token) => auth.authenticate(token) };
  return {
    audit,
    auth,
    users,
    authenticator,
    routes: [
      authRoutes({ auth, users, secureCookies: deps.secureCookies, absoluteSeconds: Math.round(deps.sessionPolicy.absoluteMs / 1000) }),
      userRoutes(users),
      auditRoutes(audit),
    ],
  };
}
export type IdentityModule = ReturnType<typeof createIdentityModule>;
