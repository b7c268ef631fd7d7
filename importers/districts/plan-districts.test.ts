import { describe, expect, it } from 'vitest';
import { districtRowSchema } from './district-row.ts';
import { type DistrictState, planDistricts } from './plan-districts.ts';

const schema = districtRowSchema({
  ids: new Set(['large-aircraft', 'aero-engine', 'modern-logistics']),
  idsByName: new Map([
    ['大飞机制造与服务', 'large-aircraft'],
    ['现代物流', 'modern-logistics'],
  ]),
});
const rows = (...list: Record<string, string>[]) =>
  list.map((r, i) => ({ line: i + 2, row: schema.parse(r) }));
const qingyang: DistrictState = {
  code: '510105',
  name: '青羊区',
  nameEn: 'Qingyang District',
  leadIndustry: 'aviation (青羊航空新城)',
  kind: 'district',
  priorities: ['large-aircraft'],
  sources: ['docs/DOMAIN.md'],
};
const ctx = { source: 'profiles.csv' };

describe('districtRowSchema', () => {
  it('reads codes and chains by id or name, in priority order', () => {
    expect(
      schema.parse({ code: ' 510105', priorities: '大飞机制造与服务、aero-engine、large-aircraft' }),
    ).toEqual({
      code: '510105',
      priorities: ['large-aircraft', 'aero-engine'],
    });
  });

  it('rejects unknown chains and malformed codes', () => {
    const result = schema.safeParse({ code: '5101', priorities: '芯片' });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['code', 'expected a six-digit division code such as 510107'],
      ['priorities', '"芯片" is neither a chain id nor a chain name of the map'],
    ]);
  });
});

describe('planDistricts', () => {
  it('replaces the priority list and lead industry, keeps what the row does not say, and appends its source', () => {
    const plan = planDistricts(
      rows({ code: '510105', leadIndustry: '航空航天', priorities: 'aero-engine、大飞机制造与服务' }),
      [qingyang],
      ctx,
    );
    expect(plan.results).toEqual([{ line: 2, outcome: 'updated' }]);
    expect(plan.writes).toEqual([
      {
        code: '510105',
        props: {
          name: '青羊区',
          nameEn: 'Qingyang District',
          leadIndustry: '航空航天',
          kind: 'district',
          sources: ['docs/DOMAIN.md', 'profiles.csv'],
          source: 'docs/DOMAIN.md; profiles.csv',
        },
        priorities: [
          { chainId: 'aero-engine', rank: 1 },
          { chainId: 'large-aircraft', rank: 2 },
        ],
      },
    ]);
  });

  it('reports a profile it already holds as unchanged and creates named new zones only', () => {
    const known = { ...qingyang, sources: ['profiles.csv'] };
    const plan = planDistricts(
      rows(
        { code: '510105', name: '青羊区', priorities: '大飞机制造与服务' },
        { code: 'zone-example-port', name: '示例港区', priorities: '现代物流' },
        { code: '510199' },
      ),
      [known],
      ctx,
    );
    expect(plan.results).toEqual([
      { line: 2, outcome: 'unchanged' },
      { line: 3, outcome: 'created' },
    ]);
    expect(plan.rejected).toEqual([
      { line: 4, field: 'name', reason: '510199 is not a district of the map yet: a new one needs a name' },
    ]);
    expect(plan.writes).toEqual([
      expect.objectContaining({
        code: 'zone-example-port',
        props: expect.objectContaining({ kind: 'functional-zone', name: '示例港区' }),
        priorities: [{ chainId: 'modern-logistics', rank: 1 }],
      }),
    ]);
  });
});
