import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../test-support/smtp-server';
import { createLoggingTransport } from './logging-transport';
import { createSmtpTransport } from './smtp-transport';

describe('mail transports', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('sends one message through SMTP with Vietnamese subject and text intact', async () => {
    const transport = createSmtpTransport({ url: smtp.url, from: 'OCOP Sơn La <ocop@sonla.test>' });
    await transport.send({ to: 'can.bo@sonla.test', subject: 'OCOP: 1 việc cần làm / 1 thing to do', text: 'Hồ sơ chờ xã xem xét.\n' });
    await transport.close();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({
      from: 'ocop@sonla.test',
      to: ['can.bo@sonla.test'],
      subject: 'OCOP: 1 việc cần làm / 1 thing to do',
      text: 'Hồ sơ chờ xã xem xét.\n',
    });
  });

  it('throws when the server refuses the recipient, so the caller can retry', async () => {
    const transport = createSmtpTransport({ url: smtp.url, from: 'ocop@sonla.test' });
    smtp.rejectNextRecipients(1);
    await expect(transport.send({ to: 'ban@sonla.test', subject: 's', text: 't' })).rejects.toThrow();
    await transport.close();
  });

  it('without SMTP logs the subject and the recipient count, never the address or the body', async () => {
    const lines: object[] = [];
    const transport = createLoggingTransport({ info: (details) => lines.push(details) });
    await transport.send({ to: 'rieng.tu@sonla.test', subject: 'OCOP: 2 việc cần làm', text: 'Nội dung riêng tư' });
    expect(lines).toEqual([{ recipients: 1, subject: 'OCOP: 2 việc cần làm' }]);
    expect(JSON.stringify(lines)).not.toMatch(/rieng\.tu|riêng tư/);
  });
});
