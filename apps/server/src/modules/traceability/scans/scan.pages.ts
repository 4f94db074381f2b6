import { formatStampSerial, type ScanVerdict } from '@ocop/domain/traceability';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { html, SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import { createTokenBuckets } from '../../../platform/http/token-buckets';
import type { ScanCertificate } from '../traceability-ports';
import type { ReportOutcome, ScanOutcome, ScanService, ScanSettings, StampPageFacts } from './scan.service';
import { type ScanLanguage, type ScanTexts, TEXTS, VERDICT_TEXTS, VERDICT_TONES } from './scan.texts';

/** Rate limits per client address: scans (a shop scanning its shelf is fine; a script is not) and reports. */
export type ScanRateLimits = {
  scan: { capacity: number; refillPerSecond: number };
  report: { capacity: number; refillPerSecond: number };
  /** Addresses tracked at once (each limiter). */
  maxKeys: number;
};

export const DEFAULT_SCAN_RATE_LIMITS: ScanRateLimits = {
  // 30 at once, then one every 2 seconds: mobile carriers put many phones behind one address (CGNAT).
  scan: { capacity: 30, refillPerSecond: 0.5 },
  // 5 at once, then one every 10 minutes.
  report: { capacity: 5, refillPerSecond: 1 / 600 },
  maxKeys: 100_000,
};

/** Longest serial text read from the path (a printed serial with spaces is 29); anything longer is simply unknown. */
const MAX_SERIAL_PATH = 64;
/** Largest report form body read (the message of 1,000 characters, in UTF-8 and percent-encoded, with room). */
const REPORT_BODY_LIMIT = 16 * 1024;
const IMAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The serial's text from the path; a longer one (or one with a slash) is read as nothing, so it is simply unknown. */
function serialText(request: FastifyRequest): string {
  const raw = (request.params as { '*'?: string })['*'] ?? '';
  return raw.length > MAX_SERIAL_PATH || raw.includes('/') ? '' : raw;
}

const languageOf = (request: FastifyRequest): ScanLanguage => ((request.query as { lang?: unknown }).lang === 'en' ? 'en' : 'vi');

/** dd/mm/yyyy from an ISO day. */
const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** hh:mm dd/mm/yyyy in Vietnam time. */
function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/**
 * `GET /s/:serial`: the page a stamp's QR code opens (also where the Digital Link resolver sends its
 * `/01/…/21/{serial}` addresses). Every scan is recorded before the answer; the page is plain HTML,
 * no script, a few KB; a made-up or malformed serial gets the same 404 page, byte for byte, after the
 * same lookup and record. `POST /s/:serial` is the "report a fake" form (no script: a plain form with
 * a hidden honeypot field). `GET /s/img/:productId/:fileId` serves the product's small picture under
 * an address that never changes content, so it may be cached for a year.
 */
export function scanPages(scans: ScanService, options: { settings: ScanSettings; limits?: ScanRateLimits }): FastifyPluginAsync {
  const limits = options.limits ?? DEFAULT_SCAN_RATE_LIMITS;
  const scanBuckets = createTokenBuckets({ ...limits.scan, maxKeys: limits.maxKeys });
  const reportBuckets = createTokenBuckets({ ...limits.report, maxKeys: limits.maxKeys });
  const placeHeader = options.settings.placeHeader;
  const clientOf = (request: FastifyRequest) => {
    const place = placeHeader ? request.headers[placeHeader] : undefined;
    return {
      userAgent: request.headers['user-agent'],
      placeHeaderValue: typeof place === 'string' ? place : undefined,
      address: request.ip,
    };
  };
  // The unknown pages never vary: rendered once per language.
  const unknownPages = { vi: unknownPage('vi'), en: unknownPage('en') };

  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: REPORT_BODY_LIMIT },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    // A wildcard, not `:serial`: the router would answer a long parameter 414 itself, telling shapes apart.
    app.get('/s/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const raw = serialText(request);
      const language = languageOf(request);
      const limited = !scanBuckets.take(request.ip);
      let outcome: ScanOutcome | { kind: 'limited' };
      try {
        outcome = await scans.scan(raw, clientOf(request), limited);
      } catch (error) {
        // Recorded before the answer, or not answered: the consumer is asked to try again (never a 5xx page with a stack).
        request.log.error({ err: error }, 'scan not recorded');
        return sendPage(reply.status(503).header('retry-after', '30'), unavailablePage(language));
      }
      if (outcome.kind === 'limited') return sendPage(reply.status(429).header('retry-after', '60'), limitedPage(language));
      if (outcome.kind === 'unknown') return sendPage(reply.status(404), unknownPages[language]);
      return sendPage(reply, stampPage(outcome, language));
    });

    app.post('/s/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const raw = serialText(request);
      const language = languageOf(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      if (!reportBuckets.take(request.ip)) return sendPage(reply.status(429).header('retry-after', '600'), limitedPage(language));
      const outcome: ReportOutcome = await scans.report(
        raw,
        { message: field('message'), contact: field('contact'), honeypot: field('website') },
        clientOf(request),
      );
      if (outcome.kind === 'invalid')
        return sendPage(
          reply.status(422),
          reportPage(language, TEXTS[language].problems[outcome.problem], field('message'), field('contact')),
        );
      return sendPage(reply, thanksPage(language));
    });

    app.get('/s/img/:productId/:fileId', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { productId, fileId } = request.params as { productId: string; fileId: string };
      const image = IMAGE_ID.test(productId) && IMAGE_ID.test(fileId) ? await scans.productImage(productId, fileId) : null;
      if (!image) return reply.status(404).header('cache-control', PUBLIC_CACHE.none).type('text/plain; charset=utf-8').send('Not found');
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-length', String(image.sizeBytes))
        .type(image.mediaType)
        .send(image.stream);
    });
  };
}

