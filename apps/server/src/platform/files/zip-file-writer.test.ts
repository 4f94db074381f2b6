import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createZipFileWriter } from './zip-file-writer';

describe('a zip file written entry by entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-zip-test-'));
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function write(name: string) {
    const path = join(dir, name);
    const zip = await createZipFileWriter(path, { modifiedAt: new Date('2026-03-02T02:00:00Z'), utcOffsetMinutes: 420 });
    const entry = zip.entry('a.json');
    // More than the flush threshold, so bytes reach the disk while the entry is still open.
    for (let i = 0; i < 3_000; i++) await entry.write(`{"n":${i},"text":"${'Chè Shan tuyết '.repeat(30)}${i}"}\n`);
    const summary = await entry.end();
    const second = zip.entry('b.json');
    await second.write('{}');
    await second.end();
    await zip.close();
    return { path, summary };
  }

  it('holds what was written, with each entry’s size and SHA-256, and the same bytes in any process time zone', async () => {
    process.env.TZ = 'UTC';
    const utc = await write('utc.zip');
    process.env.TZ = 'America/New_York';
    const elsewhere = await write('ny.zip');
    expect(readFileSync(elsewhere.path).equals(readFileSync(utc.path))).toBe(true);

    const files = unzipSync(new Uint8Array(readFileSync(utc.path)));
    const a = files['a.json'] as Uint8Array;
    expect(utc.summary).toEqual({ name: 'a.json', bytes: a.length, sha256: createHash('sha256').update(a).digest('hex') });
    expect(new TextDecoder().decode(files['b.json'])).toBe('{}');
    expect(readFileSync(utc.path).length).toBeLessThan(a.length / 10);
  });

  it('refuses a second entry while one is open, and an aborted file can be removed', async () => {
    const path = join(dir, 'aborted.zip');
    const zip = await createZipFileWriter(path, { modifiedAt: new Date(), utcOffsetMinutes: 0 });
    zip.entry('a.json');
    expect(() => zip.entry('b.json')).toThrow('one zip entry at a time');
    await zip.abort();
    rmSync(path);
    expect(existsSync(path)).toBe(false);
  });
});
