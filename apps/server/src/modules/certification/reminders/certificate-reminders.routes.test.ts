import type { CertificateView, ReminderSweepView } from '@ocop/contracts/certification';
import type { NotificationPage } from '@ocop/contracts/notifications';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingChannel, type RecordingChannel } from '../../../platform/messaging/short-message-channel';
import {
  givenCertificate,
  givenLegacyCertificate,
  givenPendingReEvaluation,
  setProducerPhone,
} from '../../../test-support/certification-builders';
import { startSmtpServer, type TestSmtpServer } from '../../../test-support/smtp-server';
import { HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';
import { certificateReminders, certificates } from '../certificates/certificate.tables';
import { CHANNELS_QUEUE } from './certificate-reminders';

/** Moves the test clock forward to 09:00 (Vietnam) of `day`. */
function moveTo(t: TestApp, day: string) {
  const target = new Date(`${day}T02:00:00Z`).getTime();
  const now = t.clock.now().getTime();
  if (target < now) throw new Error(`the clock is past ${day}`);
  t.clock.advance(target - now);
}

const kindsOf = async (t: TestApp, certificateId: string) =>
  (
    await t.database.db
      .select({ kind: certificateReminders.kind })
      .from(certificateReminders)
      .where(eq(certificateReminders.certificateId, certificateId))
      .orderBy(asc(certificateReminders.sentAt))
  ).map((row) => row.kind);

describe('expiry reminders of certificates (180, 120, 30 days before, and at expiry)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let sms: RecordingChannel;
  let zalo: RecordingChannel;
  const settings = () => ({ smtpUrl: smtp.url, publicUrl: 'https://ocop.sonla.test' });
  // A: the certificate followed to its end; R revoked, S superseded, E in re-evaluation; W a legacy one expiring sooner.
  let a: CertificateView;
  let others: { revoked: string; superseded: string; inReEvaluation: string };
  let weeksLate: string;
  let memberLogin: string;
  let secretariatLogin: string;

  const signIn = async (login: string) => t.client(await t.login(login));
  const inbox = async (login: string) =>
    ((await (await signIn(login)).get('/api/notifications?pageSize=100')).json() as NotificationPage).items.filter(
      (item) => item.entityId === a.id,
    );
  const runNow = async (login: string) => {
    const response = await (await signIn(login)).post('/api/certification/reminders/run');
    expect(response.statusCode).toBe(200);
    return response.json() as ReminderSweepView;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sms = createRecordingChannel('sms');
    zalo = createRecordingChannel('zalo');
    t = await startTestApp({ settings: settings(), shortMessages: [sms, zalo] });

    const first = await givenCertificate(t, { signedOn: '2026-09-01' });
    a = first.certificate;
    secretariatLogin = first.officer.session.login;
    await setProducerPhone(t, a.producerId ?? '', '0388 123 456');
    memberLogin = (await t.givenUser({ role: 'producer_member', producerId: a.producerId ?? '' })).login;

    const revoked = (await givenCertificate(t)).certificate;
    const revocation = await first.officer.post(`/api/certificates/${revoked.id}/revocation`, {
      ground: 'd',
      decisionNumber: '77/QĐ-UBND',
      decidedOn: '2026-09-01',
      findingOn: '2026-09-01',
      reason: 'Sử dụng nhãn OCOP sai quy định',
    });
    expect(revocation.statusCode).toBe(200);
    const superseded = (await givenCertificate(t)).certificate;
    await t.database.db
      .update(certificates)
      .set({ supersededById: a.id, supersededOn: '2027-01-01' })
      .where(eq(certificates.id, superseded.id));
    const inReEvaluation = (await givenCertificate(t)).certificate;
    // A re-evaluation filed for its product on the first day of the window, not decided yet.
    await givenPendingReEvaluation(t, first.officer, inReEvaluation.productId ?? '', '2029-03-04');
    others = { revoked: revoked.id, superseded: superseded.id, inReEvaluation: inReEvaluation.id };
    weeksLate = (await givenLegacyCertificate(t, { expiresOn: '2029-05-31' })).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('at 180 days before expiry tells the producer’s members and the secretariat, in the app, by mail, SMS and Zalo', async () => {
    expect(a.expiresOn).toBe('2029-08-31');
    moveTo(t, '2029-03-04');
    await t.settleJobs(); // the daily job due at 06:00 runs, then the short messages

    expect(await kindsOf(t, a.id)).toEqual(['before_180']);
    const [toMember] = await inbox(memberLogin);
    expect(toMember).toMatchObject({ kind: 'certificate.expiring', link: '/dossiers', entityType: 'certificate' });
    expect(toMember?.subject).toBe(`Giấy chứng nhận OCOP số ${a.number} hết hạn ngày 31/08/2029, còn 180 ngày: nộp hồ sơ đánh giá lại`);
    expect(toMember?.body).toContain('từ nay đến hết ngày 03/05/2029');
    expect(toMember?.body).toContain('Quyết định 26/2026/QĐ-TTg');
    expect(toMember?.body).toContain('màn hình Hồ sơ');
    expect((await inbox(secretariatLogin)).map((item) => item.subject)).toEqual([toMember?.subject]);

    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]?.to).toBe('+84388123456');
    expect(sms.sent[0]?.text).toContain(`OCOP: GCN ${a.number} het han 31/08/2029, con 180 ngay.`);
    expect(sms.sent[0]?.text).toContain('https://ocop.sonla.test/dossiers');
    expect(sms.sent[0]?.text.length).toBeLessThanOrEqual(160);
    expect(zalo.sent.map((message) => message.to)).toEqual(['+84388123456']);
    expect(zalo.sent[0]?.text).toContain('còn 180 ngày');
    const [row] = await t.database.db.select().from(certificateReminders).where(eq(certificateReminders.certificateId, a.id));
    expect(row).toMatchObject({ dueOn: '2029-03-04' });
    expect(row?.channelsSentAt).not.toBeNull();

    t.clock.advance(11 * 60_000); // the digest window
    await t.settleJobs();
    const mail = smtp.received.find((received) => received.to.includes(memberLogin));
    expect(mail?.text).toContain(toMember?.subject);
    expect(mail?.text).toContain('https://ocop.sonla.test/dossiers');
  });

  it('sends none to a certificate revoked, superseded or in re-evaluation', async () => {
    for (const id of Object.values(others)) expect(await kindsOf(t, id)).toEqual([]);
  });

  it('after weeks without a run sends only the latest reminder due, not the ones it missed', async () => {
    // W expires 31/05/2029: on 04/03/2029 its 180-day day (02/12/2028) and 120-day day (31/01/2029) have both passed.
    expect(await kindsOf(t, weeksLate)).toEqual(['before_120']);
  });

  it('never sends a reminder twice: run again the same day, retry its short messages, restart the app', async () => {
    const again = await runNow(secretariatLogin);
    expect(again).toEqual({ today: '2029-03-04', scanned: 4, sent: { before_180: 0, before_120: 0, before_30: 0, expired: 0 }, failed: 0 });
    await t.jobs.enqueue(CHANNELS_QUEUE, { certificateId: a.id, kind: 'before_180' }); // as a retried job would
    await t.settleJobs();
    expect(sms.sent).toHaveLength(1); // W, of no registered producer, has no phone to text
    expect(zalo.sent).toHaveLength(1);

    sms = createRecordingChannel('sms');
    zalo = createRecordingChannel('zalo');
    t = await t.restart({ settings: settings(), shortMessages: [sms, zalo] });
    expect((await runNow(secretariatLogin)).sent).toEqual({ before_180: 0, before_120: 0, before_30: 0, expired: 0 });
    await t.settleJobs();
    expect(sms.sent).toEqual([]);
    expect(zalo.sent).toEqual([]);
    expect(await kindsOf(t, a.id)).toEqual(['before_180']);
  });

  it('sends the reminder due at once when asked, only in the caller’s provinces, and only to staff who manage certificates', async () => {
    const soon = await givenLegacyCertificate(t, { expiresOn: '2029-03-20' }); // 16 days left: the 30-day reminder is due
    const hanoiOfficer = (await t.givenUser({ role: 'province_officer', provinceCode: HANOI })).login;
    expect((await runNow(hanoiOfficer)).scanned).toBe(0);
    expect(await kindsOf(t, soon.id)).toEqual([]);
    const member = await signIn(memberLogin);
    expect((await member.post('/api/certification/reminders/run')).statusCode).toBe(403);

    expect((await runNow(secretariatLogin)).sent).toEqual({ before_180: 0, before_120: 0, before_30: 1, expired: 0 });
    expect(await kindsOf(t, soon.id)).toEqual(['before_30']);
    await t.settleJobs();
    expect(sms.sent).toEqual([]); // a certificate of no registered producer has no phone to text
  });

  it('retries only the channel whose provider was down', async () => {
    const soon = await givenLegacyCertificate(t, { expiresOn: '2029-03-25', producerId: a.producerId ?? '' });
    const [smsBefore, zaloBefore] = [sms.sent.length, zalo.sent.length];
    zalo.failNext(1);
    expect((await runNow(secretariatLogin)).sent.before_30).toBe(1);
    await t.settleJobs();
    expect(sms.sent.slice(smsBefore).map((message) => message.to)).toEqual(['+84388123456']);
    expect(zalo.sent.slice(zaloBefore)).toEqual([]);
    const reminder = () => t.database.db.select().from(certificateReminders).where(eq(certificateReminders.certificateId, soon.id));
    expect((await reminder())[0]?.channelsSentAt).toBeNull();

    t.clock.advance(3 * 60_000); // the retry's delay
    await t.settleJobs();
    expect(sms.sent.slice(smsBefore)).toHaveLength(1);
    expect(zalo.sent.slice(zaloBefore).map((message) => message.to)).toEqual(['+84388123456']);
    expect((await reminder())[0]?.channelsSentAt).not.toBeNull();
  });

  it('sends the 120-day, 30-day and expiry reminders, one each, and nothing after', async () => {
    const smsBefore = sms.sent.length;
    moveTo(t, '2029-05-03');
    await t.settleJobs();
    expect(await kindsOf(t, a.id)).toEqual(['before_180', 'before_120']);
    const [latest] = await inbox(memberLogin); // newest first
    expect(latest?.subject).toContain('còn 120 ngày');
    expect(latest?.body).toContain('từ nay đến hết ngày 03/05/2029');

    moveTo(t, '2029-08-01');
    await t.settleJobs();
    expect(await kindsOf(t, a.id)).toEqual(['before_180', 'before_120', 'before_30']);
    const [thirty] = await inbox(memberLogin);
    expect(thirty?.body).toContain('đã hết ngày 03/05/2029');
    expect(thirty?.body).toContain('tối đa 180 ngày sau ngày hết hạn');

    moveTo(t, '2029-09-01');
    await t.settleJobs();
    expect(await kindsOf(t, a.id)).toEqual(['before_180', 'before_120', 'before_30', 'expired']);
    const [expired] = await inbox(memberLogin);
    expect(expired).toMatchObject({ kind: 'certificate.expired', subject: `Giấy chứng nhận OCOP số ${a.number} đã hết hiệu lực` });
    expect(expired?.body).toContain('đã hết hiệu lực từ ngày 01/09/2029');
    expect(sms.sent.slice(smsBefore).map((message) => message.to)).toEqual(['+84388123456', '+84388123456', '+84388123456']);

    moveTo(t, '2029-09-15');
    await t.settleJobs();
    expect((await runNow(secretariatLogin)).sent).toEqual({ before_180: 0, before_120: 0, before_30: 0, expired: 0 });
    for (const id of Object.values(others)) expect(await kindsOf(t, id)).toEqual([]);
    const all = await t.database.db
      .select()
      .from(certificateReminders)
      .where(inArray(certificateReminders.certificateId, [a.id, ...Object.values(others)]));
    expect(all).toHaveLength(4);
  });
});
