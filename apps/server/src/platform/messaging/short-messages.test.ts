import { describe, expect, it } from 'vitest';
import { createLoggingChannel, createRecordingChannel, fitShortMessage, UnreachablePhoneError } from './short-message-channel';
import { fitSms, fitText, gsmText, SMS_MAX_SEPTETS } from './short-message-text';
import { maskPhone, normaliseVietnamesePhone } from './vietnamese-phone';

describe('normaliseVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091-234-5678', '+84912345678'],
    ['(+84) 912.345.678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0388 123 456', '+84388123456'],
    [' 0868123456 ', '+84868123456'],
  ])('reads the mobile %s as %s', (input, e164) => {
    expect(normaliseVietnamesePhone(input)).toEqual({ e164, mobile: true });
  });

  it('reads a landline, and says it is not a mobile', () => {
    expect(normaliseVietnamesePhone('0212 3852 123')).toEqual({ e164: '+842123852123', mobile: false });
  });

  it.each([
    '',
    'không có',
    '091234567',
    '09123456789',
    '01662345678', // an 11-digit mobile of before 2018
    '0612345678',
    '+1 415 555 0100',
    '0912345678 / 0987654321',
    '0912345678x',
    '912345678',
    '+84 0912345678',
  ])('refuses %j', (input) => {
    expect(normaliseVietnamesePhone(input)).toBeNull();
  });

  it('masks all but the country code and the last two digits', () => {
    expect(maskPhone('+84912345678')).toBe('+84*******78');
  });
});

describe('short message text', () => {
  it('writes Vietnamese without its marks in the GSM alphabet', () => {
    expect(gsmText('Giấy chứng nhận OCOP 4★ “Chè Shan tuyết” — Đồng Tháp…')).toBe(
      'Giay chung nhan OCOP 4* "Che Shan tuyet" - Dong Thap...',
    );
    expect(gsmText('Giá 100₫ ✓')).toBe('Gia 100? ?');
  });

  it('keeps a message of 160 characters whole and cuts a longer one at a word, with an ellipsis, to 160', () => {
    const exact = 'x'.repeat(SMS_MAX_SEPTETS);
    expect(fitSms(exact)).toBe(exact);
    const long = `Giấy chứng nhận OCOP số 12/GCN-OCOP-14-2026 hết hạn ngày 31/08/2029, còn 180 ngày. ${'Nộp hồ sơ đánh giá lại tại màn hình Hồ sơ. '.repeat(4)}`;
    const fitted = fitSms(long);
    expect(fitted.length).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
    expect(fitted.length).toBeGreaterThan(SMS_MAX_SEPTETS - 30);
    expect(fitted.endsWith('...')).toBe(true);
    expect(fitted.startsWith('Giay chung nhan OCOP so 12/GCN-OCOP-14-2026 het han ngay 31/08/2029, con 180 ngay.')).toBe(true);
    expect(fitted).not.toMatch(/ \.\.\.$/);
  });

  it('counts the characters of the extension table twice', () => {
    const braces = '{'.repeat(80);
    expect(fitSms(braces)).toBe(braces);
    const fitted = fitSms('{'.repeat(81));
    expect(fitted).toBe(`${'{'.repeat(78)}...`);
  });

  it('cuts a Zalo text by characters, marks kept, with an ellipsis', () => {
    expect(fitText('Chè Shan tuyết', 20)).toBe('Chè Shan tuyết');
    expect(fitText('Chè Shan tuyết Tà Xùa', 10)).toBe('Chè Shan…');
    expect(fitShortMessage('zalo', 'Còn 30 ngày')).toBe('Còn 30 ngày');
    expect(fitShortMessage('sms', 'Còn 30 ngày')).toBe('Con 30 ngay');
  });
});

describe('short message channels', () => {
  it('the recording double keeps each message with the number in E.164 and the text fitted to its medium', async () => {
    const sms = createRecordingChannel('sms');
    const zalo = createRecordingChannel('zalo');
    await sms.send('0912 345 678', 'Còn 30 ngày');
    await zalo.send('+84912345678', 'Còn 30 ngày');
    expect(sms.sent).toEqual([{ to: '+84912345678', text: 'Con 30 ngay' }]);
    expect(zalo.sent).toEqual([{ to: '+84912345678', text: 'Còn 30 ngày' }]);
  });

  it('refuses a number no short message reaches, and fails as a provider that is down when told to', async () => {
    const sms = createRecordingChannel('sms');
    await expect(sms.send('0212 3852 123', 'x')).rejects.toBeInstanceOf(UnreachablePhoneError);
    await expect(sms.send('garbage', 'x')).rejects.toBeInstanceOf(UnreachablePhoneError);
    sms.failNext(1);
    await expect(sms.send('0912345678', 'x')).rejects.toThrow('sms provider unavailable');
    await sms.send('0912345678', 'x');
    expect(sms.sent).toHaveLength(1);
  });

  it('the logging default sends nothing and logs one line without the number or the text', async () => {
    const lines: { details: object; message: string }[] = [];
    const channel = createLoggingChannel('zalo', { info: (details, message) => lines.push({ details, message }) });
    await channel.send('0912345678', 'Giấy chứng nhận của Nguyễn Văn A');
    expect(lines).toEqual([
      { details: { channel: 'zalo', to: '+84*******78', chars: 32 }, message: 'short message not sent: no provider configured' },
    ]);
  });
});
