import { foldVietnamese } from '../shared/vietnamese-text';

/**
 * The public catalogue's search, in memory: what a buyer types on a phone, without diacritics, with
 * a slip of the finger, syllables joined or split, words in any order ("ruou tao meo bac yen",
 * "taomeo", "bac yen ruou", "ruou tso meo"), meets the products whose name, producer or place
 * (commune, former district, province) says it. Pure: the server builds the index from the
 * certified products and asks it; the same answers on either database.
 *
 * How: every text is folded (no marks, lower case) and cut into syllables. The index keeps each
 * syllable, each two neighbouring syllables written together ("taomeo"), and for each syllable its
 * one-letter deletions, so a query word finds the syllables one edit away (a wrong, missing, extra
 * or swapped letter) without comparing it with every syllable. Every query word must be met
 * somewhere in a product's texts; an exact syllable counts more than a prefix or a near miss, and a
 * product whose name meets the words counts more than one whose place does.
 */

/** Longest query read (after folding); the rest is ignored, so a pasted page costs no more than a line. */
export const SEARCH_QUERY_MAX_CHARS = 200;
/** Most words of a query taken into account. */
export const SEARCH_QUERY_MAX_WORDS = 8;
/**
 * Query words shorter than this are matched exactly or as a prefix, never as a near miss ("an" ≠
 * "anh"); a word of exactly this length only by a wrong or swapped letter ("tso" → "tao"), since
 * the other words of the query narrow the guess down.
 */
const FUZZY_MIN_LENGTH = 3;

/** What the index knows of a product: its id and its texts, the most telling first (name, producer, places). */
export type SearchDocument = { id: string; fields: readonly { text: string; weight: number }[] };

export type SearchHit = { id: string; score: number };

/** Documents of a key, each as `doc * 8 + weight` (weights are 1..7): small, and read in order. */
type Posting = number[];
/** A document's keys (syllables and joined neighbours), each once, with the best weight each has in it: arrays, a tenth of a Map's memory. */
type DocumentKeys = { keys: string[]; weights: Uint8Array };

export type CatalogueIndex = {
  readonly size: number;
  readonly ids: readonly string[];
  /** syllable or two neighbouring syllables written together → documents */
  readonly postings: Map<string, Posting>;
  /** each document's keys, to check the other words of a query against a candidate */
  readonly documentKeys: readonly DocumentKeys[];
  /** a syllable with one letter deleted → the syllables it came from */
  readonly deletions: Map<string, string[]>;
  /** the syllables in order, for prefix matches */
  readonly sortedSyllables: readonly string[];
};

/** Largest field weight. */
export const SEARCH_MAX_WEIGHT = 7;

