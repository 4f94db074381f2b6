import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, startInquiryApp, tokenIn } from '../../../test-support/inquiry-builders';
import type { TestApp } from '../../../test-support/test-app';

/**
 * The address's limit holds across processes: each process keeps its own memory bucket (a cheap first
 * refusal), and the database counts what every process stored from the address in the window.
 */
describe('an inquiry flood spread over processes', () => {
  let s: Awaited<ReturnType<typeof startInquiryApp>>;
  let t: TestApp;
  const fields = { name: 'Trần Thị Bình', contact: 'binh@example.vn', quantity: '', message: 'Xin báo giá giao hàng về Hà Nội.' };
  const tokenFrom = async (path: string) => {
    const token = tokenIn((await t.anonymous.get(path)).body);
    t.clock.advance(5_000);
    return token;
  };

  beforeAll(async () => {
    s = await startInquiryApp();
    t = s.t;
  });
  afterAll(async () => t.close());

  it('refuses the sixth inquiry from one address in ten minutes even when a fresh process receives it', async () => {
    const flooder = '198.51.100.7';
    // Five from one address, spread over two producers (each under its daily cap of 4).
    for (const producer of [s.a, s.a, s.a, s.b, s.b]) {
      const sent = await postForm(t, { producer: producer.producer.id, token: await tokenFrom(producer.path), ...fields }, flooder);
      expect(sent.statusCode).toBe(303);
    }
    // Another process: its memory has never seen this address.
    t = await t.restart();
    const token = await tokenFrom(s.flood.path);
    const sixth = await postForm(t, { producer: s.flood.producer.id, token, ...fields }, flooder);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe('120');
    expect(sixth.body).toContain('Bạn đã gửi quá nhiều yêu cầu');
    expect(sixth.body).toContain('You have sent too many inquiries');
    const member = await t.as({ role: 'producer_member', producerId: s.flood.producer.id });
    expect(((await member.get('/api/inquiries')).json() as { total: number }).total).toBe(0);

    // Another address is not held back, and the flooder may write again once the window has passed.
    expect((await postForm(t, { producer: s.flood.producer.id, token, ...fields }, '198.51.100.8')).statusCode).toBe(303);
    t.clock.advance(10 * 60_000);
    const later = await postForm(t, { producer: s.flood.producer.id, token: await tokenFrom(s.flood.path), ...fields }, flooder);
    expect(later.statusCode).toBe(303);
  });
});
