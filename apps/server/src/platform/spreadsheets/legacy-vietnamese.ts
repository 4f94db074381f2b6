/**
 * Recognises Vietnamese text written in the pre-Unicode encodings that old provincial spreadsheets
 * still carry, so an import can report it instead of storing garbage.
 *
 * - **TCVN3 (ABC, TCVN 5712:1993 VN3)**, the `.VnTime`/`.VnArial` fonts: one byte per letter.
 *   Excel stores those bytes as the Windows-1252 characters with the same codes, so a cell shows
 *   "Mçi x· mét s¶n phÈm" for "Mỗi xã một sản phẩm": symbols such as ¬ ® ¶ · ¸ ¹ µ ¨ © ª « and a
 *   soft hyphen (U+00AD = ư) inside words, and letters like Ö È Ì Ñ that Vietnamese never uses.
 * - **VNI-Windows**, the `VNI-Times` fonts: a base letter followed by one mark character, e.g.
 *   "Moãi xaõ moät saûn phaåm"; marks ù ø û õ ï (tones), â/ê (circumflex/breve, and á à å ã ä /
 *   é è ú ü ë combining shape and tone), ô = ơ, ö = ư, ñ = đ, æ = ỉ, ó = ĩ, ò = ị, î = ỵ.
 * - **Windows-1258** (CP1258), a byte encoding: base letters plus combining tone bytes. It is not
 *   valid UTF-8, so it shows up at the byte level (a CSV), where it is told apart from TCVN3/VNI
 *   bytes by decoding the cell every way and keeping the reading that makes Vietnamese syllables.
 *
 * The test of "makes Vietnamese" is a syllable checker: initial consonant, a vowel cluster from
 * the known list, a final from c ch m n ng nh p t, at most one tone, and only sắc or nặng before a
 * stop final. Text is reported only when a legacy reading explains strictly more words than the
 * text as it is, so real Unicode text ("Cà phê", "Nestlé") is never flagged.
 */

export type LegacyEncoding = 'TCVN3' | 'VNI' | 'Windows-1258';
export type LegacyFinding = { encoding: LegacyEncoding; suggestion: string };

// ---------------------------------------------------------------------------------------------
// TCVN3 (ABC): code point (as Excel shows it, i.e. Windows-1252 / Latin-1) → Vietnamese letter.

const TCVN3_LOWER: Record<string, string> = {
  a: 'a¸µ¶·¹',
  â: '©ÊÇÈÉË',
  ă: '¨¾»¼½Æ',
  e: 'eÐÌÎÏÑ',
  ê: 'ªÕÒÓÔÖ',
  i: 'iÝ×ØÜÞ',
  o: 'oãßáâä',
  ô: '«èåæçé',
  ơ: '¬íêëìî',
  u: 'uóïñòô',
  ư: '\u00adøõö÷ù',
  y: 'yýúûüþ',
};
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const; // none, sắc, huyền, hỏi, ngã, nặng

