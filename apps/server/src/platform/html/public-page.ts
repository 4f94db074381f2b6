import { html, type SafeHtml } from './html';

/**
 * The frame of every public, server-rendered page (scan, verification, catalogue): small, no
 * script, readable on a cheap phone. Vietnamese first; a page that speaks both languages shows the
 * English text after the Vietnamese. `lang` is the page's BCP 47 language ("vi", "en", "zh-Hans").
 */
export function renderPublicPage(page: { title: string; body: SafeHtml; head?: SafeHtml; lang?: string }): string {
  return html`<!doctype html><html lang="${page.lang ?? 'vi'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${page.title}</title><style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#fafaf7;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.4rem;color:#1d6b34}h2{font-size:1.1rem;margin-top:1.5rem}
a{color:#1d6b34}.en{color:#57606a}footer{margin-top:2rem;font-size:.85rem;color:#57606a}
</style>${page.head ?? ''}</head><body><main>${page.body}</main></body></html>`.value;
}
