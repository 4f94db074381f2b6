import pino from 'pino';
import { sql } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, SON_LA, startTestApp, type TestApp } from '../test-support/test-app';
import { sqlStateOf } from './database/sql';
import { loggerOptions } from './logger';

/**
 * A query that fails through the HTTP app: the log says which statement failed and why, never
 * its parameters (an argon2id hash, an email, a phone) nor PostgreSQL's detail, which quotes values.
 */
describe('logs of a failing query', () => {
  let t: TestApp;
  let out = '';
  let admin: Client;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const { transport: _pretty, ...options } = loggerOptions('info');
    t = await startTestApp({ logger: pino(options, sink) });
    admin = await t.as({ role: 'system_admin' });
    // A real database refusal: a trigger that fails new users and quotes their values in DETAIL, as a unique violation would.
    await t.database.db.execute(sql`
      create function refuse_user() returns trigger language plpgsql as $$
      begin
        raise exception 'refused by test trigger' using errcode = '23514', detail = 'Key (email, phone)=(' || new.email || ', ' || new.phone || ') is refused.';
      end $$`);
    await t.database.db.execute(sql`create trigger refuse_user before insert on users for each row execute function refuse_user()`);
  });
  afterAll(() => t.close());

  it('logs the statement and its SQLSTATE but no parameter or detail', async () => {
    const email = 'lo.thi.hoa@sonla.gov.vn';
    const phone = '0987654321';
    const password = 'mat-khau-rat-bi-mat-1';
    const response = await admin.post('/api/users', {
      fullName: 'Lò Thị Hoa',
      email,
      phone,
      password,
      provinceCode: SON_LA,
      roles: [{ role: 'province_officer' }],
    });
    expect(response.statusCode).toBe(500);
    const logged = out.split('\n').filter((line) => line.includes('unexpected error'));
    expect(logged).toHaveLength(1);
    const line = logged[0] as string;
    expect(line).toContain('insert into \\"users\\"');
    expect(line).toContain('"code":"23514"');
    expect(line).toContain('refused by test trigger');
    for (const secret of [email, phone, '+84987654321', password, '$argon2id', 'Lò Thị Hoa', 'is refused'])
      expect(out, secret).not.toContain(secret);
  });

  it('leaves out the input a data exception quotes in its message', async () => {
    const failure = await t.database.db.execute(sql`select ${'0912 345 678 secret'}::uuid`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(sqlStateOf(failure)).toBe('22P02');
    out = '';
    t.app.log.error({ err: failure }, 'unexpected error');
    expect(out).toContain('"code":"22P02"');
    expect(out).toContain('invalid input syntax for type uuid');
    expect(out).not.toContain('0912 345 678');
  });
});
