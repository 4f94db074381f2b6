export type SessionPolicy = { idleMs: number; absoluteMs: number };

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };

/** A session ends after a quiet spell (idle) and, however busy, after a fixed lifetime (absolute). */
export function isSessionExpired(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  const idle = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs;
  const tooOld = now.getTime() - session.createdAt.getTime() > policy.absoluteMs;
  return idle || tooOld;
}

/** When the session ends if the user keeps still from now on. */
export function sessionExpiresAt(session: SessionTimes, policy: SessionPolicy): Date {
  const idleEnd = session.lastSeenAt.getTime() + policy.idleMs;
  const absoluteEnd = session.createdAt.getTime() + policy.absoluteMs;
  return new Date(Math.min(idleEnd, absoluteEnd));
}
