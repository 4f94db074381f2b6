import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never opens an account
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Runs a real verification against a throwaway hash, so "no such user" takes as long as
 * "wrong password" and the two cannot be told apart by timing.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('ocop-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
