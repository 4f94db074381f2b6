import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, startInquiryApp, tokenIn } from '../../../test-support/inquiry-builders';

type InquiryList = {
  items: {
    id: string;
    name: string;
    contact: string;
    quantity: string | null;
    message: string;
    status: string;
    productName: string | null;
  }[];
  total: number;
  unread: number;
};

describe('buyers’ inquiries to producers', () => {
  let s: Awaited<ReturnType<typeof startInquiryApp>>;
  let address = 0;
  /** A fresh client address per send, unless a test floods from one. */
  const nextAddress = () => `10.0.0.${++address}`;

  beforeAll(async () => {
    s = await startInquiryApp();
  });
  afterAll(async () => s.t.close());

  /** A token from the page, as a person who spends five seconds writing. */
  const tokenFrom = async (path: string) => {
    const token = tokenIn((await s.t.anonymous.get(path)).body);
    s.t.clock.advance(5_000);
    return token;
  };
  const inboxOf = async (member: typeof s.a.member) => (await member.get('/api/inquiries')).json() as InquiryList;
  const fields = {
    name: 'Nguyễn Văn An',
    contact: '0987 654 321',
    quantity: '200 chai',
    message: 'Cho tôi hỏi giá sỉ 200 chai giao tại Hà Nội.',
  };

  it('stores an inquiry from the product page, answers 303 to the thanks, and tells the producer’s members', async () => {
    const response = await postForm(
      s.t,
      {
        producer: s.a.producer.id,
        product: s.a.product.id,
        token: await tokenFrom(`/san-pham/${s.a.product.slug}`),
        lang: 'vi',
        ...fields,
      },
      nextAddress(),
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/hoi-mua/cam-on');
    expect((await s.t.anonymous.get('/hoi-mua/cam-on')).body).toContain('Cảm ơn bạn');

    const inbox = await inboxOf(s.a.member);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ ...fields, status: 'new', productName: 'Rượu táo mèo Bắc Yên' });
    const notices = (await s.a.member.get('/api/notifications')).json() as { items: { kind: string; link: string }[] };
    expect(notices.items[0]).toMatchObject({ kind: 'inquiry.received', link: `/inquiries/${inbox.items[0]?.id}` });

    // Another producer's member neither lists nor reads it; the province's staff read it but do not answer.
    const id = inbox.items[0]?.id as string;
    expect((await inboxOf(s.b.member)).total).toBe(0);
    expect((await s.b.member.get(`/api/inquiries/${id}`)).statusCode).toBe(404);
    expect((await s.b.member.post(`/api/inquiries/${id}/status`, { status: 'read' })).statusCode).toBe(404);
    expect((await s.officer.get(`/api/inquiries/${id}`)).statusCode).toBe(200);
    expect((await s.officer.post(`/api/inquiries/${id}/status`, { status: 'read' })).statusCode).toBe(403);
    // The commune officer of the producer's commune reads it; another commune's does not.
    const taXua = await s.t.as({ role: 'commune_officer', communeCode: '03868' });
    expect((await taXua.get(`/api/inquiries/${id}`)).statusCode).toBe(200);
    const chiengAn = await s.t.as({ role: 'commune_officer' });
    expect((await chiengAn.get(`/api/inquiries/${id}`)).statusCode).toBe(404);
    expect(((await chiengAn.get('/api/inquiries')).json() as InquiryList).total).toBe(0);

    const answered = await s.a.member.post(`/api/inquiries/${id}/status`, { status: 'answered' });
    expect(answered.json()).toMatchObject({ status: 'answered' });
    const back = await s.a.member.post(`/api/inquiries/${id}/status`, { status: 'read' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'inquiry.status_not_allowed' });
    expect((await inboxOf(s.a.member)).unread).toBe(0);
  });

  it('answers a filled honeypot as a success and stores nothing', async () => {
    const before = (await inboxOf(s.a.member)).total;
    const token = await tokenFrom(s.a.path);
    const response = await postForm(s.t, { producer: s.a.producer.id, token, ...fields, website: 'http://spam.example' }, nextAddress());
    expect(response.statusCode).toBe(303);
    expect((await inboxOf(s.a.member)).total).toBe(before);
  });

  it('refuses a forged, a too-fast and an expired token with the form again, keeping what was typed', async () => {
    const before = (await inboxOf(s.a.member)).total;
    const page = (await s.t.anonymous.get(s.a.path)).body;
    const fresh = tokenIn(page);
    const forged = `${fresh.slice(0, 14)}${fresh.slice(14).split('').reverse().join('')}`;
    for (const [token, text] of [
      [forged, 'Biểu mẫu đã quá hạn hoặc không hợp lệ'],
      ['1700000000000.abc', 'Biểu mẫu đã quá hạn hoặc không hợp lệ'],
      [fresh, 'Biểu mẫu được gửi quá nhanh'],
    ] as const) {
      const response = await postForm(s.t, { producer: s.a.producer.id, token, ...fields }, nextAddress());
      expect(response.statusCode, `${token} ${text}`).toBe(400);
      expect(response.body).toContain(text);
      expect(response.body).toContain('value="Nguyễn Văn An"');
      expect(response.body).toContain('Cho tôi hỏi giá sỉ 200 chai giao tại Hà Nội.</textarea>');
    }
    expect((await inboxOf(s.a.member)).total).toBe(before);
  });

  it('refuses over-long fields and a contact of the wrong shape with 400, the form kept and nothing stored', async () => {
    const before = (await inboxOf(s.a.member)).total;
    const token = await tokenFrom(s.a.path);
    const response = await postForm(
      s.t,
      {
        producer: s.a.producer.id,
        token,
        lang: 'en',
        name: 'An',
        contact: 'goi cho toi',
        quantity: 'q'.repeat(101),
        message: 'm'.repeat(2001),
      },
      nextAddress(),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('At most 2000 characters.');
    expect(response.body).toContain('At most 100 characters.');
    expect(response.body).toContain('Enter a phone number');
    expect(response.body).toContain('value="goi cho toi"');
    expect(response.body).toContain(`${'m'.repeat(2001)}</textarea>`);
    expect((await inboxOf(s.a.member)).total).toBe(before);
    expect((await postForm(s.t, { producer: '00000000-0000-4000-8000-000000000000', token, ...fields }, nextAddress())).statusCode).toBe(
      404,
    );
  });

  it('keeps script in every field inert: escaped on the re-rendered form, plain text in the back-office API', async () => {
    const hostile = '<script>window.__pwned=1</script>"><img src=x onerror=alert(1)>';
    const token = await tokenFrom(s.b.path);
    const refused = await postForm(
      s.t,
      { producer: s.b.producer.id, token, name: hostile, contact: hostile, quantity: hostile, message: hostile },
      nextAddress(),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).not.toContain('<script>window');
    expect(refused.body).not.toContain('<img src=x');
    expect(refused.body).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');

    const sent = await postForm(
      s.t,
      {
        producer: s.b.producer.id,
        token,
        name: hostile.slice(0, 100),
        contact: 'mua@example.vn',
        quantity: hostile.slice(0, 100),
        message: hostile,
      },
      nextAddress(),
    );
    expect(sent.statusCode).toBe(303);
    const response = await s.b.member.get('/api/inquiries');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect((response.json() as InquiryList).items[0]).toMatchObject({ message: hostile, name: hostile.slice(0, 100) });
  });

  it('answers a flood from one address with 429 and a Retry-After past its limit, storing nothing beyond it', async () => {
    const token = await tokenFrom(s.flood.path);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await postForm(s.t, { producer: s.flood.producer.id, token, ...fields }, '203.0.113.9')).statusCode);
    expect(statuses.slice(0, 4)).toEqual([303, 303, 303, 303]);
    // The fifth passes the address's limit but meets the producer's daily cap (4 in these tests).
    expect(statuses[4]).toBe(429);
    const over = await postForm(s.t, { producer: s.flood.producer.id, token, ...fields }, '203.0.113.9');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBe('120');
    expect(over.body).toContain('Bạn đã gửi quá nhiều yêu cầu');
    expect(over.body).toContain('You have sent too many inquiries');
    expect((await inboxOf(s.flood.member)).total).toBe(4);
    // Another address is not held back by it.
    expect((await postForm(s.t, { producer: s.a.producer.id, token, ...fields }, nextAddress())).statusCode).toBe(303);
  });

  it('caps the inquiries one producer receives a day, whatever the addresses', async () => {
    const token = await tokenFrom(s.b.path);
    const before = (await inboxOf(s.b.member)).total;
    for (let i = before; i < 4; i++)
      expect((await postForm(s.t, { producer: s.b.producer.id, token, ...fields }, nextAddress())).statusCode).toBe(303);
    const capped = await postForm(s.t, { producer: s.b.producer.id, token, ...fields }, nextAddress());
    expect(capped.statusCode).toBe(429);
    expect(capped.body).toContain('Chủ thể này đã nhận đủ số yêu cầu hỏi mua trong hôm nay');
    expect((await inboxOf(s.b.member)).total).toBe(4);
  });

  // Last: it moves the clock a day on, past every session and into the next day's cap.
  it('takes a token from a page cached for a day, and refuses it a second later', async () => {
    const before = (await inboxOf(s.a.member)).total;
    const fresh = tokenIn((await s.t.anonymous.get(s.a.path)).body);
    s.t.clock.advance(24 * 3_600_000);
    expect((await postForm(s.t, { producer: s.a.producer.id, token: fresh, ...fields }, nextAddress())).statusCode).toBe(303);
    s.t.clock.advance(1_000);
    const expired = await postForm(s.t, { producer: s.a.producer.id, token: fresh, lang: 'en', ...fields }, nextAddress());
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('The form has expired');
    const member = s.t.client(await s.t.login(s.a.member.session.login));
    expect(((await member.get('/api/inquiries')).json() as InquiryList).total).toBe(before + 1);
  });
});
