import { describe, expect, it } from 'vitest';
import type { ProductKeyword } from './mapping-tables.ts';
import {
  combineEvidence,
  type Evidence,
  isAccountingLine,
  MAX_LINKS,
  nameEvidence,
  productEvidence,
  rankProducts,
} from './place-enterprise.ts';

const evidence = (
  linkId: string,
  confidence: number,
  kind: Evidence['kind'],
  text = `${kind}:x`,
): Evidence => ({
  linkId,
  confidence,
  kind,
  text,
});

const keyword = (
  word: string,
  linkId: string | undefined,
  confidence: number,
  row: number,
): ProductKeyword => ({
  keyword: word,
  linkId,
  confidence,
  row,
  pattern: undefined,
});

describe('combineEvidence', () => {
  it('drops weak evidence when stronger evidence places the firm in another link', () => {
    const links = combineEvidence([
      evidence('ic-ai-chip', 0.4, 'sw-class', 'sw-class:数字芯片设计'),
      evidence('ic-memory', 0.9, 'products', 'products:存储芯片'),
    ]);
    expect(links.map((l) => l.linkId)).toEqual(['ic-memory']);
  });

  it('keeps weak evidence when it is all there is', () => {
    const links = combineEvidence([
      evidence('nev-body-interior', 0.3, 'sw-class', 'sw-class:其他汽车零部件'),
    ]);
    expect(links).toEqual([
      { linkId: 'nev-body-interior', confidence: 0.3, evidence: 'sw-class:其他汽车零部件' },
    ]);
  });

  it('ignores a generic product word on its own', () => {
    expect(combineEvidence([evidence('log-supply-chain-services', 0.3, 'products')])).toEqual([]);
  });

  it('adds 0.1 when different kinds agree, capped at 0.95, and lists every reason', () => {
    const [link] = combineEvidence([
      evidence('pbs-cells', 0.85, 'products', 'products:锂电池'),
      evidence('pbs-cells', 0.9, 'sw-class', 'sw-class:锂电池'),
    ]);
    expect(link).toEqual({
      linkId: 'pbs-cells',
      confidence: 0.95,
      evidence: 'sw-class:锂电池; products:锂电池',
    });
    const [single] = combineEvidence([
      evidence('pbs-cells', 0.6, 'products', 'products:电池'),
      evidence('pbs-cells', 0.5, 'products', 'products:蓄电池'),
    ]);
    expect(single?.confidence).toBe(0.6);
  });

  it('orders links by confidence, then by catalog order, and keeps at most a few', () => {
    const ids = [
      'fin-banking',
      'ic-wafer-fab',
      'food-liquor',
      'pv-cells',
      'nd-polarizer',
      'st-ems-odm',
      'md-ivd',
    ];
    const links = combineEvidence(ids.map((id) => evidence(id, 0.7, 'products')));
    expect(links).toHaveLength(MAX_LINKS);
    expect(links[0]?.linkId).toBe('ic-wafer-fab');
  });
});

describe('products', () => {
  it('skips bookkeeping lines and ranks distinct products by share', () => {
    expect(isAccountingLine('平衡项目')).toBe(true);
    expect(isAccountingLine('分部间抵销')).toBe(true);
    expect(isAccountingLine('锂电池')).toBe(false);
    const ranked = rankProducts([
      { name: '平衡项目', weight: 0.9 },
      { name: '锂电池', weight: 0.5 },
      { name: '锂电池', weight: 0.7 },
      { name: '储能系统', weight: 0.2 },
      { name: '负数', weight: -1 },
    ]);
    expect(ranked).toEqual([
      { name: '锂电池', weight: 0.7 },
      { name: '储能系统', weight: 0.2 },
    ]);
  });

  it('turns products into evidence weighted by their share of revenue', () => {
    const keywords = [keyword('锂电池', 'pbs-cells', 0.9, 0), keyword('储能', 'pbs-energy-storage', 0.8, 1)];
    const found = productEvidence(
      [
        { name: '锂电池', weight: 0.6 },
        { name: '储能', weight: 0.2 },
        { name: '储能服务', weight: 0.01 },
      ],
      keywords,
    );
    expect(found).toEqual([
      { linkId: 'pbs-cells', confidence: 0.9, kind: 'products', text: 'products:锂电池' },
      { linkId: 'pbs-energy-storage', confidence: 0.8 * 0.85, kind: 'products', text: 'products:储能' },
    ]);
  });

  it('reads names only through specific keywords, at a discount', () => {
    const keywords = [
      keyword('眼科', 'drug-hospitals', 0.6, 0),
      keyword('软件', 'sw-industry-software', 0.45, 1),
    ];
    expect(nameEvidence(['普瑞眼科'], keywords)).toEqual([
      { linkId: 'drug-hospitals', confidence: 0.36, kind: 'name', text: 'name:眼科' },
    ]);
    expect(nameEvidence(['某某软件'], keywords)).toEqual([]);
  });
});
