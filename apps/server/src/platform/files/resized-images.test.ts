import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createResizedImageCache, publicImageWidth } from './resized-images';

const picture = (shade: number) =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: shade, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();

describe('resized image cache', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-resized-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('takes only the fixed widths; any other is 400', () => {
    expect([160, 320, 400, 640, 960, 123, 0, 4000].map(publicImageWidth)).toEqual([160, 320, 400, 640, 960, 400, 400, 400]);
  });

  it('keeps at most maxFiles copies, removing the least recently used, and reads the source once per copy', async () => {
    const dir = freshDir();
    const cache = await createResizedImageCache({ dir, maxFiles: 2 });
    let reads = 0;
    const source = async () => {
      reads += 1;
      return picture(reads * 40);
    };
    await cache.get('a', 160, 'webp', source);
    await cache.get('b', 160, 'webp', source);
    await cache.get('a', 160, 'webp', source); // a is now the most recently used
    await cache.get('c', 160, 'webp', source);
    expect(reads).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['a-160.webp', 'c-160.webp']);
    expect(cache.stats().files).toBe(2);
    // A new process finds what the folder holds.
    const reopened = await createResizedImageCache({ dir, maxFiles: 2 });
    expect(reopened.stats().files).toBe(2);
    await reopened.get('a', 160, 'webp', source);
    expect(reads).toBe(3);
  });

  it('shares one resize between requests for the same copy, and keeps the folder within maxBytes', async () => {
    const dir = freshDir();
    const cache = await createResizedImageCache({ dir, maxBytes: 1 });
    let reads = 0;
    const source = async () => {
      reads += 1;
      return picture(10);
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('same', 320, 'jpg', source)));
    expect(reads).toBe(1);
    for (const answer of answers) expect(answer).toMatchObject({ mediaType: 'image/jpeg' });
    // Larger than the bound: served, not kept.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses when more resizes wait than allowed, and a missing or oversized source', async () => {
    const cache = await createResizedImageCache({ dir: freshDir(), concurrency: 1, maxWaiting: 1 });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = async () => {
      await held;
      return picture(20);
    };
    const first = cache.get('one', 160, 'webp', slow);
    const second = cache.get('two', 160, 'webp', slow);
    expect(await cache.get('three', 160, 'webp', slow)).toEqual({ refused: 'busy' });
    release();
    expect(await first).toMatchObject({ mediaType: 'image/webp' });
    expect(await second).toMatchObject({ mediaType: 'image/webp' });
    expect(await cache.get('none', 160, 'webp', async () => null)).toEqual({ refused: 'unreadable' });
    expect(await cache.get('big', 160, 'webp', async () => 'too_large')).toEqual({ refused: 'too_large' });
  });
});
