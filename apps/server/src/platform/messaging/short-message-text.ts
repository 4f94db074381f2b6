/** One SMS of the GSM 7-bit alphabet: 160 characters (those of the extension table count twice). */
export const SMS_MAX_SEPTETS = 160;
/** A cap of ours on a Zalo text; a provider's own limit belongs in its adapter. */
export const ZALO_MAX_CHARS = 1_000;

// GSM 03.38: the basic table (one septet each) and the extension table (escape + one: two each).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€');

// Typography with a plain equivalent in the GSM alphabet.
const PLAIN: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '★': '*',
  '\u00a0': ' ',
  '\t': ' ',
};

/**
 * Text an SMS carries in the GSM 7-bit alphabet: Vietnamese without its marks ('Giấy chứng nhận'
 * → 'Giay chung nhan', đ → d), as most Vietnamese SMS are sent, because one mark would switch the
 * whole message to UCS-2 and 70 characters. Typography becomes its plain form; anything else the
 * alphabet lacks becomes '?'.
 */
export function gsmText(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  let out = '';
  for (const char of folded) {
    const plain = PLAIN[char] ?? char;
    for (const part of plain) out += GSM_BASIC.has(part) || GSM_EXTENDED.has(part) ? part : '?';
  }
  return out;
}

const septets = (char: string) => (GSM_EXTENDED.has(char) ? 2 : 1);

/** `gsmText(text)` in at most `max` septets; a longer one is cut at a word where it can be and ends in '...'. */
export function fitSms(text: string, max = SMS_MAX_SEPTETS): string {
  const gsm = gsmText(text).replace(/\s+/g, ' ').trim();
  let length = 0;
  for (const char of gsm) length += septets(char);
  if (length <= max) return gsm;
  let kept = '';
  let used = 0;
  for (const char of gsm) {
    if (used + septets(char) > max - 3) break;
    kept += char;
    used += septets(char);
  }
  const atWord = kept.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away more than a fifth of the room.
  const cut = atWord >= (max - 3) * 0.8 ? kept.slice(0, atWord) : kept;
  return `${cut.replace(/[\s,.;:-]+$/, '')}...`;
}

/** `text` in at most `max` characters (code points), ending in '…' when cut. */
export function fitText(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return `${chars
    .slice(0, max - 1)
    .join('')
    .replace(/[\s,.;:-]+$/, '')}…`;
}
