import type { SessionPolicy } from '@ocop/domain/identity';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { Authenticator } from '../../platform/http/access';
import type { AdminUnitService } from '../geography';
import { auditRoutes } from './audit/audit.routes';
import { createAuditRepository } from './audit/audit.repository';
import { createAuditService } from './audit/audit.service';
import { authRoutes } from './sessions/auth.routes';
import { createAuthService } from './sessions/auth.service';
import { userRoutes } from './users/user.routes';
import { createSessionRepository } from './sessions/session.repository';
import { createUserRepository } from './users/user.repository';
import { createUserService, type ScopeChecker } from './users/user.service';

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
