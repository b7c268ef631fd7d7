import { describe, expect, it } from 'vitest';
import { type ChainRow, chainRowSchema } from './chain-row.ts';
import { type CurrentMap, planChainMap } from './plan-chain-map.ts';

const map: CurrentMap = {
  ecosystems: [{ id: 'electronic-information', name: '电子信息' }],
  chains: new Map([
    ['integrated-circuit', { name: '集成电路', nameEn: 'Integrated circuits', retired: false }],
  ]),
  links: new Map([
    [
      'ic-eda-ip',
      {
        chainId: 'integrated-circuit',
        name: 'EDA/IP',
        nameEn: 'EDA and IP',
        stage: 'upstream',
        retired: false,
      },
    ],
    [
      'ic-wafer-fab',
      {
        chainId: 'integrated-circuit',
        name: '晶圆制造',
        nameEn: 'Wafer fab',
        stage: 'midstream',
        retired: false,
      },
    ],
    [
      'ic-old',
      { chainId: 'integrated-circuit', name: '旧环节', nameEn: '', stage: 'upstream', retired: true },
    ],
  ]),
  feeds: new Set(['ic-eda-ip>ic-wafer-fab']),
};

/** Rows as a file would give them: text cells, parsed by the row schema. */
const rows = (...cells: Record<string, string>[]) =>
  cells.map((c, i) => ({ line: i + 2, row: chainRowSchema.parse(c) as ChainRow }));

describe('planChainMap', () => {
  it('changes nothing when the file says what the map says', () => {
    const plan = planChainMap(
      rows(
        {
          chain: 'integrated-circuit',
          chainName: '集成电路',
          link: 'ic-eda-ip',
          stage: '上游',
          feeds: 'ic-wafer-fab',
        },
        { chain: 'integrated-circuit', link: 'ic-wafer-fab', linkName: '晶圆制造' },
      ),
      map,
    );
    expect(plan.steps).toEqual([]);
    expect([...plan.outcomes.values()]).toEqual(['unchanged', 'unchanged']);
    expect(plan.rejected).toEqual([]);
  });

  it('adds a chain and its links, renames, retires and draws FEEDS, chains before links before FEEDS', () => {
    const plan = planChainMap(
      rows(
        {
          chain: 'low-altitude',
          chainName: '低空经济',
          ecosystem: '电子信息',
          link: 'la-evtol',
          linkName: '整机',
          stage: '下游',
        },
        { chain: 'low-altitude', link: 'la-battery', linkName: '动力电池', stage: '上游', feeds: 'la-evtol' },
        {
          chain: 'integrated-circuit',
          link: 'ic-eda-ip',
          linkName: 'EDA 与 IP',
          feeds: 'la-battery',
        },
        { chain: 'integrated-circuit', link: 'ic-wafer-fab', retire: '是' },
        { chain: 'integrated-circuit', chainName: '集成电路产业' },
      ),
      map,
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'addChain',
      'renameChain',
      'addLink',
      'addLink',
      'renameLink',
      'addFeeds',
      'addFeeds',
      'retireLink',
    ]);
    expect(plan.steps[0]).toMatchObject({ chainId: 'low-altitude', ecosystemId: 'electronic-information' });
    expect(plan.steps.filter((s) => s.kind === 'addFeeds')).toEqual([
      { kind: 'addFeeds', chainId: 'low-altitude', from: 'la-battery', to: 'la-evtol' },
      { kind: 'addFeeds', chainId: 'integrated-circuit', from: 'ic-eda-ip', to: 'la-battery' },
    ]);
    expect(Object.fromEntries(plan.outcomes)).toEqual({
      2: 'created',
      3: 'created',
      4: 'updated',
      5: 'updated',
      6: 'updated',
    });
  });

  it('refuses what the map cannot do, each with its line and field, and keeps the good rows', () => {
    const plan = planChainMap(
      rows(
        { chain: 'new-chain', chainName: '新链' },
        { chain: 'integrated-circuit', link: 'ic-old', linkName: '旧环节' },
        { chain: 'integrated-circuit', link: 'ic-eda-ip', stage: '下游' },
        { chain: 'integrated-circuit', link: 'ic-new', linkName: '新环节' },
        {
          chain: 'integrated-circuit',
          link: 'ic-new2',
          linkName: '新环节二',
          stage: '中游',
          feeds: 'nowhere',
        },
        { chain: 'integrated-circuit', link: 'ic-wafer-fab', linkName: '晶圆' },
        { chain: 'integrated-circuit', link: 'ic-wafer-fab', linkName: '晶圆制造厂' },
        { chain: 'other', link: 'ic-eda-ip', chainName: '别的链', ecosystem: 'electronic-information' },
      ),
      map,
    );
    expect(plan.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'ecosystem'],
      [3, 'link'],
      [4, 'stage'],
      [5, 'stage'],
      [6, 'feeds'],
      [8, 'link'],
      [9, 'link'],
    ]);
    expect(plan.rejected.find((r) => r.line === 9)?.reason).toContain(
      'belongs to chain "integrated-circuit"',
    );
    expect(plan.steps).toEqual([
      {
        kind: 'renameLink',
        chainId: 'integrated-circuit',
        linkId: 'ic-wafer-fab',
        name: '晶圆',
        nameEn: 'Wafer fab',
      },
    ]);
  });

  it('rejects a row whose FEEDS point at a link another rejected row would have added', () => {
    const plan = planChainMap(
      rows(
        { chain: 'integrated-circuit', link: 'ic-a', linkName: 'A', stage: '上游', feeds: 'ic-b' },
        { chain: 'integrated-circuit', link: 'ic-b', linkName: 'B', stage: '中游', feeds: 'ic-missing' },
      ),
      map,
    );
    expect(plan.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'feeds'],
      [3, 'feeds'],
    ]);
    expect(plan.steps).toEqual([]);
  });

  it('reads stages and yes/no in Chinese and English, and refuses anything else', () => {
    expect(chainRowSchema.parse({ chain: 'a', stage: 'Midstream', retire: 'no' })).toMatchObject({
      stage: 'midstream',
      retire: false,
    });
    expect(chainRowSchema.safeParse({ chain: 'a', stage: '上上游' }).success).toBe(false);
    expect(chainRowSchema.safeParse({ chain: 'A B' }).success).toBe(false);
    expect(chainRowSchema.safeParse({ chain: 'a', retire: '也许' }).success).toBe(false);
  });
});
