export { createIdentityModule, type IdentityModule } from './identity.module';
export type { AuditContext, AuditService } from './audit/audit.service';
export { auditContextOf, SYSTEM_CONTEXT } from './audit/audit-context';
export type { ScopeChecker, UserService } from './users/user.service';
export { DEMO_PASSWORD, DEMO_PROVINCE, DEMO_USERS, seedDemoUsers, type DemoUser } from './users/demo-users';
