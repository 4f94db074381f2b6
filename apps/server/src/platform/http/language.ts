import type { Language } from '@ocop/contracts/common';
import type { FastifyRequest } from 'fastify';

/** Vietnamese unless the client asks for English first; the web app sends its UI language. */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
