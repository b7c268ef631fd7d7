import { describe, expect, it } from 'vitest';
import { loadMappingTables } from '../../graph-seeds/derive/mapping-tables.ts';
import { type EnterpriseRow, enterpriseRowSchema } from './enterprise-row.ts';
import type { EnterpriseState } from './enterprise-state.ts';
import { type FoundEnterprises, type PlanContext, planBatch } from './plan-batch.ts';
import { type PreparedRow, prepareRow } from './prepare-row.ts';

const tables = loadMappingTables();
const districtCodes = new Set(['510107', '510113', 'zone-chengdu-hi-tech']);
const links = {
  ids: new Set(['pbs-separator', 'fin-banking']),
  idsByName: new Map([['隔膜', ['pbs-separator']]]),
};
const schema = enterpriseRowSchema(links);
const ctx = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  source: 'list-2025.csv',
  asOf: '2025-06-30',
  tables,
  tokens: (text) => text.split(' '),
  ...overrides,
});

function row(line: number, fields: Record<string, string>): PreparedRow {
  const parsed: EnterpriseRow = schema.parse(fields);
  return prepareRow(line, parsed, {
    tables,
    districtCodes,
    keywordCache: new Map(),
    tokens: (t) => t.split(' '),
  });
}

const none: FoundEnterprises = { enterprises: [], similar: [] };

/** The graph after a plan: the firms it wrote replace those found before, for the next batch to find. */
function stateAfter(plan: ReturnType<typeof planBatch>, previous: EnterpriseState[] = []): FoundEnterprises {
  const byId = new Map(previous.map((s) => [s.id, s]));
  for (const state of plan.after) byId.set(state.id, state);
  return { enterprises: [...byId.values()], similar: [] };
}

const chengduBank = {
  fullName: '成都银行股份有限公司',
  name: '成都银行',
  stockCode: '601838',
  address: '四川省成都市武侯区西御街16号',
  industry: '银行',
};

