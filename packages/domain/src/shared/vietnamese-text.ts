/**
 * Folds Vietnamese text for search: lower case, no tone or vowel marks, đ → d, spaces collapsed.
 * The same function fills the database's folded columns and folds the user's query, so
 * "chieng an", "Chiềng An" and "CHIÊNG AN" all meet on "chieng an".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so a user's "%" or "_" searches for itself. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
