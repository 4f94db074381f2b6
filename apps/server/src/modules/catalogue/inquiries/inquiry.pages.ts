import { PUBLIC_LANGUAGES, type PublicLanguage } from '@ocop/contracts/catalogue';
import { checkInquiryFields, type InquiryFields } from '@ocop/domain/catalogue';
import { isDomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import type { TokenBuckets } from '../../../platform/http/token-buckets';
import type { CatalogueService } from '../products/catalogue.service';
import { producerPath, publicProducerById } from '../producers/producer-index';
import type { FormTokens } from './form-token';
import {
  formTextsOf,
  HONEYPOT_FIELD,
  type InquiryFormState,
  type InquiryNotice,
  inquiryForm,
  inquiryNotice,
  parseFormBody,
} from './inquiry-form';
import { HTML_LANG, withLanguage } from '../products/public-language';
import type { InquiryService } from './inquiry.service';

/** Largest form body accepted: the four fields at their bounds, percent-encoded, with room to spare. */
export const INQUIRY_BODY_LIMIT = 32 * 1024;

const THANKS = {
  vi: {
    title: 'Đã gửi yêu cầu hỏi mua',
    text: 'Cảm ơn bạn! Chủ thể đã nhận được yêu cầu và sẽ liên hệ lại với bạn.',
    back: '← Danh mục sản phẩm OCOP',
  },
  en: {
    title: 'Your inquiry was sent',
    text: 'Thank you! The producer has received your inquiry and will contact you.',
    back: '← OCOP product catalogue',
  },
  zh: {
    title: '询价已发送',
    text: '谢谢！生产主体已收到您的询价，会与您联系。',
    back: '← OCOP产品目录',
  },
} as const;

const languageOf = (value: unknown): PublicLanguage =>
  (PUBLIC_LANGUAGES as readonly unknown[]).includes(value) ? (value as PublicLanguage) : 'vi';

function sendPage(reply: FastifyReply, status: number, title: string, body: SafeHtml, language: PublicLanguage) {
  return reply
    .status(status)
    .header('cache-control', PUBLIC_CACHE.none)
    .type('text/html; charset=utf-8')
    .send(renderPublicPage({ title, body, lang: HTML_LANG[language] }));
}

/**
 * `POST /hoi-mua` (the inquiry form of product and producer pages, url-encoded, no script) and its
 * thank-you page. In order: the sender's address's rate limit (429), the producer and product, the
 * honeypot (answered as a success, nothing stored), the form token (forged or older than a day,
 * or younger than 3 s: the form again, 400), the fields (the form again with what was typed, 400),
 * the producer's daily cap (429); then 303 to the thanks.
 */
export function inquiryPages(deps: {
  catalogue: CatalogueService;
  inquiries: InquiryService;
  tokens: FormTokens;
  perAddress: TokenBuckets;
  /** Seconds until one more inquiry is allowed from an address over its limit. */
  retryAfterSeconds: number;
}): FastifyPluginAsync {
  const { catalogue, inquiries, tokens } = deps;
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: INQUIRY_BODY_LIMIT },
      (_request, body, done) => {
        const parsed = parseFormBody(String(body));
        if (!parsed)
          return done(
            Object.assign(new Error('Too many form fields.'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' }),
            undefined,
          );
        done(null, parsed);
      },
    );

    app.post(
      '/hoi-mua',
      { config: { access: 'public' }, schema: { hide: true }, bodyLimit: INQUIRY_BODY_LIMIT },
      async (request, reply) => {
        const form = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, string | undefined>;
        const language = languageOf(form.lang);
        const t = formTextsOf(language);
        const bothLanguages = (code: InquiryNotice, details: Record<string, unknown> = {}) => inquiryNotice(code, language, details);
        if (!deps.perAddress.take(request.ip)) {
          request.log.info({ inquiry: 'rate_limited' }, 'inquiry refused');
          reply.header('retry-after', String(deps.retryAfterSeconds));
          const text = bothLanguages('inquiry.rate_limited', { retryAfterSeconds: deps.retryAfterSeconds });
          return sendPage(reply, 429, t.heading, html`<h1>${t.heading}</h1><p role="alert">${text}</p>`, language);
        }
        const products = await catalogue.all();
        const producer = publicProducerById(products, form.producer ?? '');
        const product = form.product ? producer?.products.find((candidate) => candidate.id === form.product) : undefined;
        if (!producer || (form.product && !product)) {
          return sendPage(
            reply,
            404,
            t.heading,
            html`<h1>${t.heading}</h1><p>${bothLanguages('producer.not_found')}</p><p><a href="${withLanguage('/san-pham', language)}">${THANKS[language].back}</a></p>`,
            language,
          );
        }
        const thanks = `/hoi-mua/cam-on${language === 'vi' ? '' : `?lang=${language}`}`;
        if (form[HONEYPOT_FIELD]) {
          // Answered as a success, so a robot learns nothing; counted in the log.
          request.log.info({ inquiry: 'honeypot', producerId: producer.id }, 'inquiry dropped');
          return reply.status(303).header('location', thanks).send();
        }
        const typed: InquiryFields = {
          name: form.name ?? '',
          contact: form.contact ?? '',
          quantity: form.quantity ?? '',
          message: form.message ?? '',
        };
        const again = async (status: number, state: Partial<InquiryFormState>) => {
          // The names are the producer's Vietnamese ones, whatever the page's language.
          const named = product ? html`${product.nameVi} — ${producer.name}` : html`${producer.name}`;
          const target = language === 'vi' ? named : html`<span lang="vi">${named}</span>`;
          const back = product ? `/san-pham/${encodeURIComponent(product.slug)}` : producerPath(producer);
          const body = html`<p><a href="${withLanguage(back, language)}">← ${target}</a></p><h1>${t.heading}: ${target}</h1>${inquiryForm({
            producerId: producer.id,
            productId: product?.id ?? null,
            token: await tokens.issue(),
            language,
            values: typed,
            ...state,
          })}`;
          return sendPage(reply, status, t.heading, body, language);
        };
        const age = await tokens.check(form.token ?? '');
        if (age !== 'ok') {
          request.log.info({ inquiry: `token_${age}` }, 'inquiry refused');
          return again(400, { notice: bothLanguages(age === 'too_fast' ? 'inquiry.too_fast' : 'inquiry.form_expired') });
        }
        const { fields, problems } = checkInquiryFields(typed);
        if (Object.keys(problems).length > 0) return again(400, { problems, notice: bothLanguages('inquiry.fields_invalid') });
        try {
          await inquiries.submit({
            producer: { id: producer.id, name: producer.name, provinceCode: producer.provinceCode, communeCode: producer.communeCode },
            product: product ? { id: product.id, name: product.nameVi } : null,
            fields,
            addressHash: await tokens.addressHash(request.ip),
          });
        } catch (error) {
          if (!isDomainError(error) || (error.code !== 'inquiry.producer_daily_cap' && error.code !== 'inquiry.rate_limited')) throw error;
          request.log.info({ inquiry: error.code, producerId: producer.id }, 'inquiry refused');
          if (error.code === 'inquiry.rate_limited') reply.header('retry-after', String(error.details.retryAfterSeconds));
          return sendPage(
            reply,
            429,
            t.heading,
            html`<h1>${t.heading}</h1><p role="alert">${bothLanguages(error.code, error.details)}</p>`,
            language,
          );
        }
        return reply.status(303).header('location', thanks).send();
      },
    );

    app.get('/hoi-mua/cam-on', { config: { access: 'public' }, schema: { hide: true } }, async (request: FastifyRequest, reply) => {
      const language = languageOf((request.query as { lang?: unknown }).lang);
      const t = THANKS[language];
      return reply
        .header('cache-control', PUBLIC_CACHE.page)
        .type('text/html; charset=utf-8')
        .send(
          renderPublicPage({
            title: t.title,
            lang: HTML_LANG[language],
            body: html`<h1>${t.title}</h1><p>${t.text}</p><p><a href="${withLanguage('/san-pham', language)}">${t.back}</a></p>`,
          }),
        );
    });
  };
}
