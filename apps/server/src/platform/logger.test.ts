import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';

describe('logger', () => {
  it('redacts cookies, passwords and personal data', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const { transport: _pretty, ...options } = loggerOptions('info');
    const log = pino(options, sink);
    log.info(
      {
        req: { headers: { cookie: 'ocop_session=secret-token', authorization: 'Bearer abc', 'x-csrf-token': 'csrf-value' } },
        user: { email: 'mai@sonla.vn', phone: '0912345678', password: 'hunter22' },
        body: { password: 'p' },
      },
      'request',
    );
    for (const secret of ['secret-token', 'Bearer abc', 'csrf-value', 'mai@sonla.vn', '0912345678', 'hunter22'])
      expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});
