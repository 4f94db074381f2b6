import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../platform/jobs/jobs.tables';
import { SYSTEM_CONTEXT } from '../identity';
import { startSmtpServer, type TestSmtpServer } from '../../test-support/smtp-server';
import { SON_LA, startTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/test-app';
import { DIGEST_QUEUE, MAX_RECIPIENTS, type NotificationMessage } from '.';
import { DIGEST_MAX_ITEMS } from './notification-digest';
import { notifications } from './notification.tables';

const MINUTE = 60_000;

describe('notifications: inbox and digest mail', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      settings: { smtpUrl: smtp.url, mailFrom: 'OCOP Sơn La <ocop@sonla.test>', publicUrl: 'https://ocop.sonla.test' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const notify = (recipients: string[], message: Partial<NotificationMessage> = {}) =>
    t.modules.notifications.notifier.notify(recipients, {
      kind: 'dossier.submitted',
      subject: 'Hồ sơ cần xem xét / A dossier to review',
      body: 'Hồ sơ Chè Shan tuyết chờ xã xem xét.\nThe dossier waits for the commune.',
      link: `/dossiers/${randomUUID()}`,
      provinceCode: SON_LA,
      ...message,
    });

  const mailsTo = (login: string) => smtp.received.filter((mail) => mail.to.includes(login));
  const digestJobsOf = async (userId: string) =>
    (await t.database.db.select().from(jobs).where(eq(jobs.queue, DIGEST_QUEUE))).filter(
      (job) => (job.payload as { userId?: string }).userId === userId,
    );
  const rowsOf = (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

  // Each test starts with no digest due: what earlier tests queued is mailed first.
  beforeEach(async () => {
    t.clock.advance(24 * 60 * MINUTE);
    await t.settleJobs();
  });

  it('gathers three notifications into one mail once the digest window has passed', async () => {
    const { user, login } = await t.givenUser({ role: 'commune_officer' });
    await notify([user.id], { subject: 'Việc thứ nhất / First task', link: '/dossiers/1' });
    t.clock.advance(1_000);
    await notify([user.id], { subject: 'Việc thứ hai / Second task', link: '/dossiers/2' });
    t.clock.advance(1_000);
    await notify([user.id, user.id], { subject: 'Việc thứ ba / Third task', link: '/dossiers/3' });

    const queued = await digestJobsOf(user.id);
    expect(queued).toHaveLength(1); // one digest per user, however many notifications
    await t.settleJobs();
    expect(mailsTo(login)).toHaveLength(0); // the window is still open

    t.clock.advance(10 * MINUTE);
    await t.settleJobs();
    const mails = mailsTo(login);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe('OCOP: 3 việc cần làm / 3 things to do');
    expect(mail?.raw).toMatch(/^From: .*ocop@sonla\.test/im);
    const text = mail?.text ?? '';
    expect(text).toContain('Bạn có 3 thông báo mới');
    expect(text).toContain('You have 3 new notifications');
    for (const [n, subject] of [
      [1, 'Việc thứ nhất / First task'],
      [2, 'Việc thứ hai / Second task'],
      [3, 'Việc thứ ba / Third task'],
    ] as const) {
      expect(text).toContain(`${n}. ${subject}`);
      expect(text).toContain(`https://ocop.sonla.test/dossiers/${n}`);
    }
    expect(text).toContain('Hồ sơ Chè Shan tuyết chờ xã xem xét.');
    expect(text.indexOf('Bạn có')).toBeLessThan(text.indexOf('You have')); // Vietnamese first

    const rows = await rowsOf(user.id);
    expect(rows.map((row) => row.emailState)).toEqual(['sent', 'sent', 'sent']);
    expect((await digestJobsOf(user.id)).map((job) => job.status)).toEqual(['completed']);

    // The next notification opens a new window and a new digest.
    await notify([user.id]);
    t.clock.advance(10 * MINUTE);
    await t.settleJobs();
    expect(mailsTo(login)).toHaveLength(2);
    expect(mailsTo(login)[1]?.subject).toBe('OCOP: 1 việc cần làm / 1 thing to do');
  });

  it('lists the inbox newest first with the unread count, and marks one or all read', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const me = officer.session.userId;
    await notify([me], { subject: 'Cũ / Older' });
    t.clock.advance(1_000);
    await notify([me], { subject: 'Mới / Newer', entityType: 'dossier', entityId: randomUUID() });

    const first = await officer.get('/api/notifications');
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page).toMatchObject({ total: 2, unreadCount: 2, page: 1, pageSize: 20 });
    expect(page.items.map((item: { subject: string }) => item.subject)).toEqual(['Mới / Newer', 'Cũ / Older']);
    expect(page.items[0]).toMatchObject({ kind: 'dossier.submitted', entityType: 'dossier', readAt: null });
    expect(page.items[0].link).toMatch(/^\/dossiers\//);

    const read = await officer.post(`/api/notifications/${page.items[1].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const unread = (await officer.get('/api/notifications?unread=true')).json();
    expect(unread).toMatchObject({ total: 1, unreadCount: 1 });
    expect(unread.items[0].subject).toBe('Mới / Newer');

    const paged = (await officer.get('/api/notifications?page=2&pageSize=1')).json();
    expect(paged).toMatchObject({ total: 2, unreadCount: 1, page: 2, pageSize: 1 });
    expect(paged.items.map((item: { subject: string }) => item.subject)).toEqual(['Cũ / Older']);
    expect((await officer.get('/api/notifications?pageSize=101')).statusCode).toBe(400);

    const all = await officer.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 1, unreadCount: 0 });
    expect((await officer.get('/api/notifications')).json()).toMatchObject({ total: 2, unreadCount: 0 });
  });

  it("answers 404 for another user's notification and never lists it", async () => {
    const owner = await t.givenUser({ role: 'commune_officer' });
    await notify([owner.user.id], { subject: 'Riêng / Private' });
    const [row] = await rowsOf(owner.user.id);
    const other = await t.as({ role: 'province_admin' });

    const response = await other.post(`/api/notifications/${row?.id}/read`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'notification.not_found' });
    expect((await other.get('/api/notifications')).json()).toMatchObject({ items: [], total: 0, unreadCount: 0 });
    expect((await rowsOf(owner.user.id))[0]?.readAt).toBeNull();
    expect((await t.anonymous.get('/api/notifications')).statusCode).toBe(401);
  });

  it("leaves neither notification nor digest job when the caller's transaction rolls back", async () => {
    const { user } = await t.givenUser({ role: 'commune_officer' });
    await expect(
      t.transactions.run(async () => {
        await notify([user.id]);
        expect(await t.transactions.db().select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(user.id)).toHaveLength(0);
    expect(await digestJobsOf(user.id)).toHaveLength(0);
  });

  it('retries a digest the SMTP server refused, and delivers it once', async () => {
    const { user, login } = await t.givenUser({ role: 'commune_officer' });
    await notify([user.id], { subject: 'Thử lại / Retry' });
    smtp.rejectNextRecipients(1);
    t.clock.advance(10 * MINUTE);
    await t.settleJobs();
    expect(mailsTo(login)).toHaveLength(0);
    const [failed] = await digestJobsOf(user.id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await rowsOf(user.id))[0]?.emailState).toBe('pending');

    t.clock.advance(5 * MINUTE); // past the back-off
    await t.settleJobs();
    expect(mailsTo(login)).toHaveLength(1);
    expect(mailsTo(login)[0]?.text).toContain('1. Thử lại / Retry');
    expect((await digestJobsOf(user.id)).map((job) => job.status)).toEqual(['completed']);
    expect((await rowsOf(user.id))[0]?.emailState).toBe('sent');

    t.clock.advance(60 * MINUTE);
    await t.settleJobs();
    expect(mailsTo(login)).toHaveLength(1);
  });

  it('marks notifications of a user without an email skipped and mails nothing', async () => {
    const before = smtp.received.length;
    const user = await t.modules.identity.users.createUser(
      'system',
      {
        fullName: 'Cán bộ không có thư điện tử',
        phone: '0912345678',
        password: TEST_PASSWORD,
        provinceCode: SON_LA,
        roles: [{ role: 'province_officer', provinceCode: SON_LA }],
      },
      SYSTEM_CONTEXT,
    );
    await notify([user.id]);
    t.clock.advance(10 * MINUTE);
    await t.settleJobs();
    const rows = await rowsOf(user.id);
    expect(rows.map((row) => [row.emailState, row.emailedAt])).toEqual([['skipped', null]]);
    expect(smtp.received.length).toBe(before);
    expect((await digestJobsOf(user.id)).map((job) => job.status)).toEqual(['completed']);
  });

  it('mails at most DIGEST_MAX_ITEMS items at once and sends the rest in a follow-up digest', async () => {
    const { user, login } = await t.givenUser({ role: 'commune_officer' });
    for (let i = 0; i < DIGEST_MAX_ITEMS + 3; i++) {
      await notify([user.id], { subject: `Việc ${i + 1} / Task ${i + 1}`, link: `/dossiers/${i + 1}` });
      t.clock.advance(1_000);
    }
    t.clock.advance(10 * MINUTE);
    await t.settleJobs();
    const mails = mailsTo(login);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `OCOP: ${DIGEST_MAX_ITEMS} việc cần làm / ${DIGEST_MAX_ITEMS} things to do`,
      'OCOP: 3 việc cần làm / 3 things to do',
    ]);
    expect(mails[0]?.text).toContain(`${DIGEST_MAX_ITEMS}. Việc ${DIGEST_MAX_ITEMS} / Task ${DIGEST_MAX_ITEMS}`);
    expect(mails[1]?.text).toContain(`1. Việc ${DIGEST_MAX_ITEMS + 1} / Task ${DIGEST_MAX_ITEMS + 1}`);
    expect((await rowsOf(user.id)).every((row) => row.emailState === 'sent')).toBe(true);
  });

  it('refuses more recipients than the bound, and recipients that are not users', async () => {
    const tooMany = Array.from({ length: MAX_RECIPIENTS + 1 }, () => randomUUID());
    await expect(notify(tooMany)).rejects.toMatchObject({
      code: 'notification.too_many_recipients',
      details: { max: MAX_RECIPIENTS, count: MAX_RECIPIENTS + 1 },
    });
    await expect(notify([randomUUID()])).rejects.toMatchObject({ code: 'notification.unknown_recipient' });
    await expect(notify(['not-a-user-id'])).rejects.toMatchObject({ code: 'notification.unknown_recipient' });
    await expect(notify([])).resolves.toBeUndefined();
  });
});
