import { collapseSpaces, toHalfWidth } from '../../graph-seeds/derive/normalise-name.ts';

/** Invisible characters spreadsheets and web copies leave in cells. */
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;
/** Full-width letters and digits (Ａ, １); Chinese punctuation such as （） and ， stays as written. */
const fullWidthAlnum = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/**
 * A cell as text to store: full-width letters and digits made half-width, non-breaking and ideographic spaces
 * made plain, runs of spaces collapsed and padding next to Chinese characters dropped (万  科Ａ → 万科A).
 */
export function normaliseCell(text: string): string {
  const cleaned = text
    .replace(invisible, '')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(fullWidthAlnum, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return collapseSpaces(cleaned);
}

/** Text where spaces between words carry meaning (English names, "D 水电煤气"): only tidied, never joined. */
export function normalisePlainCell(text: string): string {
  return text
    .replace(invisible, '')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(fullWidthAlnum, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cell that holds a code, number or date: every full-width form made half-width, all spaces kept out. */
export function normaliseCodeCell(text: string): string {
  return toHalfWidth(text.replace(invisible, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