describe('planBatch', () => {
  it('creates a new firm under its exchange code, placed and located', () => {
    const plan = planBatch([row(2, chengduBank)], none, ctx());
    expect(plan.results).toEqual([
      { line: 2, id: '601838.SH', outcome: 'created', placed: true, located: true },
    ]);
    const write = plan.writes[0];
    expect(write?.props).toMatchObject({
      name: '成都银行',
      stockCode: '601838',
      exchange: 'SSE',
      listed: true,
      districtCode: '510107',
      sources: ['list-2025.csv'],
      nameKey: '成都银行',
    });
    expect(write?.links).toEqual([
      {
        linkId: 'fin-banking',
        confidence: 0.9,
        evidence: 'tushare-industry:银行',
        source: 'list-2025.csv',
        asOf: '2025-06-30',
      },
    ]);
    expect(write?.district).toMatchObject({ move: true, code: '510107' });
  });

  it('reports the same row against the firm it made as unchanged, with nothing to write', () => {
    const first = planBatch([row(2, chengduBank)], none, ctx());
    const again = planBatch([row(2, chengduBank)], stateAfter(first), ctx({ asOf: '2025-07-01' }));
    expect(again.results[0]?.outcome).toBe('unchanged');
    expect(again.writes).toEqual([]);
  });

  it('merges another source by stock code, appending its provenance and keeping the old name as an alias', () => {
    const first = planBatch([row(2, chengduBank)], none, ctx());
    const renamed = { stockCode: '601838.SH', name: '成都银行新', website: 'www.bocd.com.cn' };
    const second = planBatch([row(5, renamed)], stateAfter(first), ctx({ source: 'tushare.csv' }));
    expect(second.results[0]).toMatchObject({ id: '601838.SH', outcome: 'updated' });
    expect(second.writes[0]?.props).toMatchObject({
      name: '成都银行新',
      fullName: '成都银行股份有限公司',
      website: 'www.bocd.com.cn',
      sources: ['list-2025.csv', 'tushare.csv'],
    });
    expect(second.writes[0]?.props.aliases).toContain('成都银行');
  });

  it('matches by credit code first, then by normalised name when neither side has conflicting codes', () => {
    const first = planBatch(
      [row(2, { fullName: '成都示例科技有限公司', creditCode: '91350100M000100Y43' })],
      none,
      ctx(),
    );
    expect(first.results[0]?.id).toBe('91350100M000100Y43');
    const byCode = planBatch(
      [row(3, { fullName: '成都示例科技股份有限公司', creditCode: '91350100M000100Y43' })],
      stateAfter(first),
      ctx(),
    );
    expect(byCode.results[0]).toMatchObject({ id: '91350100M000100Y43', outcome: 'updated' });
    const byName = planBatch(
      [row(4, { fullName: '成都示例科技（集团）有限公司' })],
      stateAfter(first),
      ctx(),
    );
    expect(byName.results[0]).toMatchObject({ id: '91350100M000100Y43' });
  });

  it('keeps firms apart when the name matches but the credit code differs, and lists them for review', () => {
    const first = planBatch(
      [row(2, { fullName: '成都示例科技有限公司', creditCode: '91350100M000100Y43' })],
      none,
      ctx(),
    );
    const other = planBatch(
      [row(3, { fullName: '成都示例科技有限公司', creditCode: '9144030071526726XG' })],
      stateAfter(first),
      ctx(),
    );
    expect(other.results[0]).toMatchObject({ id: '9144030071526726XG', outcome: 'created' });
    expect(other.review).toEqual([
      expect.objectContaining({
        line: 3,
        similar: [{ id: '91350100M000100Y43', name: '成都示例科技有限公司' }],
      }),
    ]);
  });

  it('rejects a row whose credit code and stock code name two different firms', () => {
    const first = planBatch(
      [row(2, chengduBank), row(3, { fullName: '成都示例科技有限公司', creditCode: '91350100M000100Y43' })],
      none,
      ctx(),
    );
    const conflict = planBatch(
      [row(9, { ...chengduBank, creditCode: '91350100M000100Y43' })],
      stateAfter(first),
      ctx(),
    );
    expect(conflict.rejected).toEqual([
      {
        line: 9,
        field: 'creditCode',
        reason: expect.stringMatching(/belongs to 成都示例科技有限公司 .* but stock code 601838 to 成都银行/),
      },
    ]);
    expect(conflict.writes).toEqual([]);
  });

  it('rejects a name that matches several firms without codes to tell them apart', () => {
    const found: FoundEnterprises = stateAfter(
      planBatch(
        [
          row(2, { fullName: '示例科技有限公司', creditCode: '91350100M000100Y43' }),
          row(3, { fullName: '示例科技股份有限公司', creditCode: '9144030071526726XG' }),
        ],
        none,
        ctx(),
      ),
    );
    // Both have credit codes, so a row without one is compatible with both.
    const plan = planBatch([row(7, { fullName: '示例科技有限公司' })], found, ctx());
    expect(plan.rejected[0]).toMatchObject({
      line: 7,
      field: 'fullName',
      reason: expect.stringMatching(/matches 2 firms/),
    });
  });

  it('lets an older file fill gaps but not overwrite newer facts', () => {
    const first = planBatch([row(2, chengduBank)], none, ctx({ asOf: '2025-06-30' }));
    const older = planBatch(
      [row(2, { ...chengduBank, name: '成都银行旧', website: 'old.example.cn' })],
      stateAfter(first),
      ctx({ asOf: '2020-01-01', source: 'old.csv' }),
    );
    expect(older.writes[0]?.props).toMatchObject({ name: '成都银行', website: 'old.example.cn' });
    expect(older.writes[0]?.asOf).toBe('2025-06-30');
  });

  it('treats a firm twice in one batch as one firm written once', () => {
    const plan = planBatch(
      [row(2, chengduBank), row(3, { ...chengduBank, website: 'www.bocd.com.cn' })],
      none,
      ctx(),
    );
    expect(plan.results.map((r) => r.outcome)).toEqual(['created', 'updated']);
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]?.props.website).toBe('www.bocd.com.cn');
  });

  it('keeps links other sources placed, adds the file own, and leaves a firm with no evidence unplaced', () => {
    const seeded: EnterpriseState = {
      id: '000001.SZ',
      props: {
        name: '甲乙科技',
        fullName: '甲乙科技有限公司',
        aliases: [],
        listed: true,
        stockCode: '000001',
        mainProducts: [],
        sources: ['graph-seeds'],
        source: 'graph-seeds',
        asOf: '2021-10-22',
        nameKey: '甲乙科技',
        nameCore: '甲乙科技',
        searchText: '甲乙科技 甲乙科技有限公司',
        nameTokens: '甲乙 科技',
      },
      links: [
        {
          linkId: 'fin-banking',
          confidence: 0.9,
          evidence: 'sw-class:x',
          source: 'graph-seeds',
          asOf: '2021-10-22',
        },
      ],
      located: undefined,
    };
    const plan = planBatch(
      [
        row(2, { stockCode: '000001', name: '甲乙科技', products: '锂电池隔膜、其他' }),
        row(3, { fullName: '某某贸易有限公司' }),
        row(4, { fullName: '某某实业有限公司', link: '隔膜' }),
      ],
      { enterprises: [seeded], similar: [] },
      ctx(),
    );
    expect(plan.writes.find((w) => w.id === '000001.SZ')?.links).toEqual([
      expect.objectContaining({
        linkId: 'pbs-separator',
        evidence: 'products:锂电池隔膜',
        source: 'list-2025.csv',
      }),
    ]);
    expect(plan.results.map((r) => r.placed)).toEqual([true, false, true]);
    expect(plan.writes.find((w) => w.props.fullName === '某某实业有限公司')?.links[0]).toMatchObject({
      linkId: 'pbs-separator',
      confidence: 1,
      evidence: 'file:list-2025.csv',
    });
  });

  it('moves a firm out of its district when a newer address is outside the city', () => {
    const first = planBatch([row(2, chengduBank)], none, ctx());
    const moved = planBatch(
      [row(2, { ...chengduBank, address: '重庆市渝中区解放碑1号', city: '重庆市' })],
      stateAfter(first),
      ctx({ asOf: '2026-01-01' }),
    );
    expect(moved.results[0]).toMatchObject({ outcome: 'updated', located: false });
    expect(moved.writes[0]?.district).toEqual(expect.objectContaining({ move: true, code: null }));
    expect(moved.writes[0]?.props.districtCode).toBeNull();
  });

  it('lists near-duplicate names that differ only by a region prefix', () => {
    const found = stateAfter(
      planBatch([row(2, { fullName: '新易盛通信技术股份有限公司', stockCode: '300502' })], none, ctx()),
    );
    const plan = planBatch(
      [row(8, { fullName: '四川新易盛通信技术有限公司' })],
      {
        enterprises: [],
        similar: found.enterprises.map((e) => ({
          id: e.id,
          name: e.props.name,
          nameKey: e.props.nameKey,
          nameCore: e.props.nameCore,
        })),
      },
      ctx(),
    );
    expect(plan.results[0]?.outcome).toBe('created');
    expect(plan.review).toEqual([
      expect.objectContaining({
        line: 8,
        similar: [{ id: '300502.SZ', name: '新易盛通信技术股份有限公司' }],
      }),
    ]);
  });
});
