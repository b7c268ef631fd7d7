import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** Loading the dictionary takes ~200 ms, so it happens once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Search tokens for Chinese (and mixed) text: jieba's search mode, lower-cased, punctuation dropped, unique. */
export function searchTokens(text: string): string[] {
  const tokens = segmenter()
    .cutForSearch(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && /[\p{L}\p{N}]/u.test(t));
  return [...new Set(tokens)];
}

/** Characters that Lucene's query syntax treats specially; escaped so user input never throws. */
const luceneSpecial = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(term: string): string {
  return term.replace(luceneSpecial, (c) => `\\${c}`);
}

/** A full-text query that requires every token of the user's text (each escaped). */
export function fullTextQuery(text: string): string | undefined {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return undefined;
  return tokens.map((t) => `+${escapeLucene(t)}`).join(' ');
}
