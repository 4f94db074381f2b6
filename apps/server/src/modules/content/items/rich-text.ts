import sanitizeHtml from 'sanitize-html';

/** Where the public downloads of an item's files live; the body's pictures may point only here. */
export const CONTENT_FILE_PATH = '/noi-dung/tep/';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * The body's picture address if it names one of our own content files (relative, or absolute under
 * the public address), as the relative path; null for any other address.
 */
export function ownFileAddress(src: string | undefined, publicUrl: string): string | null {
  if (!src) return null;
  const origin = new URL(publicUrl).origin;
  const path = src.startsWith(`${origin}/`) ? src.slice(origin.length) : src;
  return new RegExp(`^${CONTENT_FILE_PATH}${UUID}$`, 'i').test(path) ? path : null;
}

const LINK_SCHEMES = /^(https?:\/\/|mailto:)/i;

/**
 * The allowlist of the rich text the secretariat writes: paragraphs, headings 2–4, emphasis, lists,
 * quotes, links (http, https, mailto; always `rel="noopener noreferrer"`), pictures only from our own
 * file addresses, and plain tables. Everything else goes: scripts and styles with their content,
 * other elements keeping their text, every attribute not listed (on*, style, class, id).
 */
function optionsFor(publicUrl: string): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'strong',
      'em',
      'u',
      's',
      'ul',
      'ol',
      'li',
      'blockquote',
      'a',
      'img',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: {
      a: ['href', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      th: ['colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title'],
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      b: 'strong',
      i: 'em',
      del: 's',
      strike: 's',
      a: (tagName, attribs) => {
        const href = attribs.href?.trim();
        // Relative and scheme-less addresses are refused too: a link names its scheme.
        const kept: Record<string, string> = href && LINK_SCHEMES.test(href) ? { href, rel: 'noopener noreferrer' } : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = ownFileAddress(attribs.src, publicUrl);
        const size = (value: string | undefined) => (value && /^\d{1,4}$/.test(value) ? value : undefined);
        const kept: Record<string, string> = {};
        if (src) kept.src = src;
        if (attribs.alt) kept.alt = attribs.alt.slice(0, 300);
        const width = size(attribs.width);
        const height = size(attribs.height);
        if (width) kept.width = width;
        if (height) kept.height = height;
        return { tagName, attribs: kept };
      },
    },
    // A picture whose address is not one of ours is dropped whole; so is a link left without an address's text.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

/** The sanitised body: what is stored and shown; the editor's own HTML is never kept. */
export function sanitizeRichText(html: string, publicUrl: string): string {
  return sanitizeHtml(html, optionsFor(publicUrl)).trim();
}

/** The body as plain text (for the RSS description when there is no summary, and the search snippet). */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|blockquote|tr)>/gi, '$& '), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}