function sendPage(reply: FastifyReply, page: string | Buffer) {
  // Per scan: never kept by a shared cache (the counts and the verdict change with every scan). A
  // Buffer: encoded once, where a string is measured for its length and then encoded again.
  return reply
    .header('cache-control', PUBLIC_CACHE.none)
    .type('text/html; charset=utf-8')
    .send(typeof page === 'string' ? Buffer.from(page) : page);
}

function frame(language: ScanLanguage, title: string, body: SafeHtml): string {
  const t = TEXTS[language];
  const other: ScanLanguage = language === 'vi' ? 'en' : 'vi';
  return renderPublicPage({
    title,
    body: html`<div lang="${language}">${body}
<footer>${t.footer} · <a href="/about">${t.about}</a> · <a href="?lang=${other}" hreflang="${other}">${t.switchLabel}</a></footer></div>`,
  });
}

function banner(color: string, background: string, title: string, detail: string): SafeHtml {
  return html`<p style="color:${color};background:${background};border-radius:.5rem;padding:1rem;font-size:1.7rem;font-weight:700;margin:0">${title}<span style="display:block;font-size:1rem;font-weight:400;margin-top:.25rem">${detail}</span></p>`;
}

const FORM_STYLE = 'display:block;width:100%;box-sizing:border-box;font:inherit;padding:.5rem;margin:.25rem 0 .75rem';

function reportForm(language: ScanLanguage, message = '', contact = ''): SafeHtml {
  const t = TEXTS[language];
  return html`<h2>${t.report}</h2><p>${t.reportHint}</p>
<form method="post"><label>${t.message}<textarea name="message" required maxlength="1000" rows="3" style="${FORM_STYLE}">${message}</textarea></label>
<label>${t.contact}<input name="contact" maxlength="200" autocomplete="tel" style="${FORM_STYLE}" value="${contact}"></label>
<div style="position:absolute;left:-9999px" aria-hidden="true"><label>Website<input name="website" tabindex="-1" autocomplete="off"></label></div>
<button style="font:inherit;padding:.5rem 1rem;background:#8a1c1c;color:#fff;border:0;border-radius:.25rem">${t.send}</button></form>`;
}

/** The empty report form under every stamp page, rendered once per language. */
const EMPTY_REPORT_FORMS = { vi: reportForm('vi'), en: reportForm('en') };

function unknownPage(language: ScanLanguage): string {
  const v = VERDICT_TEXTS.unknown;
  const tone = VERDICT_TONES.unknown;
  return frame(
    language,
    `${language === 'vi' ? v.vi : v.en} — ${TEXTS[language].title}`,
    html`${banner(tone.color, tone.background, language === 'vi' ? v.vi : v.en, language === 'vi' ? v.detailVi : v.detailEn)}${reportForm(language)}`,
  );
}

function limitedPage(language: ScanLanguage): string {
  const t = TEXTS[language];
  return frame(language, t.limited, banner('#7a4b00', '#fff1c7', t.limited, t.limitedDetail));
}

function unavailablePage(language: ScanLanguage): string {
  const t = TEXTS[language];
  return frame(
    language,
    t.unavailable,
    html`${banner('#7a4b00', '#fff1c7', t.unavailable, t.unavailableDetail)}<p><a href="">${t.retry}</a></p>`,
  );
}

