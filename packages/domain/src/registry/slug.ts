import { foldVietnamese } from '../shared/vietnamese-text';

export const SLUG_MAX_LENGTH = 80;

/**
 * A URL slug from a Vietnamese name: diacritics folded, lower case, words joined by hyphens,
 * cut at a word boundary within 80 characters. "Chè Shan tuyết Tà Xùa" → "che-shan-tuyet-ta-xua".
 * A name with nothing usable gives `fallback`.
 */
export function slugify(name: string, fallback = 'san-pham'): string {
  const words = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX_LENGTH) break;
    slug = next;
  }
  if (slug === '' && words[0]) slug = words[0].slice(0, SLUG_MAX_LENGTH);
  return slug === '' ? fallback : slug;
}

/** The n-th alternative of a taken slug: "che-shan-tuyet" → "che-shan-tuyet-2"; n ≥ 2. */
export function slugWithSuffix(slug: string, n: number): string {
  const suffix = `-${n}`;
  return `${slug.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/**
 * The first free slug given the slugs already taken that start with the base: the base itself,
 * else the smallest suffix from 2 not in use.
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = slugWithSuffix(base, n);
    if (!used.has(candidate)) return candidate;
  }
}
