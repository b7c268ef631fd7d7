/**
 * Company names differ between sources in width (Ａ vs A), spacing (万  科), legal form (股份有限公司),
 * bracketed qualifiers (（集团）, (中国)) and exchange markers (*ST, -U). Normalising strips all of that
 * so names from different files can be compared and kept as search aliases.
 */

const cjk = '\\u3400-\\u9fff\\uf900-\\ufaff';

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space map to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Collapses runs of whitespace and drops spaces next to Chinese characters, where they are only padding. */
export function collapseSpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`(?<=[${cjk}]) | (?=[${cjk}])`, 'g'), '')
    .trim();
}

// Longest first so that 集团股份有限公司 loses both parts.
const legalForms = ['股份有限公司', '有限责任公司', '股份公司', '有限公司', '集团'];

/** Risk-warning prefixes on short names: ST, *ST, S*ST, SST, S. */
const riskPrefix = /^(?:\*ST|S\*ST|SST|ST|S(?=[\u3400-\u9fff]))\s*/i;
/** STAR/ChiNext markers after the short name: -U (unprofitable), -W (weighted voting), -UW, -WD, -Z. */
const boardSuffix = /-(?:UW|WD|U|W|Z)$/i;
/** Share class letter right after a Chinese name: 万科A, 深天马A. */
const shareClass = new RegExp(`(?<=[${cjk}])[AB]$`);

export function normaliseCompanyName(name: string): string {
  let text = collapseSpaces(toHalfWidth(name));
  text = text.replace(/[(（【[][^)）】\]]*[)）】\]]/g, '');
  text = text.replace(riskPrefix, '').replace(boardSuffix, '').replace(shareClass, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of legalForms) {
      if (text.endsWith(form) && text.length > form.length) {
        text = text.slice(0, -form.length);
        changed = true;
      }
    }
  }
  return text.trim();
}

/**
 * Whether a name given by one source denotes the listed firm: equal after normalisation, one a prefix of the
 * other (短名 ST东尼 vs 东尼电子), or contained in the firm's normalised legal name.
 */
export function namesMatch(candidate: string, shortName: string, fullName?: string): boolean {
  const a = normaliseCompanyName(candidate);
  const b = normaliseCompanyName(shortName);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 2 && (a.startsWith(b) || b.startsWith(a))) return true;
  return fullName !== undefined && normaliseCompanyName(fullName).includes(a);
}
