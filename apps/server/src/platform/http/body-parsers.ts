import type { FastifyInstance } from 'fastify';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are decoded strictly: invalid UTF-8 would otherwise turn into U+FFFD and be stored
 * as garbage, so it is refused with its own code.
 */
export function registerJsonParser(app: FastifyInstance) {
  // Only JSON (and, where a module registers it, multipart) is accepted; plain text gets 415.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      return done(requestError('OCOP_INVALID_UTF8', 'The body is not valid UTF-8.'), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(requestError('FST_ERR_CTP_INVALID_JSON_BODY', 'The body is not valid JSON.'), undefined);
    }
  });
}

function requestError(code: string, message: string) {
  return Object.assign(new Error(message), { code, statusCode: 400 });
}
