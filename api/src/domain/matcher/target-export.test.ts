import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Target, TargetPage } from './matcher.service.ts';
import { exportHeaders, toCsv, toXlsx } from './target-export.ts';

const target: Target = {
  rank: 1,
  id: '600584.SH',
  name: '长电科技',
  fullName: '江苏长电科技股份有限公司',
  stockCode: '600584',
  board: '主板',
  province: '江苏',
  city: null,
  districtCode: null,
  mainProducts: [],
  score: 0.58812345,
  components: { gapFit: 0.76, supplyTies: 0.3, quality: 0.97, momentum: 0, veto: 1 },
  features: {
    gapFit: 0.76,
    suppliesLocal: 0,
    suppliesLocalLeaders: 0,
    buysFromLocal: 0,
    adjacency: 3,
    proximity: 0,
    board: '主板',
    listed: true,
    leader: true,
    supplyEdges: 7,
    daysSinceListing: 8000,
    vetoed: false,
  },
  bestLink: { id: 'ic-packaging-test', name: '封装测试', chainId: 'integrated-circuit' },
  reasons: [
    { kind: 'listed', text: '上市公司（主板）', board: '主板' },
    { kind: 'supply-partners', text: '图谱记录其有 7 家供应商, "封测"', buyers: 0, suppliers: 7 },
  ],
  impact: {
    link: { id: 'ic-packaging-test', name: '封装测试', chainId: 'integrated-circuit' },
    before: { class: 'missing', classLabel: '缺链', enterpriseCount: 0, leaderCount: 0, strength: 0 },
    after: { class: 'strong', classLabel: '强链', enterpriseCount: 1, leaderCount: 1, strength: 2.85 },
    text: '落地后本市「封装测试」环节由缺链变为强链，强度 0.00 → 2.85',
  },
  synthetic: false,
};

const page: TargetPage = {
  items: [target, { ...target, rank: 2, name: '=HYPERLINK("x")', synthetic: true }],
  total: 2,
  page: 1,
  limit: 20,
  vetoedCount: 0,
  scope: { kind: 'city', code: null, name: '成都市', chains: [], link: null },
  profile: {
    name: 'default',
    version: 1,
    weights: { gapFit: 0.4, supplyTies: 0.3, quality: 0.2, momentum: 0.1 },
  },
  referenceDate: '2025-10-28',
};

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, quotes what needs quoting and neutralises formulas', () => {
    const csv = toCsv(page);
    expect(csv.startsWith('\uFEFF排名,企业,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('1,长电科技,600584,主板,江苏,,0.5881,0.76,0.3,0.97,0,,封装测试,');
    expect(lines[1]).toContain('"上市公司（主板）；图谱记录其有 7 家供应商, ""封测"""');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]?.endsWith(',是')).toBe(true);
  });
});

describe('XLSX export', () => {
  it('writes one sheet with the headers and a row per target', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await toXlsx(page)).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('招商目标');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...exportHeaders]);
    expect(sheet?.getCell('B2').text).toBe('长电科技');
    expect(sheet?.getCell('G2').value).toBe(0.5881);
    expect(sheet?.getCell('B3').text).toBe(`'=HYPERLINK("x")`);
    expect(sheet?.rowCount).toBe(3);
  });
});
