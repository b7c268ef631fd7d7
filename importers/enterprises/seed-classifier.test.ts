import { describe, expect, it } from 'vitest';
import {
  classifierEvidence,
  DEFAULT_CLASSIFY_THRESHOLD,
  evaluateClassifier,
  isHeldOut,
  majorityLinkPrecision,
  trainLinkClassifier,
} from '../../api/src/domain/classify/link-classifier.ts';
import { contentWords } from '../../api/src/domain/text/segment.ts';
import { loadMappingTables } from '../../graph-seeds/derive/mapping-tables.ts';
import { enterpriseRowSchema } from './enterprise-row.ts';
import { prepareRow } from './prepare-row.ts';
import { readSeedLabels, seedClassifier } from './seed-classifier.ts';

/**
 * The classifier against the seed's own labels, on the same deterministic split as docs/classification.md. The floors
 * are relative to what the same data gives without the classifier's work: it must be far better than always
 * answering the most common link, and its threshold must buy precision, not lose it.
 */
describe('link classifier trained on the seed', () => {
  const { examples, links } = readSeedLabels();
  const chainOf = new Map(links.map((l) => [l.id, l.chainId]));
  const training = examples.filter((e) => !isHeldOut(e.id));
  const heldOut = examples.filter((e) => isHeldOut(e.id));
  const classifier = trainLinkClassifier(training, links, contentWords);

  it('holds out a fixed fifth of the labelled firms', () => {
    expect(heldOut.length / examples.length).toBeGreaterThan(0.15);
    expect(heldOut.length / examples.length).toBeLessThan(0.25);
    expect(examples.filter((e) => isHeldOut(e.id)).map((e) => e.id)).toEqual(heldOut.map((e) => e.id));
  });

  it('beats the most-common-link baseline many times over, and its threshold raises precision', () => {
    const atThreshold = evaluateClassifier(classifier, heldOut, chainOf, DEFAULT_CLASSIFY_THRESHOLD);
    const unthresholded = evaluateClassifier(classifier, heldOut, chainOf, 0);
    const baseline = majorityLinkPrecision(training, heldOut);
    expect(atThreshold.linkPrecision ?? 0).toBeGreaterThan(5 * baseline);
    expect(atThreshold.linkPrecision ?? 0).toBeGreaterThanOrEqual(unthresholded.linkPrecision ?? 0);
    expect(atThreshold.chainPrecision ?? 0).toBeGreaterThanOrEqual(atThreshold.linkPrecision ?? 0);
    // A threshold that left most firms unclassified would make the classifier pointless for imports.
    expect(atThreshold.coverage).toBeGreaterThan(0.5);
  });

  it('keeps the deciding words and leaves texts it cannot place unclassified', () => {
    const result = classifier.classify('集成电路 芯片设计 晶圆制造');
    expect(result?.linkId.startsWith('ic-')).toBe(true);
    expect(result?.words.length).toBeGreaterThan(0);
    expect(classifierEvidence(result ?? { linkId: '', confidence: 0, words: [] })).toMatch(/^classifier:/);
    expect(classifier.classify('今天天气很好')).toBeUndefined();
  });
});

describe('classification in the enterprise import', () => {
  const tables = loadMappingTables();
  const schema = enterpriseRowSchema({ ids: new Set(), idsByName: new Map() });
  const ctx = {
    tables,
    districtCodes: new Set<string>(),
    keywordCache: new Map(),
    tokens: (t: string) => [t],
    classify: (text: string) => seedClassifier().classify(text),
  };
  const prepare = (fields: Record<string, string>) => {
    const row = schema.parse(fields);
    return prepareRow(2, row, ctx);
  };

  it('classifies a row that only describes its business, keeping confidence and words', () => {
    const prepared = prepare({
      fullName: '成都测试芯片科技有限公司',
      businessScope: '集成电路芯片设计；半导体晶圆制造',
    });
    const classified = prepared.classified.filter((e) => e.kind === 'classifier');
    expect(classified).toHaveLength(1);
    expect(classified[0]?.linkId.startsWith('ic-')).toBe(true);
    expect(classified[0]?.text).toMatch(/^classifier:.+/);
    expect(classified[0]?.confidence).toBeGreaterThanOrEqual(DEFAULT_CLASSIFY_THRESHOLD);
  });

  it('leaves rows the mapping tables place, rows naming a link and uninformative rows alone', () => {
    const placed = prepare({ fullName: '成都测试隔膜有限公司', products: '锂电池隔膜' });
    expect(placed.classified).toEqual([]);
    expect(placed.evidence.length).toBeGreaterThan(0);
    const vague = prepare({ fullName: '成都测试贸易有限公司', businessScope: '一般项目：办公服务' });
    expect(vague.classified).toEqual([]);
  });
});
