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

/** Words that say nothing about what a firm makes; dropped before classifying. */
const uninformativeWords = new Set([
  '其他',
  '相关',
  '以及',
  '及其',
  '产品',
  '业务',
  '经营',
  '项目',
  '主要',
  '包括',
  '公司',
  '有限公司',
  '股份有限公司',
  '有限责任公司',
  '一般',
  '许可',
  '依法',
  '须经',
  '批准',
  '开展',
  '经营活动',
  '凭',
  '营业执照',
  '除外',
]);

/** Content words of a text for classification: jieba's precise mode, lower-cased, no punctuation or 1-character words. */
export function contentWords(text: string): string[] {
  return segmenter()
    .cut(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => [...t].length >= 2 && /[\p{L}\p{N}]/u.test(t) && !uninformativeWords.has(t));
}
