import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, DEMO_PASSWORD, startSystem, type System } from './harness';

// The self-assessment PDF from the built server (esbuild bundle in dist/): proves the bundle finds
// pdfkit and the Be Vietnam Pro font files at run time, which the source-run tests cannot.
describe('self-assessment PDF from the built server', () => {
  let system: System;
  before(async () => {
    system = await startSystem();
  });
  after(async () => {
    await system?.stop();
  });

  it('prints the demo producer’s self-assessment in Vietnamese', async () => {
    const login = await fetch(`${system.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'hoptacxa.bichthao@ocop.demo', password: DEMO_PASSWORD }),
    });
    assert.equal(login.status, 200);
    const cookie = (login.headers.getSetCookie().find((value) => value.startsWith('ocop_session=')) ?? '').split(';')[0] ?? '';
    const products = (await (await fetch(`${system.baseUrl}/api/products?pageSize=5`, { headers: { cookie } })).json()) as {
      items: { id: string; nameVi?: string; name?: string }[];
    };
    const product = products.items[0];
    assert.ok(product, 'the demo producer has a product');

    const response = await fetch(`${system.baseUrl}/api/products/${product.id}/self-assessment.pdf`, { headers: { cookie } });
    assert.equal(response.status, 200, system.logs());
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'self-assessment.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ARTIFACTS, 'self-assessment-page')]);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    assert.match(text, /BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM/);
    assert.match(text, /Tên chủ thể: \(Demo\) HTX Cà phê Bích Thao/);
    assert.match(text, /ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ/);
  });
});
