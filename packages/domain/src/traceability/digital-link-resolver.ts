import { CANONICAL_DIGITAL_LINK_HOST, type DigitalLinkPath, formatDigitalLinkPath } from './digital-link';
import { hasValidCheckDigit, isAiValue, toGtin14 } from './gs1-keys';

/**
 * The rules of our GS1 Digital Link resolver (GS1-Conformant Resolver Standard 1.2, GS1 Digital
 * Link URI Syntax 1.2+), with no I/O: reading a request path into the key it names (or why it is
 * malformed, which the standard answers with 400), choosing the links an item has, reading
 * `linkType`, and writing the RFC 9264 linkset and the `Link` header. The server looks the GTIN up
 * and sends the answer.
 */

/** Longest request path we read; longer is refused (400) before any parsing. */
export const RESOLVER_MAX_PATH = 1_000;
/** Longest query string passed on to the target; longer is refused (400), so a Location stays bounded. */
export const RESOLVER_MAX_QUERY = 2_000;
/** Longest `Link` header we write; links past it are left out (the linkset still lists them all). */
export const RESOLVER_MAX_LINK_HEADER = 2_048;
/** Longest malformed value echoed back in an error (the rest is cut). */
const ECHO_MAX = 40;

/** What a resolvable path names: a product (a GTIN with its qualifiers). */
export type ResolvedKey = { kind: 'product' } & DigitalLinkPath;

export type ResolverPathProblem =
  | 'too_long'
  | 'bad_encoding'
  | 'bad_structure'
  | 'unknown_ai'
  | 'qualifiers_out_of_order'
  | 'bad_check_digit'
  | 'bad_value';

export type ResolverPathResult = { ok: true; key: ResolvedKey } | { ok: false; problem: ResolverPathProblem; ai?: string; value?: string };

// The key qualifiers of AI 01 in the one order the URI syntax allows (gtin-path: 22, 10, 21).
const GTIN_QUALIFIERS = ['22', '10', '21'] as const;
type GtinQualifier = (typeof GTIN_QUALIFIERS)[number];
const QUALIFIER_FIELD: Record<GtinQualifier, 'cpv' | 'lot' | 'serial'> = { '22': 'cpv', '10': 'lot', '21': 'serial' };
// Key qualifiers of other primary keys (254 of a GLN, 235 of a GTIN's TPX): known, but not here.
const OTHER_QUALIFIERS = new Set(['254', '235', '7040']);

const echo = (value: string) => (value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value);

