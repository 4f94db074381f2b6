import { describe, expect, it } from 'vitest';
import { createRefreshingSnapshot } from './refreshing-snapshot';

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
