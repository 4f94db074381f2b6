import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxCell } from '../platform/spreadsheets/sheet-reader';
import { multipart } from '../test-support/file-fixtures';
import { type Client, type TestApp, startTestApp } from '../test-support/test-app';
import { PRODUCT_HEADERS } from '../modules/registry/imports/product-columns';

describe('text PostgreSQL cannot store, in an import', () => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
  });
  afterAll(() => t.close());

  async function dryRun(bytes: Buffer) {
    const form = multipart({ file: { filename: 'nul.csv', bytes, contentType: 'text/csv' } });
    const started = await officer.post('/api/imports/products?mode=dry-run', form.body, form.headers);
    expect(started.statusCode).toBe(202);
    await t.modules.registry.imports.idle();
    return (await officer.get(`/api/imports/${started.json().id}`)).json();
  }

  it('names the row and column of a NUL that comes after the first 8 KB of a CSV', async () => {
    // One long row first, so the NUL lies beyond the 8 KB an upload's type is sniffed from.
    const filler = [`Sản phẩm ${'dài '.repeat(2_500)}${','.repeat(PRODUCT_HEADERS.length - 1)}`];
    const csv = [PRODUCT_HEADERS.join(','), ...filler, `Mật ong\u0000 rừng${','.repeat(PRODUCT_HEADERS.length - 1)}`].join('\r\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(8 * 1024);
    const job = await dryRun(Buffer.from(csv));
    expect(job.status).toBe('completed');
    const nul = job.problems.filter((problem: { code: string }) => problem.code === 'import.unstorable_character');
    expect(nul).toEqual([
      expect.objectContaining({ row: 3, column: 'A', header: PRODUCT_HEADERS[0], message: expect.stringContaining('U+0000') }),
    ]);
  });

  it('reports a lone surrogate or a NUL in an xlsx cell instead of passing it on', () => {
    expect(readXlsxCell({ value: 'a\uD800b' }).problem).toEqual({ code: 'import.unstorable_character', details: { character: 'U+D800' } });
    expect(readXlsxCell({ value: 'x\uDC01' }).problem).toEqual({ code: 'import.unstorable_character', details: { character: 'U+DC01' } });
    expect(readXlsxCell({ value: { richText: [{ text: 'a\u0000' }] } }).problem?.code).toBe('import.unstorable_character');
    expect(readXlsxCell({ value: 'Chè 🍵 Shan tuyết' }).problem).toBeUndefined();
  });
});
