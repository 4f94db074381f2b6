import { PUBLIC_LANGUAGES, type PublicLanguage } from '@ocop/contracts/catalogue';
import { html, type SafeHtml } from '../../../platform/html/html';

/** The language a public page was asked in: Vietnamese when not asked, null when unsupported. */
export const readLanguage = (value: unknown): PublicLanguage | null =>
  value === undefined ? 'vi' : (PUBLIC_LANGUAGES as readonly unknown[]).includes(value) ? (value as PublicLanguage) : null;

/** The BCP 47 tag of a page's language: the Chinese pages are written in Simplified characters. */
export const HTML_LANG: Record<PublicLanguage, string> = { vi: 'vi', en: 'en', zh: 'zh-Hans' };

const SWITCH_LABELS: Record<PublicLanguage, string> = { vi: 'VI', en: 'EN', zh: '中文' };

/** A path with `lang` set (Vietnamese, the default, carries none); `search` holds the page's other parameters. */
export function withLanguage(path: string, language: PublicLanguage, search?: URLSearchParams): string {
  const params = new URLSearchParams(search);
  params.delete('lang');
  if (language !== 'vi') params.set('lang', language);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** "VI · EN · 中文": the page in each language, the current one not a link. */
export function languageSwitch(path: string, current: PublicLanguage, search?: URLSearchParams): SafeHtml {
  return html`<nav aria-label="Ngôn ngữ / Language / 语言" style="text-align:right;font-size:.9rem">${PUBLIC_LANGUAGES.map(
    (language, i) =>
      html`${i > 0 ? ' · ' : ''}${
        language === current
          ? html`<strong lang="${HTML_LANG[language]}">${SWITCH_LABELS[language]}</strong>`
          : html`<a href="${withLanguage(path, language, search)}" lang="${HTML_LANG[language]}" hreflang="${HTML_LANG[language]}">${SWITCH_LABELS[language]}</a>`
      }`,
  )}</nav>`;
}

/** `<link rel="alternate" hreflang>` for each language and x-default (Vietnamese), absolute as search engines ask. */
export function hreflangLinks(path: string, publicUrl: string, search?: URLSearchParams): SafeHtml {
  const href = (language: PublicLanguage) => new URL(withLanguage(path, language, search), publicUrl).toString();
  return html`${PUBLIC_LANGUAGES.map((language) => html`<link rel="alternate" hreflang="${HTML_LANG[language]}" href="${href(language)}">`)}<link rel="alternate" hreflang="x-default" href="${href('vi')}">`;
}

/**
 * A producer's text in the page's language: the Chinese one on a Chinese page where given, else the
 * Vietnamese, marked lang="vi" on a page in another language so the page's own language stays true.
 */
export function producerText(
  texts: { vi: string | null; zh?: string | null | undefined; en?: string | null | undefined },
  language: PublicLanguage,
  element: (content: SafeHtml, lang: string | null) => SafeHtml,
): SafeHtml | '' {
  const own = language === 'zh' ? texts.zh : language === 'en' ? texts.en : null;
  if (own) return element(html`${own}`, null);
  if (!texts.vi) return '';
  return element(html`${texts.vi}`, language === 'vi' ? null : 'vi');
}

/** ` lang="vi"` for an element holding a Vietnamese fallback on a page in another language; nothing otherwise. */
export const langAttribute = (lang: string | null): SafeHtml | '' => (lang ? html` lang="${lang}"` : '');
