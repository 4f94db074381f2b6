import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the environment and treats empty values as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db/ocop',
      PUBLIC_URL: 'https://ocop.sonla.gov.vn/',
      LOG_LEVEL: 'warn',
      HOST: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db/ocop',
      publicUrl: 'https://ocop.sonla.gov.vn',
      logLevel: 'warn',
    });
  });

  it('names the bad setting in both languages', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Cấu hình không hợp lệ \/ invalid configuration: PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('keeps files on the local disk unless FILE_STORE=s3 names a bucket and its credentials', () => {
    expect(loadConfig({}).fileStore).toEqual({ kind: 'local' });
    expect(
      loadConfig({
        FILE_STORE: 's3',
        S3_ENDPOINT: 'https://s3.example.vn',
        S3_BUCKET: 'ocop-son-la',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'false',
      }).fileStore,
    ).toEqual({
      kind: 's3',
      endpoint: 'https://s3.example.vn',
      bucket: 'ocop-son-la',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    expect(() => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'ocop' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ FILE_STORE: 'ftp' })).toThrow(/FILE_STORE/);
  });

  it('logs mail instead of sending it unless SMTP_URL names a server; digests gather for 10 minutes by default', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://ocop.sonla.gov.vn' })).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'OCOP <no-reply@ocop.sonla.gov.vn>',
      notifyDigestMinutes: 10,
      verifyCacheSeconds: 60,
      scanPlaceHeader: undefined,
      scanAddressSalt: undefined,
      scanRateBurst: 30,
      scanRatePerMinute: 30,
      scanBatchMax: 500,
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtp://ocop:secret@mail.sonla.gov.vn:587',
        MAIL_FROM: 'OCOP Sơn La <ocop@sonla.gov.vn>',
        NOTIFY_DIGEST_MINUTES: '30',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://ocop:secret@mail.sonla.gov.vn:587',
      mailFrom: 'OCOP Sơn La <ocop@sonla.gov.vn>',
      notifyDigestMinutes: 30,
    });
    expect(() => loadConfig({ SMTP_URL: 'mail.sonla.gov.vn:25' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NOTIFY_DIGEST_MINUTES: '0' })).toThrow(/NOTIFY_DIGEST_MINUTES/);
    expect(loadConfig({ VERIFY_CACHE_SECONDS: '0' }).verifyCacheSeconds).toBe(0);
    expect(() => loadConfig({ VERIFY_CACHE_SECONDS: '-1' })).toThrow(/VERIFY_CACHE_SECONDS/);
  });

  it('never repeats the SMTP password in its complaint', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://ocop:hunter2@mail' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
