import { DEMO_PASSWORD, seedDemoUsers, type DemoUser } from '../modules/identity';
import type { OcopApp } from '../app';

/** Fills an empty system with the clearly marked Sơn La demo: province, users per role. Idempotent. */
export async function seedDemoData(modules: OcopApp['modules']): Promise<{ users: DemoUser[]; password: string }> {
  const users = await seedDemoUsers({ users: modules.identity.users, auth: modules.identity.auth });
  return { users, password: DEMO_PASSWORD };
}
