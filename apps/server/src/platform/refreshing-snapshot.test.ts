import { describe, expect, it } from 'vitest';
import { createRefreshingSnapshot, createTokenGatedSnapshot } from './refreshing-snapshot';

describe('a refreshing snapshot', () => {
  const counting = (refreshMs: number) => {
    let clock = 0;
    let builds = 0;
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = null;
    const snapshot = createRefreshingSnapshot(
      async () => {
        builds += 1;
        const built = builds;
        if (gate !== null) await gate;
        return built;
      },
      { refreshMs, now: () => clock },
    );
    return {
      snapshot,
      advance: (ms: number) => {
        clock += ms;
      },
      hold: () => {
        gate = new Promise((resolve) => {
          release = () => {
            gate = null;
            resolve();
          };
        });
      },
      release: () => release(),
      builds: () => builds,
    };
  };

  it('builds once for readers that come together, and again only when the value is older than refreshMs', async () => {
    const s = counting(1_000);
    expect(await Promise.all([s.snapshot.get(), s.snapshot.get(), s.snapshot.get()])).toEqual([1, 1, 1]);
    s.advance(999);
    expect(await s.snapshot.get()).toBe(1);
    s.advance(2);
    // The stale value answers while the next one is built.
    expect(await s.snapshot.get()).toBe(1);
    await Promise.resolve();
    expect(await s.snapshot.get()).toBe(2);
    expect(s.builds()).toBe(2);
  });

  it('makes readers after `invalidate` wait for a value built after it', async () => {
    const s = counting(60_000);
    expect(await s.snapshot.get()).toBe(1);
    s.hold();
    s.snapshot.invalidate();
    const waiting = s.snapshot.get();
    let answered: number | null = null;
    void waiting.then((value) => {
      answered = value;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered).toBeNull();
    s.release();
    expect(await waiting).toBe(2);
  });

  it('keeps serving the last value when a rebuild fails, and tries again on the next read', async () => {
    let fail = false;
    let clock = 0;
    let builds = 0;
    const snapshot = createRefreshingSnapshot(
      async () => {
        builds += 1;
        if (fail) throw new Error('database away');
        return builds;
      },
      { refreshMs: 10, now: () => clock },
    );
    expect(await snapshot.get()).toBe(1);
    fail = true;
    clock = 20;
    expect(await snapshot.get()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    fail = false;
    expect(await snapshot.get()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(await snapshot.get()).toBe(3);
  });
});

describe('a token-gated snapshot', () => {
  const gated = () => {
    let clock = 0;
    let token = 'a';
    let builds = 0;
    let tokenReads = 0;
    let failBuild = false;
    const snapshot = createTokenGatedSnapshot(
      async () => {
        builds += 1;
        if (failBuild) throw new Error('database away');
        return `${token}#${builds}`;
      },
      {
        changeToken: async () => {
          tokenReads += 1;
          return token;
        },
        refreshMs: 100,
        now: () => clock,
      },
    );
    // Lets a refresh started in the background finish.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1));
    return {
      snapshot,
      settle,
      advance: (ms: number) => {
        clock += ms;
      },
      setToken: (next: string) => {
        token = next;
      },
      failBuilds: (yes: boolean) => {
        failBuild = yes;
      },
      counts: () => ({ builds, tokenReads }),
    };
  };

  it('asks the token every refreshMs and builds again only when it moved', async () => {
    const s = gated();
    expect(await s.snapshot.get()).toBe('a#1');
    s.advance(150);
    await s.snapshot.get();
    await s.settle();
    expect(await s.snapshot.get()).toBe('a#1');
    expect(s.counts()).toEqual({ builds: 1, tokenReads: 2 });

    s.setToken('b');
    s.advance(150);
    await s.snapshot.get(); // the old value answers while the next is built
    await s.settle();
    expect(await s.snapshot.get()).toBe('b#2');
    expect(s.snapshot.buildsStarted()).toBe(2);
  });

  it('builds after invalidate even if the token did not move (a write of the same instant)', async () => {
    const s = gated();
    expect(await s.snapshot.get()).toBe('a#1');
    s.snapshot.invalidate();
    expect(await s.snapshot.get()).toBe('a#2');
    expect(s.counts().builds).toBe(2);
  });

  it('keeps a failed forced build forced: the next read builds rather than settling for the old value', async () => {
    const s = gated();
    expect(await s.snapshot.get()).toBe('a#1');
    s.failBuilds(true);
    s.snapshot.invalidate();
    await expect(s.snapshot.get()).rejects.toThrow('database away');
    s.failBuilds(false);
    expect(await s.snapshot.get()).toBe('a#3');
  });
});
