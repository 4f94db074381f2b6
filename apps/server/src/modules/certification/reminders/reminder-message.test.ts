import { describe, expect, it } from 'vitest';
import { fitShortMessage } from '../../../platform/messaging/short-message-channel';
import { type ReminderFacts, reminderNotice, reminderShortText } from './reminder-message';

const facts = (kind: ReminderFacts['kind'], today: string): ReminderFacts => ({
  kind,
  today,
  number: '123/GCN-OCOP-14-2026',
  stars: 4,
  productName: 'Chè Shan tuyết cổ thụ Tà Xùa loại đặc biệt đóng hộp quà tặng',
  producerName: 'Hợp tác xã Nông nghiệp và Dịch vụ Chè Tà Xùa Bắc Yên',
  expiresOn: '2029-08-31',
  rules: {
    decisionName: 'Quyết định 26/2026/QĐ-TTg',
    window: { earliestDaysBeforeExpiry: 180, latestDaysBeforeExpiry: 120 },
    lateExtensionMaxDays: 180,
  },
});

describe('reminder messages', () => {
  it.each([
    [
      'before_180',
      '2029-03-04',
      'còn 180 ngày',
      'từ nay đến hết ngày 03/05/2029 (từ 180 đến 120 ngày trước ngày hết hạn, theo Quyết định 26/2026/QĐ-TTg)',
    ],
    ['before_120', '2029-05-03', 'còn 120 ngày', 'từ nay đến hết ngày 03/05/2029'],
    ['before_30', '2029-08-01', 'còn 30 ngày', 'đã hết ngày 03/05/2029 (theo Quyết định 26/2026/QĐ-TTg). Nếu chưa nộp, hãy nộp ngay'],
    ['expired', '2029-09-01', 'đã hết hiệu lực', 'lập hồ sơ đánh giá, phân hạng mới tại màn hình Hồ sơ'],
  ] as const)('%s on %s says how long is left and what to do now', (kind, today, when, what) => {
    const notice = reminderNotice(facts(kind, today));
    expect(`${notice.subject} ${notice.body}`).toContain(when);
    expect(notice.body).toContain(what);
    expect(notice.link).toBe('/dossiers');
    expect(notice.body.length).toBeLessThan(500); // the digest mail shows 500 characters of a body
  });

  it('tells when the window opens to a reminder sent before it (a window set shorter than 180 days)', () => {
    const early = facts('before_180', '2029-03-04');
    const notice = reminderNotice({
      ...early,
      rules: { ...early.rules, window: { earliestDaysBeforeExpiry: 150, latestDaysBeforeExpiry: 120 } },
    });
    expect(notice.body).toContain('Hồ sơ đánh giá lại được nộp từ ngày 03/04/2029 đến ngày 03/05/2029');
  });

  it('fits the short text in one SMS with the days left and the address, the product’s name cut first', () => {
    const text = reminderShortText(facts('before_180', '2029-03-04'), 'https://ocop.sonla.gov.vn/');
    expect(text).toContain('Nộp hồ sơ đánh giá lại đến hết 03/05/2029 tại https://ocop.sonla.gov.vn/dossiers.');
    const sms = fitShortMessage('sms', text);
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(sms).toMatch(
      /^OCOP: GCN 123\/GCN-OCOP-14-2026 het han 31\/08\/2029, con 180 ngay\. Nop ho so danh gia lai den het 03\/05\/2029 tai https:\/\/ocop\.sonla\.gov\.vn\/dossiers\. SP: Che.*\.\.\.$/,
    );
    expect(reminderShortText(facts('before_30', '2029-08-01'), 'https://x.vn')).toContain(
      'Nộp hồ sơ đánh giá lại ngay tại https://x.vn/dossiers',
    );
    expect(reminderShortText(facts('expired', '2029-09-01'), 'https://x.vn')).toContain('đã hết hiệu lực từ 01/09/2029');
  });
});