function decodeSegment(segment: string): string | undefined {
  // decodeURIComponent throws on a lone `%` or a bad UTF-8 sequence; both are malformed URIs.
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Reads the path of a request (raw, still percent-encoded, without the query string) that starts
 * with `/01/`: the GTIN (8, 12, 13 or 14 digits with a valid check digit, canonicalised to 14), then
 * optionally `/22/{cpv}`, `/10/{lot}`, `/21/{serial}` in that order (each at most 20 characters of
 * GS1 set 82, decoded). A trailing slash is tolerated (standard 2.13). Linear in the path's length:
 * no regular expression here can backtrack, and the path is bounded first.
 */
export function parseResolverPath(rawPath: string): ResolverPathResult {
  if (rawPath.length > RESOLVER_MAX_PATH) return { ok: false, problem: 'too_long' };
  const segments = rawPath.split('/');
  if (segments[0] === '') segments.shift();
  if (segments.length > 0 && segments.at(-1) === '') segments.pop();
  if (segments.length < 2 || segments.length % 2 !== 0 || segments.includes('')) return { ok: false, problem: 'bad_structure' };
  if (segments[0] !== '01') return { ok: false, problem: 'unknown_ai', ai: echo(segments[0] ?? '') };

  const rawGtin = segments[1] ?? '';
  if (!/^\d{8}$|^\d{12,14}$/.test(rawGtin)) return { ok: false, problem: 'bad_value', ai: '01', value: echo(rawGtin) };
  if (!hasValidCheckDigit(rawGtin)) return { ok: false, problem: 'bad_check_digit', ai: '01', value: rawGtin };
  const gtin = toGtin14(rawGtin);
  if (gtin === undefined) return { ok: false, problem: 'bad_value', ai: '01', value: rawGtin }; // all zeros

  const key: ResolvedKey = { kind: 'product', gtin };
  let last = -1;
  for (let i = 2; i < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    const position = (GTIN_QUALIFIERS as readonly string[]).indexOf(ai);
    if (position < 0) return { ok: false, problem: OTHER_QUALIFIERS.has(ai) ? 'qualifiers_out_of_order' : 'unknown_ai', ai: echo(ai) };
    if (position <= last) return { ok: false, problem: 'qualifiers_out_of_order', ai };
    last = position;
    const raw = segments[i + 1] ?? '';
    const value = decodeSegment(raw);
    if (value === undefined) return { ok: false, problem: 'bad_encoding', ai, value: echo(raw) };
    if (!isAiValue(value)) return { ok: false, problem: 'bad_value', ai, value: echo(value) };
    key[QUALIFIER_FIELD[ai as GtinQualifier]] = value;
  }
  return { ok: true, key };
}

// --- link types ---------------------------------------------------------------------------

/** The GS1 Web Vocabulary, the namespace of `gs1:` link types as linksets write them. */
export const GS1_VOCABULARY = 'https://gs1.org/voc/';
/** The JSON-LD context GS1 publishes for resolver linksets (standard 2.10). */
export const GS1_LINKSET_CONTEXT = 'https://ref.gs1.org/standards/resolver/linkset-context';

/** The link types this resolver may offer for an item. */
export const RESOLVER_LINK_TYPES = ['pip', 'certificationInfo', 'traceability', 'verificationService'] as const;
export type ResolverLinkType = (typeof RESOLVER_LINK_TYPES)[number];

export type LinkTypeRequest =
  | { kind: 'default' }
  | { kind: 'linkset' }
  | { kind: 'type'; type: string; known: ResolverLinkType | undefined };

// The spellings of the vocabulary's namespace a client may send (standard 2.14: gs1: is recognised).
const VOCABULARY_PREFIXES = ['gs1:', 'https://gs1.org/voc/', 'http://gs1.org/voc/', 'https://ref.gs1.org/voc/', 'http://ref.gs1.org/voc/'];

/**
 * Reads `linkType`: absent or empty asks for the default link; `linkset`, `all` (its older name)
 * and `gs1:linkset` ask for the linkset; anything else names a link type, which we may lack.
 */
export function readLinkType(value: string | undefined): LinkTypeRequest {
  if (value === undefined || value === '') return { kind: 'default' };
  if (value === 'linkset' || value === 'all') return { kind: 'linkset' };
  const prefix = VOCABULARY_PREFIXES.find((p) => value.startsWith(p));
  const term = prefix === undefined ? undefined : value.slice(prefix.length);
  if (term === 'linkset' || term === 'all') return { kind: 'linkset' };
  const known = RESOLVER_LINK_TYPES.find((type) => type === term);
  return { kind: 'type', type: value, known };
}

// --- the links of an item ------------------------------------------------------------------

export type ResolverLink = {
  type: ResolverLinkType;
  href: string;
  title: string;
  /** BCP 47 tags of the target's languages. */
  hreflang: readonly string[];
  /** The target's media type. */
  mediaType: 'text/html' | 'application/json';
};

/** What the resolver knows of the product a GTIN names, from the registry and the certification. */
export type ResolverProductFacts = {
  nameVi: string;
  /** The product's public page, once the catalogue has one (issue 15); null until then. */
  productPageUrl: string | null;
  /** The number of the certificate that lets the product show the OCOP mark today, if any. */
  certificateNumber: string | null;
};

export type ItemLinks = { links: ResolverLink[]; defaultLink: ResolverLink | undefined };

// Our public pages speak Vietnamese first and English second.
const PAGE_LANGUAGES = ['vi', 'en'] as const;

const certificatePath = (number: string) => `/c/${number.split('/').map(encodeURIComponent).join('/')}`;
const scanPath = (serial: string) => `/s/${encodeURIComponent(serial)}`;

/**
 * The links of an item, each of one type, and its default:
 * - `pip`: the product's public page; until the catalogue has one, the certificate's verification
 *   page (it names the product, its producer and stars), else for a serialised item its scan page;
 * - `certificationInfo`: the current certificate's verification page;
 * - `traceability`: for a serial, its scan page (it shows the journey); for a lot without serial,
 *   the EPCIS 2.0 query of the lot's events (JSON, for a partner's software with an API key);
 * - `verificationService`: for a serial, its scan page (genuine, not activated, void, suspicious).
 * The default is the scan page for a serialised URI, else `pip` (else the first link). A serial is
 * never looked up here: the scan page answers a made-up serial the same way as a real unknown one.
 */
export function itemLinks(publicUrl: string, key: ResolvedKey, facts: ResolverProductFacts): ItemLinks {
  const root = publicUrl.replace(/\/+$/, '');
  const name = facts.nameVi;
  const html = (type: ResolverLinkType, path: string, title: string): ResolverLink => ({
    type,
    href: path.startsWith('http') ? path : root + path,
    title,
    hreflang: PAGE_LANGUAGES,
    mediaType: 'text/html',
  });
  const links: ResolverLink[] = [];
  const certificate = facts.certificateNumber === null ? undefined : certificatePath(facts.certificateNumber);
  const scan = key.serial === undefined ? undefined : scanPath(key.serial);

  const pip = facts.productPageUrl ?? certificate ?? scan;
  if (pip !== undefined) links.push(html('pip', pip, `${name} — Thông tin sản phẩm / Product information`));
  if (certificate !== undefined)
    links.push(html('certificationInfo', certificate, `${name} — Giấy chứng nhận OCOP / OCOP certificate ${facts.certificateNumber}`));
  if (scan !== undefined) {
    links.push(html('traceability', scan, `${name} — Hành trình sản phẩm / Product journey`));
    links.push(html('verificationService', scan, `${name} — Kiểm tra tem chính hãng / Verify this stamp`));
  } else if (key.lot !== undefined) {
    const lotClass = CANONICAL_DIGITAL_LINK_HOST + formatDigitalLinkPath({ gtin: key.gtin, lot: key.lot });
    links.push({
      type: 'traceability',
      href: `${root}/epcis/events?MATCH_epcClass=${encodeURIComponent(lotClass)}`,
      title: `${name} — Sự kiện EPCIS của lô ${key.lot} / EPCIS events of lot ${key.lot}`,
      hreflang: PAGE_LANGUAGES,
      mediaType: 'application/json',
    });
  }
  const defaultLink =
    (scan ? links.find((link) => link.type === 'verificationService') : undefined) ?? links.find((l) => l.type === 'pip') ?? links[0];
  return { links, defaultLink };
}

/** The canonical form of the request's URI on this resolver: GTIN as 14 digits, qualifiers in order, no query. */
export function resolverAnchor(publicUrl: string, key: ResolvedKey): string {
  const { kind: _kind, ...path } = key;
  return publicUrl.replace(/\/+$/, '') + formatDigitalLinkPath(path);
}

/** A target with the request's query string passed on (standard 2.12), `linkType` left out. */
export function withQuery(href: string, query: string): string {
  if (query === '') return href;
  return href + (href.includes('?') ? '&' : '?') + query;
}

/**
 * The request's raw query string without its `linkType` parameter(s), kept byte for byte otherwise
 * (a resolver passes the query on as it came; `;` separated pairs stay as they are).
 */
export function queryWithoutLinkType(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '' && !/^linkType(=|$)/i.test(pair))
    .join('&');
}