function thanksPage(language: ScanLanguage): string {
  const t = TEXTS[language];
  return frame(language, t.report, html`${banner('#0f5c2e', '#dcf3e3', t.report, t.thanks)}<p><a href="">${t.back}</a></p>`);
}

function reportPage(language: ScanLanguage, problem: string, message: string, contact: string): string {
  const t = TEXTS[language];
  return frame(
    language,
    t.report,
    html`<p role="alert" style="color:#8a1c1c;font-weight:700">${problem}</p>${reportForm(language, message, contact)}`,
  );
}

function certificateLine(outcome: Extract<ScanOutcome, { kind: 'stamp' }>, t: ScanTexts, language: ScanLanguage): SafeHtml {
  const c = outcome.certificate;
  if (!c) return html`<p>${t.noCertificate}</p>`;
  const stars = html`<span style="font-size:1.5rem;color:${c.mayShowMark ? '#b8860b' : '#8c959f'}" aria-label="${t.stars(c.stars)}">${'★'.repeat(c.stars)}</span> ${t.stars(c.stars)}`;
  let status: string;
  if (c.status === 'revoked') status = t.revokedOn(day(c.revokedOn ?? c.statusSince ?? c.expiresOn));
  else if (c.status === 'expired') status = t.expiredOn(day(c.statusSince ?? c.expiresOn));
  else if (c.validUntil) status = t.validUntil(day(c.validUntil));
  else status = '';
  const label = STATUS_WORDS[c.status][language];
  const tone = c.mayShowMark ? '#0f5c2e' : '#8a1c1c';
  return html`<p style="margin:.25rem 0">${stars}</p><p style="margin:.25rem 0;color:${tone};font-weight:700">${label}${status ? html` — <span style="font-weight:400">${status}</span>` : ''}</p>
<p style="margin:.25rem 0"><small>${t.certificate} <a href="${new URL(c.verificationUrl, 'http://x').pathname}">${c.number}</a></small></p>`;
}

const STATUS_WORDS: Record<ScanCertificate['status'], { vi: string; en: string }> = {
  valid: { vi: 'Giấy chứng nhận còn hiệu lực', en: 'Certificate valid' },
  expiring: { vi: 'Giấy chứng nhận còn hiệu lực, sắp hết hạn', en: 'Certificate valid, expiring soon' },
  in_re_evaluation: { vi: 'Giấy chứng nhận còn hiệu lực, đang đánh giá lại', en: 'Certificate valid, being re-evaluated' },
  extended: { vi: 'Giấy chứng nhận được gia hạn chờ đánh giá lại', en: 'Certificate extended until re-evaluation' },
  expired: { vi: 'Giấy chứng nhận hết hiệu lực', en: 'Certificate expired' },
  revoked: { vi: 'Giấy chứng nhận đã bị thu hồi', en: 'Certificate revoked' },
  superseded: { vi: 'Giấy chứng nhận đã được thay thế', en: 'Certificate superseded' },
};

/** The parts of a stamp page that every stamp of one product and lot shares, per language. */
type SharedParts = { name: string; product: SafeHtml; lot: SafeHtml };

/**
 * Rendered once per page-facts object (the service reuses one per product and lot for its cache
 * time) and language: the journey's list was most of a page's rendering, and the same for every
 * scan of a lot. What changes per scan (verdict, certificate, counter) is rendered each time.
 */
const sharedPartsCache = new WeakMap<StampPageFacts, Partial<Record<ScanLanguage, SharedParts>>>();

function sharedParts(facts: StampPageFacts, language: ScanLanguage): SharedParts {
  const known = sharedPartsCache.get(facts)?.[language];
  if (known) return known;
  const parts = renderSharedParts(facts, language);
  sharedPartsCache.set(facts, { ...sharedPartsCache.get(facts), [language]: parts });
  return parts;
}

const row = (label: string, value: string | SafeHtml | null) =>
  value ? html`<dt>${label}</dt><dd style="margin:0 0 .25rem">${value}</dd>` : '';

