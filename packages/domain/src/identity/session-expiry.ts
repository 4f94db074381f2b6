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

/**
 * Whether a request should move the session's last-seen time forward. Writing it on every request
 * would cost a write per call, so it moves at most once a minute, and more often under a short
 * idle limit (a quarter of it), so that a user who keeps acting is never logged out as idle.
 */
export function shouldRefreshLastSeen(lastSeenAt: Date, now: Date, policy: SessionPolicy): boolean {
  const resolutionMs = Math.min(60_000, policy.idleMs / 4);
  return now.getTime() - lastSeenAt.getTime() > resolutionMs;
}