// --- RFC 9264 linkset and RFC 8288 Link header ----------------------------------------------

type LinksetTarget = { href: string; title: string; hreflang?: readonly string[]; type?: string };
export type Linkset = { linkset: [{ anchor: string } & Record<string, string | LinksetTarget[]>] };

/**
 * The linkset of an item (RFC 9264 JSON, as GS1's resolver standard 2.10 shapes it): relation types
 * as full vocabulary URIs, the default link under `gs1:defaultLink` (title only, as 2.5.8 asks).
 */
export function buildLinkset(anchor: string, { links, defaultLink }: ItemLinks): Linkset {
  const context: { anchor: string } & Record<string, string | LinksetTarget[]> = { anchor };
  if (defaultLink) context[`${GS1_VOCABULARY}defaultLink`] = [{ href: defaultLink.href, title: defaultLink.title }];
  for (const link of links) {
    const target: LinksetTarget = { href: link.href, title: link.title, hreflang: [...link.hreflang], type: link.mediaType };
    const rel = GS1_VOCABULARY + link.type;
    const existing = context[rel];
    if (Array.isArray(existing)) existing.push(target);
    else context[rel] = [target];
  }
  return { linkset: [context] };
}

// RFC 8187 ext-value: titles carry Vietnamese, and header values must stay ASCII.
const extValue = (text: string) =>
  `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * The `Link` header of a redirect: the item's links (rel as the vocabulary URI, title in RFC 8187
 * form), the linkset and GS1's JSON-LD context. Links that would push it past
 * RESOLVER_MAX_LINK_HEADER are left out (the linkset, listed first, still has them all).
 */
export function linkHeader(anchor: string, { links }: ItemLinks): string {
  const linkset = `<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`;
  const context = `<${GS1_LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;
  // The anchor is rebuilt from parsed values (a GTIN and three values of at most 20 characters), so these two always fit.
  let header = `${linkset}, ${context}`;
  for (const link of links) {
    const entry = `<${link.href}>; rel="${GS1_VOCABULARY}${link.type}"; type="${link.mediaType}"; hreflang="${link.hreflang[0] ?? 'vi'}"; title*=${extValue(link.title)}`;
    if (header.length + 2 + entry.length > RESOLVER_MAX_LINK_HEADER) break;
    header += `, ${entry}`;
  }
  return header;
}

// --- /.well-known/gs1resolver ---------------------------------------------------------------

/**
 * The resolver description file (GS1-Conformant Resolver Standard, section 3): the property names
 * are the standard's. Our link types are listed in each item's linkset and in the documentation;
 * the standard's `supportedLinkType` names vocabularies (namespace and prefix), not terms.
 */
export function resolverDescription(publicUrl: string) {
  return {
    name: 'OCOP — Mỗi xã một sản phẩm: GS1 Digital Link resolver',
    resolverRoot: publicUrl.replace(/\/+$/, ''),
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1_VOCABULARY, prefix: 'gs1:', profile: `${GS1_VOCABULARY}?show=linktypes` }],
    // Without `linkType` we always redirect to the default link; the linkset is asked for explicitly.
    linkTypeDefaultCanBeLinkset: false,
    jsonLdContextLocation: GS1_LINKSET_CONTEXT,
    contact: { fn: 'Văn phòng Điều phối Chương trình OCOP / OCOP programme coordination office' },
  };
}