function renderSharedParts(facts: StampPageFacts, language: ScanLanguage): SharedParts {
  const t = TEXTS[language];
  const product = facts.product;
  const name = product ? (language === 'en' && product.nameEn ? product.nameEn : product.nameVi) : '';
  const lot = facts.lot;
  const steps = facts.journey.steps;
  return {
    name,
    product: html`<div style="display:flex;gap:1rem;align-items:center;margin-top:1rem">${
      product?.imageFileId
        ? html`<img src="/s/img/${facts.productId}/${product.imageFileId}" alt="" width="96" height="96" loading="lazy" decoding="async" style="border-radius:.5rem;object-fit:cover;background:#eee">`
        : ''
    }<h1 style="margin:0">${name}</h1></div>
<dl>${row(t.producer, product?.producerName ?? null)}${row(t.commune, product?.communeName ?? null)}</dl>`,
    lot: lot
      ? html`<h2>${t.lot} ${lot.code}</h2><dl>${row(t.producedOn, day(lot.producedOn))}${row(t.expiresOn, lot.expiresOn ? day(lot.expiresOn) : null)}${row(t.bestBefore, lot.bestBefore ? day(lot.bestBefore) : null)}</dl>
<h2>${t.journey}</h2>${
          steps.length === 0
            ? html`<p>${t.noJourney}</p>`
            : html`<ol style="padding-left:1.25rem">${steps.map(
                (step) =>
                  html`<li><strong>${language === 'vi' ? step.labelVi : step.labelEn}</strong> · ${vietnamTime(new Date(step.eventTime))}${step.placeName ? html` · ${step.placeName}` : ''}${step.destinationName ? html` → ${step.destinationName}` : ''}${step.lotCode !== lot.code ? html` <small>(${step.lotCode})</small>` : ''}</li>`,
              )}</ol>${facts.journey.more > 0 ? html`<p><small>${t.moreSteps(facts.journey.more)}</small></p>` : ''}`
        }`
      : html``,
  };
}

/**
 * Where the per-scan parts go in a stamp page rendered once: `<` and NUL never survive escaping,
 * so no producer-written text can contain a marker.
 */
const CERTIFICATE_HOLE = '<\u0000certificate>';
const SCAN_HOLE = '<\u0000scan>';

/**
 * A stamp page is the same bytes for every scan of a product and lot in one verdict and language,
 * except the certificate line and the serial with its counter: those bytes are encoded to UTF-8
 * once, in three pieces around the two holes. Encoding the whole page (Vietnamese text makes it a
 * two-byte string) was the largest part of rendering it per scan.
 */
const stampPageCache = new WeakMap<StampPageFacts, Map<string, readonly [Buffer, Buffer, Buffer]>>();

function stampPagePieces(facts: StampPageFacts, verdict: ScanVerdict, language: ScanLanguage) {
  const key = `${verdict}|${language}`;
  let byKey = stampPageCache.get(facts);
  const known = byKey?.get(key);
  if (known) return known;
  const t = TEXTS[language];
  const v = VERDICT_TEXTS[verdict];
  const tone = VERDICT_TONES[verdict];
  const shared = sharedParts(facts, language);
  const page = frame(
    language,
    `${language === 'vi' ? v.vi : v.en} — ${shared.name || t.title}`,
    html`${banner(tone.color, tone.background, language === 'vi' ? v.vi : v.en, language === 'vi' ? v.detailVi : v.detailEn)}
${shared.product}
<h2>${t.ocop}</h2>${new SafeHtml(CERTIFICATE_HOLE)}
${shared.lot}
<p style="margin-top:1.5rem">${new SafeHtml(SCAN_HOLE)}</p>
${EMPTY_REPORT_FORMS[language]}`,
  );
  const [head = '', rest = ''] = page.split(CERTIFICATE_HOLE);
  const [middle = '', tail = ''] = rest.split(SCAN_HOLE);
  const pieces = [Buffer.from(head), Buffer.from(middle), Buffer.from(tail)] as const;
  if (!byKey) {
    byKey = new Map();
    stampPageCache.set(facts, byKey);
  }
  byKey.set(key, pieces);
  return pieces;
}

function stampPage(outcome: Extract<ScanOutcome, { kind: 'stamp' }>, language: ScanLanguage): Buffer {
  const t = TEXTS[language];
  const { counter, stamp } = outcome;
  const [head, middle, tail] = stampPagePieces(outcome.facts, outcome.verdict, language);
  const certificate = Buffer.from(certificateLine(outcome, t, language).value);
  const scan = Buffer.from(
    html`<small>${formatStampSerial(stamp.serial)}</small><br>${t.scans(counter.scanCount, vietnamTime(counter.firstScannedAt))}`.value,
  );
  return Buffer.concat(
    [head, certificate, middle, scan, tail],
    head.length + certificate.length + middle.length + scan.length + tail.length,
  );
}
