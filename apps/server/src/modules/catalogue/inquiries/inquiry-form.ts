import { INQUIRY_LIMITS, type InquiryField, type InquiryFieldProblem, type InquiryFields } from '@ocop/domain/catalogue';
import type { PublicLanguage } from '@ocop/contracts/catalogue';
import { errorMessage } from '@ocop/contracts/errors';
import { html, type SafeHtml } from '../../../platform/html/html';

export const FORM_TEXTS = {
  vi: {
    heading: 'Hỏi mua',
    intro: 'Gửi câu hỏi hoặc đặt hàng trực tiếp tới chủ thể. Chủ thể sẽ liên hệ lại với bạn.',
    name: 'Họ và tên',
    contact: 'Số điện thoại hoặc email',
    quantity: 'Số lượng (không bắt buộc)',
    message: 'Nội dung',
    send: 'Gửi yêu cầu',
    honeypot: 'Để trống ô này',
    problems: {
      required: () => 'Vui lòng nhập trường này.',
      too_long: (max: number) => `Tối đa ${max} ký tự.`,
      contact_shape: () => 'Hãy nhập số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ email.',
    },
  },
  en: {
    heading: 'Send an inquiry',
    intro: 'Ask a question or order straight from the producer, who will contact you.',
    name: 'Your name',
    contact: 'Phone number or e-mail',
    quantity: 'Quantity (optional)',
    message: 'Message',
    send: 'Send',
    honeypot: 'Leave this field empty',
    problems: {
      required: () => 'Please fill in this field.',
      too_long: (max: number) => `At most ${max} characters.`,
      contact_shape: () => 'Enter a phone number (e.g. 0912 345 678) or an e-mail address.',
    },
  },
  zh: {
    heading: '询价购买',
    intro: '直接向生产主体提问或订购，生产主体会与您联系。',
    name: '姓名',
    contact: '电话号码或电子邮箱',
    quantity: '数量（选填）',
    message: '内容',
    send: '发送',
    honeypot: '请勿填写此栏',
    problems: {
      required: () => '请填写此栏。',
      too_long: (max: number) => `最多${max}个字符。`,
      contact_shape: () => '请输入电话号码（例如 0912 345 678）或电子邮箱地址。',
    },
  },
} as const;

export const formTextsOf = (language: PublicLanguage) => FORM_TEXTS[language];

/** The refusals of the form in Chinese (the error table has Vietnamese and English only; these are the public form's own). */
const NOTICES_ZH: Record<InquiryNotice, string> = {
  'inquiry.rate_limited': '您在短时间内发送的请求过多。请在{retryAfterSeconds}秒后重试。',
  'inquiry.producer_daily_cap': '该生产主体今天收到的询价已达上限。请明天再发送。',
  'inquiry.form_expired': '表单已过期或无效。请通过下方表单重新发送。',
  'inquiry.too_fast': '表单发送过快。请检查内容后重新发送。',
  'inquiry.fields_invalid': '请更正标出的栏目后重新发送。',
  'producer.not_found': '未找到该生产主体。',
};

export type InquiryNotice =
  | 'inquiry.rate_limited'
  | 'inquiry.producer_daily_cap'
  | 'inquiry.form_expired'
  | 'inquiry.too_fast'
  | 'inquiry.fields_invalid'
  | 'producer.not_found';

/** A refusal in the page's language: Chinese on a Chinese page, else Vietnamese then English (as every refusal reads). */
export function inquiryNotice(code: InquiryNotice, language: PublicLanguage, details: Record<string, unknown> = {}): string {
  const both = `${errorMessage(code, 'vi', details)} / ${errorMessage(code, 'en', details)}`;
  if (language !== 'zh') return both;
  return NOTICES_ZH[code].replace(/\{(\w+)\}/g, (whole, name: string) => (name in details ? String(details[name]) : whole));
}

/** The honeypot: a field people never see nor fill; a robot filling every field fills it. */
export const HONEYPOT_FIELD = 'website';

export type InquiryFormState = {
  producerId: string;
  productId: string | null;
  token: string;
  language: PublicLanguage;
  values?: Partial<InquiryFields>;
  problems?: Partial<Record<InquiryField, InquiryFieldProblem>>;
  /** A message above the form (a refused token). */
  notice?: string;
};

/** The inquiry form: plain HTML that posts to `/hoi-mua` and works with no script. */
export function inquiryForm(state: InquiryFormState): SafeHtml {
  const t = formTextsOf(state.language);
  const values = state.values ?? {};
  const problem = (field: InquiryField) => {
    const found = state.problems?.[field];
    return found ? html`<br><small id="e-${field}" style="color:#b42318">${t.problems[found](INQUIRY_LIMITS[field])}</small>` : '';
  };
  const invalid = (field: InquiryField) => (state.problems?.[field] ? html` aria-invalid="true" aria-describedby="e-${field}"` : '');
  const box = 'display:block;width:100%;box-sizing:border-box;padding:.5rem;font:inherit;margin-top:.25rem';
  const input = (field: 'name' | 'contact' | 'quantity', type: string, required: boolean) =>
    html`<p><label>${t[field]}<input name="${field}" type="${type}" maxlength="${INQUIRY_LIMITS[field]}" value="${values[field] ?? ''}"${required ? html` required` : ''}${invalid(field)} style="${box}"></label>${problem(field)}</p>`;
  return html`<section id="hoi-mua" style="margin-top:2rem;padding:1rem;border:1px solid #d0d7de;border-radius:.5rem;background:#fff"><h2 style="margin-top:0">${t.heading}</h2><p>${t.intro}</p>${
    state.notice ? html`<p role="alert" style="color:#b42318">${state.notice}</p>` : ''
  }<form method="post" action="/hoi-mua"><input type="hidden" name="producer" value="${state.producerId}">${
    state.productId ? html`<input type="hidden" name="product" value="${state.productId}">` : ''
  }<input type="hidden" name="token" value="${state.token}"><input type="hidden" name="lang" value="${state.language}">${input('name', 'text', true)}${input('contact', 'text', true)}${input('quantity', 'text', false)}<p><label>${t.message}<textarea name="message" rows="5" maxlength="${INQUIRY_LIMITS.message}" required${invalid('message')} style="${box}">${values.message ?? ''}</textarea></label>${problem('message')}</p><p style="position:absolute;left:-10000px" aria-hidden="true"><label>${t.honeypot}<input name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></label></p><p><button type="submit" style="padding:.6rem 1.2rem;font:inherit;background:#1d6b34;color:#fff;border:0;border-radius:.4rem">${t.send}</button></p></form></section>`;
}

/** Most fields a posted form may have (ours has eight); more is not our form. */
const MAX_FIELDS = 20;

/** A url-encoded body as a flat record (first value of a repeated name); null when it has too many fields. */
export function parseFormBody(body: string): Record<string, string> | null {
  const params = new URLSearchParams(body);
  const out: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of params) {
    n += 1;
    if (n > MAX_FIELDS) return null;
    if (!(key in out)) out[key] = value;
  }
  return out;
}