/** Folded syllables of a text: letters and digits only. */
export function searchWords(text: string): string[] {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** An index being built a slice at a time: `add` documents in order, then `finish` once. */
export type CatalogueIndexBuilder = {
  /** Indexes these documents after the ones added before (their order is the index order). */
  add: (documents: readonly SearchDocument[]) => void;
  /** The index of every document added; the builder is spent afterwards. */
  finish: () => CatalogueIndex;
};

/**
 * The index built in slices, so a caller may yield between them (the server's event loop): the
 * same index as `buildCatalogueIndex` on all the documents at once, still pure. A syllable's
 * one-letter deletions are recorded when it is first met, which keeps their order that of the
 * one-block build and leaves `finish` only the sort of the syllables.
 */
export function startCatalogueIndex(): CatalogueIndexBuilder {
  const postings = new Map<string, Posting>();
  const syllables = new Set<string>();
  const deletions = new Map<string, string[]>();
  const documentKeys: DocumentKeys[] = [];
  const ids: string[] = [];
  let finished = false;

  const meetSyllable = (word: string) => {
    if (syllables.has(word)) return;
    syllables.add(word);
    if (word.length < FUZZY_MIN_LENGTH) return;
    for (const deleted of new Set(deletionsOf(word))) {
      const list = deletions.get(deleted);
      if (list) list.push(word);
      else deletions.set(deleted, [word]);
    }
  };

  const addOne = (document: SearchDocument) => {
    const doc = ids.length;
    const keys = new Map<string, number>();
    const add = (key: string, weight: number) => {
      if ((keys.get(key) ?? 0) < weight) keys.set(key, weight);
    };
    for (const field of document.fields) {
      const weight = Math.max(1, Math.min(SEARCH_MAX_WEIGHT, Math.round(field.weight)));
      const words = searchWords(field.text);
      words.forEach((word, i) => {
        meetSyllable(word);
        add(word, weight);
        const next = words[i + 1];
        if (next) add(word + next, weight);
      });
    }
    for (const [key, weight] of keys) {
      let posting = postings.get(key);
      if (!posting) {
        posting = [];
        postings.set(key, posting);
      }
      posting.push(doc * 8 + weight);
    }
    ids.push(document.id);
    documentKeys.push({ keys: [...keys.keys()], weights: Uint8Array.from(keys.values()) });
  };

  return {
    add: (documents) => {
      if (finished) throw new Error('catalogue index already finished');
      for (const document of documents) addOne(document);
    },
    finish: () => {
      if (finished) throw new Error('catalogue index already finished');
      finished = true;
      return { size: ids.length, ids, postings, documentKeys, deletions, sortedSyllables: [...syllables].sort() };
    },
  };
}

/** The index of these documents in one block (tests, benches, small catalogues). */
export function buildCatalogueIndex(documents: readonly SearchDocument[]): CatalogueIndex {
  const builder = startCatalogueIndex();
  builder.add(documents);
  return builder.finish();
}

/** Whether a and b are at most one edit apart (insert, delete, replace, or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** Quality of a match: exact beats a prefix beats a near miss. */
const EXACT = 3;
const PREFIX = 2;
const NEAR = 1.5;
/** Most syllables a prefix stands for ("c" would otherwise be half the dictionary). */
const PREFIX_SYLLABLES_MAX = 50;

/** The keys a query word meets, each with the match's quality (exact beats a prefix beats a near miss). */
function keysOfWord(index: CatalogueIndex, word: string, isLast: boolean): Map<string, number> {
  const keys = new Map<string, number>();
  const take = (key: string, quality: number) => {
    if (index.postings.has(key) && (keys.get(key) ?? 0) < quality) keys.set(key, quality);
  };
  take(word, EXACT);
  // A prefix: the word still being typed (the last one), or any word of three letters or more.
  if (isLast || word.length >= 3) {
    let lo = 0;
    let hi = index.sortedSyllables.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((index.sortedSyllables[mid] ?? '') < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < index.sortedSyllables.length && i < lo + PREFIX_SYLLABLES_MAX; i++) {
      const syllable = index.sortedSyllables[i] ?? '';
      if (!syllable.startsWith(word)) break;
      take(syllable, PREFIX);
    }
  }
  if (word.length >= FUZZY_MIN_LENGTH) {
    const sameLengthOnly = word.length === FUZZY_MIN_LENGTH;
    for (const key of [word, ...deletionsOf(word)]) {
      for (const syllable of index.deletions.get(key) ?? []) {
        if (syllable === word || (sameLengthOnly && syllable.length !== word.length)) continue;
        if (withinOneEdit(word, syllable)) take(syllable, NEAR);
      }
      if (!sameLengthOnly && key !== word) take(key, NEAR);
    }
  }
  return keys;
}

/** How many documents the keys lead to at most: the rarest word is where candidates come from. */
function reach(index: CatalogueIndex, keys: Map<string, number>): number {
  let total = 0;
  for (const key of keys.keys()) total += index.postings.get(key)?.length ?? 0;
  return total;
}

/** The best score a document gets for a word, or 0 when none of its keys meets it. */
function scoreIn(document: DocumentKeys, wordKeys: Map<string, number>): number {
  let best = 0;
  for (let i = 0; i < document.keys.length; i++) {
    const quality = wordKeys.get(document.keys[i] as string);
    if (quality === undefined) continue;
    const score = quality * (document.weights[i] as number);
    if (score > best) best = score;
  }
  return best;
}

/** The query's words, folded and bounded. */
export function queryWords(query: string): string[] {
  return searchWords(query.slice(0, SEARCH_QUERY_MAX_CHARS)).slice(0, SEARCH_QUERY_MAX_WORDS);
}

/**
 * The products meeting every word of the query, best first (ties in index order). A word may also
 * be met together with its neighbour as one syllable ("tao meo" typed for a syllable "taomeo").
 * An empty query meets nothing (the caller lists the catalogue instead).
 */
export function searchCatalogue(index: CatalogueIndex, query: string): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const perWord = words.map((word, i) => keysOfWord(index, word, i === words.length - 1));
  // Two neighbouring query words written together may be one syllable of the index ("tao meo" → "taomeo").
  for (let i = 0; i + 1 < words.length; i++) {
    const together = `${words[i]}${words[i + 1]}`;
    if (!index.postings.has(together)) continue;
    for (const k of [i, i + 1]) (perWord[k] as Map<string, number>).set(together, EXACT);
  }
  // Candidates come from the word that leads to the fewest documents; the others are checked on each candidate's own keys.
  const order = perWord.map((keys, i) => ({ keys, reach: reach(index, keys), i })).sort((a, b) => a.reach - b.reach);
  const [rarest, ...others] = order;
  if (!rarest || rarest.reach === 0) return [];
  const candidates = new Map<number, number>();
  for (const [key, quality] of rarest.keys) {
    for (const entry of index.postings.get(key) ?? []) {
      const doc = Math.floor(entry / 8);
      const score = quality * (entry % 8);
      if ((candidates.get(doc) ?? 0) < score) candidates.set(doc, score);
    }
  }
  const hits: { doc: number; score: number }[] = [];
  for (const [doc, first] of candidates) {
    const keys = index.documentKeys[doc] as DocumentKeys;
    let total = first;
    for (const other of others) {
      const score = scoreIn(keys, other.keys);
      if (score === 0) {
        total = 0;
        break;
      }
      total += score;
    }
    if (total > 0) hits.push({ doc, score: total });
  }
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits.map((hit) => ({ id: index.ids[hit.doc] ?? '', score: hit.score }));
}
