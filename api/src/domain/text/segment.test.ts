import { describe, expect, it } from 'vitest';
import { escapeLucene, fullTextQuery, searchTokens } from './segment.ts';

describe('searchTokens', () => {
  it('segments company names into words and their parts', () => {
    const tokens = searchTokens('京东方科技集团股份有限公司');
    expect(tokens).toEqual(expect.arrayContaining(['京东方', '科技', '集团']));
  });

  it('drops punctuation, lower-cases Latin and removes duplicates', () => {
    const tokens = searchTokens('BOE（京东方）BOE');
    expect(tokens).toContain('boe');
    expect(tokens).toContain('京东方');
    expect(tokens.filter((t) => t === 'boe')).toHaveLength(1);
    expect(tokens.some((t) => /[（）]/.test(t))).toBe(false);
    expect(searchTokens('（）、，')).toEqual([]);
  });
});

describe('fullTextQuery', () => {
  it('requires every word', () => {
    expect(fullTextQuery('成都 电池')).toBe('+成都 +电池');
  });

  it('escapes Lucene syntax so user input cannot break the query', () => {
    expect(escapeLucene('a:b(c)*')).toBe('a\\:b\\(c\\)\\*');
    expect(fullTextQuery('OR (*:*)')).toBe('+or');
    expect(fullTextQuery('!!!')).toBeUndefined();
  });
});