const TCVN3_TO_UNICODE = new Map<string, string>();
for (const [vowel, codes] of Object.entries(TCVN3_LOWER)) {
  [...codes].forEach((code, tone) => {
    if (code !== vowel) TCVN3_TO_UNICODE.set(code, `${vowel}${TONES[tone]}`.normalize('NFC'));
  });
}
for (const [code, letter] of Object.entries({ '®': 'đ', '§': 'Đ', '¡': 'Ă', '¢': 'Â', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư' })) {
  TCVN3_TO_UNICODE.set(code, letter);
}
const UNICODE_TO_TCVN3 = new Map<string, string>([...TCVN3_TO_UNICODE].map(([code, letter]) => [letter, code]));

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  return out;
}

/** Unicode → TCVN3 as Excel would show it; upper-case toned vowels have no TCVN3 code and are lowered. */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    out += UNICODE_TO_TCVN3.get(ch) ?? (ch.charCodeAt(0) > 0x7f ? (UNICODE_TO_TCVN3.get(ch.toLowerCase()) ?? ch) : ch);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// VNI-Windows: base letter + mark characters.

const VNI_TONE: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const VNI_CIRCUMFLEX_TONE: Record<string, string> = { â: '', á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' };
const VNI_BREVE_TONE: Record<string, string> = { ê: '', é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' };
const VNI_SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

function lowerMark(ch: string | undefined): string | undefined {
  return ch === undefined ? undefined : ch.toLowerCase();
}

export function decodeVni(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    let base: string | undefined;
    if ('aeouy'.includes(lower)) base = lower;
    else if (lower === 'ô') base = 'ơ';
    else if (lower === 'ö') base = 'ư';
    if (base === undefined) {
      const single = VNI_SINGLE[lower];
      out += single ? (upper ? single.toUpperCase() : single) : ch;
      continue;
    }
    let shape = '';
    let tone = '';
    const next = lowerMark(chars[i + 1]);
    if (next !== undefined && (base === 'a' || base === 'e' || base === 'o') && next in VNI_CIRCUMFLEX_TONE) {
      shape = '\u0302';
      tone = VNI_CIRCUMFLEX_TONE[next] ?? '';
      i++;
    } else if (next !== undefined && base === 'a' && next in VNI_BREVE_TONE) {
      shape = '\u0306';
      tone = VNI_BREVE_TONE[next] ?? '';
      i++;
    }
    if (tone === '') {
      const toneMark = lowerMark(chars[i + 1]);
      if (toneMark !== undefined && toneMark in VNI_TONE) {
        tone = VNI_TONE[toneMark] ?? '';
        i++;
      }
    }
    const letter = `${base}${shape}${tone}`.normalize('NFC');
    out += upper ? letter.toUpperCase() : letter;
  }
  return out;
}

/** Unicode → VNI-Windows as Excel would show it. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const parts = lower.normalize('NFD');
    const base = parts[0] ?? '';
    const marks = parts.slice(1);
    if (lower === 'đ') {
      out += upper ? 'Ñ' : 'ñ';
      continue;
    }
    if (!'aeiouy'.includes(base) || marks === '') {
      out += ch;
      continue;
    }
    const tone = [...marks].find((m) => TONES.includes(m as (typeof TONES)[number])) ?? '';
    const circumflex = marks.includes('\u0302');
    const breve = marks.includes('\u0306');
    const horn = marks.includes('\u031b');
    let encoded: string;
    if (base === 'i')
      encoded = tone === '' ? 'i' : ({ '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' }[tone] ?? 'i');
    else if (base === 'y' && tone === '\u0323') encoded = 'î';
    else if (circumflex) encoded = base + (Object.entries(VNI_CIRCUMFLEX_TONE).find(([, t]) => t === tone)?.[0] ?? '');
    else if (breve) encoded = base + (Object.entries(VNI_BREVE_TONE).find(([, t]) => t === tone)?.[0] ?? '');
    else {
      const head = horn ? (base === 'o' ? 'ô' : 'ö') : base;
      encoded = head + (Object.entries(VNI_TONE).find(([, t]) => t === tone)?.[0] ?? '');
    }
    out += upper ? encoded.toUpperCase() : encoded;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Is a word a Vietnamese syllable?

const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'th',
  'tr',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  'f',
  'j',
  'w',
  'z',
];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const NUCLEI = new Set([
  ...VOWELS,
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'oo',
  'ôi',
  'ơi',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'iêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyê',
  'uyu',
  'ươi',
  'ươu',
  'yêu',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const NEEDS_FINAL = new Set(['ă', 'â', 'iê', 'oă', 'uâ', 'uô', 'ươ', 'yê', 'uyê']);
/** Clusters that end in a glide (i, o, u, y, or the a of ia/ua/ưa) take no final consonant. */
const NO_FINAL = new Set([
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iu',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'ui',
  'ưa',
  'ưi',
  'ưu',
  'iêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyu',
  'ươi',
  'ươu',
  'yêu',
]);
const TONE_MARKS = new Set(TONES.slice(1));
const SHAPE_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

/** The word as letters without tone plus its tone, or null if it has a character no Vietnamese word has. */
function splitTone(word: string): { letters: string; tone: string } | null {
  let letters = '';
  let tone = '';
  for (const ch of word.toLowerCase()) {
    if (ch === 'đ') {
      letters += ch;
      continue;
    }
    const parts = ch.normalize('NFD');
    const base = parts[0] ?? '';
    if (base < 'a' || base > 'z') return null;
    let shaped = base;
    for (const mark of parts.slice(1)) {
      if (TONE_MARKS.has(mark as (typeof TONES)[number])) {
        if (tone !== '' || !'aeiouy'.includes(base)) return null;
        tone = mark;
      } else if (SHAPE_MARKS.has(mark)) {
        shaped = `${shaped}${mark}`.normalize('NFC');
      } else {
        return null;
      }
    }
    if (shaped.length > 1 || (shaped !== base && !VOWELS.has(shaped))) return null;
    letters += shaped;
  }
  return { letters, tone };
}

export function isVietnameseSyllable(word: string): boolean {
  const split = splitTone(word.normalize('NFC'));
  if (!split) return false;
  const { letters, tone } = split;
  let rest = letters;
  const initial = INITIALS.find((candidate) => rest.startsWith(candidate)) ?? '';
  if (initial === 'gi' && !(rest.length > 2 && VOWELS.has(rest[2] as string)))
    rest = rest.slice(1); // "gì": g + i
  else rest = rest.slice(initial.length);
  let nucleus = '';
  while (rest.length > 0 && VOWELS.has(rest[0] as string)) {
    nucleus += rest[0];
    rest = rest.slice(1);
  }
  if (nucleus === '' || !NUCLEI.has(nucleus) || !FINALS.has(rest)) return false;
  if (rest === '' && NEEDS_FINAL.has(nucleus)) return false;
  if (rest !== '' && NO_FINAL.has(nucleus)) return false;
  if ((rest === 'ch' || rest === 'nh') && !/[aêiy]$/.test(nucleus)) return false;
  if (['c', 'ch', 'p', 't'].includes(rest) && tone !== '\u0301' && tone !== '\u0323') return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Detection.

const VIETNAMESE_BEYOND_LATIN1 = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300-\u0323]/;
const HIGH_LATIN1 = /[\u0080-\u00ff]/;
const WORD_SEPARATORS = /[\s\u0021-\u002f\u0030-\u0039\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00a0]+/;

type Score = { valid: number; invalid: number };

/** How many of the words with non-ASCII letters are Vietnamese syllables, and how many are not. */
function score(text: string): Score {
  const result = { valid: 0, invalid: 0 };
  for (const word of text.split(WORD_SEPARATORS)) {
    if (word === '' || /^[\x20-\x7e]*$/.test(word)) continue;
    if (isVietnameseSyllable(word)) result.valid++;
    else result.invalid++;
  }
  return result;
}

function better(a: Score, b: Score): boolean {
  return a.invalid < b.invalid || (a.invalid === b.invalid && a.valid > b.valid);
}

/**
 * TCVN3 or VNI text inside a Unicode string (an xlsx cell, a UTF-8 CSV field), with the text it
 * most likely stands for; null for ordinary text. When the cell's font is known (`.VnTime`,
 * `VNI-Times`), the font settles cases the letters alone leave open ("Sôn La" is VNI for
 * "Sơn La" only in a VNI font).
 */
export function detectLegacyText(text: string, fontName?: string | null): LegacyFinding | null {
  const value = text.normalize('NFC');
  if (!HIGH_LATIN1.test(value) || VIETNAMESE_BEYOND_LATIN1.test(value)) return null;
  const fontEncoding = legacyFontEncoding(fontName);
  if (fontEncoding) {
    const converted = fontEncoding === 'TCVN3' ? decodeTcvn3(value) : decodeVni(value);
    if (converted !== value && score(converted).valid > 0) return { encoding: fontEncoding, suggestion: converted };
  }
  const asIs = score(value);
  if (asIs.invalid === 0) return null;
  let best: { finding: LegacyFinding; score: Score } | null = null;
  for (const [encoding, decode] of [
    ['TCVN3', decodeTcvn3],
    ['VNI', decodeVni],
  ] as const) {
    const converted = decode(value);
    if (converted === value) continue;
    const s = score(converted);
    if (s.valid === 0 || !better(s, asIs)) continue;
    if (!best || better(s, best.score)) best = { finding: { encoding, suggestion: converted }, score: s };
  }
  return best?.finding ?? null;
}

/** The legacy encoding a font name implies: `.VnTime`, `.VnArial`, `.VnTimeH` (TCVN3); `VNI-Times`, `VNI-Helve` (VNI). */
export function legacyFontEncoding(fontName: string | null | undefined): 'TCVN3' | 'VNI' | null {
  if (!fontName) return null;
  if (/^\.vn/i.test(fontName.trim())) return 'TCVN3';
  if (/^vni[- ]/i.test(fontName.trim())) return 'VNI';
  return null;
}

/**
 * Reads a field whose bytes came from a file that is not UTF-8: the best of Windows-1258,
 * TCVN3 and VNI, or Windows-1258 when none makes sense (the usual code page of Vietnamese
 * Windows). The bytes are given as a Latin-1 string (one character per byte).
 */
export function guessLegacyBytes(latin1: string): LegacyFinding {
  const bytes = Buffer.from(latin1, 'latin1');
  const candidates: LegacyFinding[] = [
    { encoding: 'Windows-1258', suggestion: new TextDecoder('windows-1258').decode(bytes).normalize('NFC') },
    { encoding: 'TCVN3', suggestion: decodeTcvn3(latin1) },
    { encoding: 'VNI', suggestion: decodeVni(latin1) },
  ];
  let best = candidates[0] as LegacyFinding;
  let bestScore = score(best.suggestion);
  for (const candidate of candidates.slice(1)) {
    const s = score(candidate.suggestion);
    if (better(s, bestScore)) {
      best = candidate;
      bestScore = s;
    }
  }
  return best;
}

/** How the bytes of a text file decode: UTF-8 (BOM removed), UTF-16 with a BOM, or not Unicode at all. */
export function decodeTextFile(
  bytes: Buffer,
): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; text: string } | { encoding: 'legacy'; latin1: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { encoding: 'legacy', latin1: body.toString('latin1') };
  }
}
