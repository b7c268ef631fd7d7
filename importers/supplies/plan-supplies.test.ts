import { describe, expect, it } from 'vitest';
import { planSupplies, type StoredSupply, type SupplyEnd } from './plan-supplies.ts';
import { supplyRowSchema } from './supply-row.ts';

const ends: SupplyEnd[] = [
  { id: '688126.SH', name: '沪硅产业', stockCode: '688126', nameKey: '上海硅产业' },
  { id: '688981.SH', name: '中芯国际', stockCode: '688981', nameKey: '中芯国际集成电路制造' },
  {
    id: '91510100MA6CMT0017',
    name: '成都测试示例一科技有限公司',
    creditCode: '91510100MA6CMT0017',
    nameKey: '成都测试示例一科技',
  },
];
const ctx = { source: 'supplies.csv', asOf: '2025-06-30' };
const rows = (...list: Record<string, string>[]) =>
  list.map((r, i) => ({ line: i + 2, row: supplyRowSchema.parse(r) }));

describe('supplyRowSchema', () => {
  it('reads each end as a credit code, a stock code or a name, and the atlas 1–5 scale as a share', () => {
    const row = supplyRowSchema.parse({
      from: '688126.SH',
      to: '成都测试示例一科技股份有限公司',
      product: '硅片',
      confidence: '4',
    });
    expect(row.from).toMatchObject({ kind: 'stockCode', value: '688126' });
    expect(row.to).toMatchObject({ kind: 'nameKey', value: '成都测试示例一科技' });
    expect(row.confidence).toBe(0.8);
    expect(
      supplyRowSchema.parse({ from: '91510100MA6CMT0017', to: '688981', product: 'x', confidence: '0.35' }),
    ).toMatchObject({
      from: { kind: 'creditCode' },
      confidence: 0.35,
    });
  });

  it('says what is missing or wrong', () => {
    const result = supplyRowSchema.safeParse({ from: '688126', product: '硅片', confidence: '9' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['to', 'is empty: both ends must be named (by credit code, stock code or name)'],
      ['confidence', 'expected a confidence in (0, 1], or 1 to 5'],
    ]);
  });
});

describe('planSupplies', () => {
  it('creates an edge between known firms, then finds it unchanged', () => {
    const first = planSupplies(
      rows({ from: '688126', to: '688981', product: '12英寸硅片', confidence: '5' }),
      ends,
      [],
      ctx,
    );
    expect(first.results).toEqual([{ line: 2, outcome: 'created' }]);
    expect(first.writes).toEqual([
      {
        from: '688126.SH',
        to: '688981.SH',
        product: '12英寸硅片',
        confidence: 1,
        sources: ['supplies.csv'],
        source: 'supplies.csv',
        asOf: '2025-06-30',
      },
    ]);
    const stored: StoredSupply[] = first.writes.map(({ source: _source, ...rest }) => rest);
    const again = planSupplies(
      rows({ from: '688126', to: '688981', product: '12英寸硅片', confidence: '5' }),
      ends,
      stored,
      ctx,
    );
    expect(again.results).toEqual([{ line: 2, outcome: 'unchanged' }]);
    expect(again.writes).toEqual([]);
  });

  it('appends its source to an edge another source stated, keeping the newer confidence', () => {
    const seeded: StoredSupply = {
      from: '688126.SH',
      to: '688981.SH',
      product: '12英寸硅片',
      confidence: 0.8,
      sources: ['industry-chain-atlas/semiconductor.yaml'],
      asOf: '2026-06-18',
    };
    const plan = planSupplies(
      rows({ from: '688126', to: '688981', product: '12英寸硅片', confidence: '1' }),
      ends,
      [seeded],
      ctx,
    );
    expect(plan.results[0]?.outcome).toBe('updated');
    expect(plan.writes[0]).toMatchObject({
      confidence: 0.8,
      sources: ['industry-chain-atlas/semiconductor.yaml', 'supplies.csv'],
      asOf: '2026-06-18',
    });
  });

  it('rejects rows whose ends are unknown, ambiguous or the same firm', () => {
    const twins: SupplyEnd[] = [...ends, { id: 'n-1', name: '示例', nameKey: '中芯国际集成电路制造' }];
    const plan = planSupplies(
      rows(
        { from: '000001', to: '688981', product: 'a' },
        { from: '688126', to: '中芯国际集成电路制造有限公司', product: 'b' },
        { from: '688126', to: '688126.SH', product: 'c' },
      ),
      twins,
      [],
      ctx,
    );
    expect(plan.results).toEqual([]);
    expect(plan.rejected).toEqual([
      {
        line: 2,
        field: 'from',
        reason: 'no enterprise with stock code 000001 in the graph: import it first',
      },
      {
        line: 3,
        field: 'to',
        reason: expect.stringMatching(/matches 2 enterprises \(688981\.SH, n-1\): use a code$/),
      },
      { line: 4, field: 'to', reason: '沪硅产业 cannot supply itself' },
    ]);
  });
});
