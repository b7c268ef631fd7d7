import { describe, expect, it } from 'vitest';
import type {
  ChainDetail,
  ChainLink,
  ForeignLink,
} from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { type ChainMapElement, gapInfoByLink, toElements } from './to-elements.ts';

function link(id: string, stage: ChainLink['stage'], order: number, localEnterpriseCount: number): ChainLink {
  return {
    id,
    name: `${id}-zh`,
    nameEn: `${id}-en`,
    stage,
    order,
    description: null,
    enterpriseCount: localEnterpriseCount + 10,
    localEnterpriseCount,
    asOf: null,
    stale: false,
  };
}

function foreign(id: string, chainId: string): ForeignLink {
  return {
    id,
    name: `${id}-zh`,
    nameEn: `${id}-en`,
    stage: 'midstream',
    chainId,
    chainName: `${chainId}-链`,
    chainNameEn: `${chainId}-chain`,
  };
}

function chain(overrides: Partial<ChainDetail> = {}): ChainDetail {
  return {
    id: 'ic',
    name: '集成电路',
    nameEn: 'Integrated circuits',
    ecosystemId: 'electronics',
    ecosystemName: '电子信息',
    ecosystemNameEn: 'Electronic information',
    localEnterpriseCount: 0,
    verified: true,
    sourceNote: 'test',
    asOf: '2024-01-01',
    stale: false,
    version: 0,
    validFrom: '2024-01-01',
    validTo: null,
    links: [
      link('wafer', 'upstream', 1, 0),
      link('eda', 'upstream', 2, 3),
      link('design', 'midstream', 3, 12),
      link('fab', 'midstream', 4, 40),
      link('devices', 'downstream', 5, 200),
    ],
    foreignLinks: [foreign('display-panel', 'display'), foreign('silicon-material', 'materials')],
    feeds: [
      { from: 'wafer', to: 'fab', crossChain: false },
      { from: 'design', to: 'fab', crossChain: false },
      { from: 'fab', to: 'devices', crossChain: false },
      { from: 'silicon-material', to: 'wafer', crossChain: true },
      { from: 'fab', to: 'display-panel', crossChain: true },
    ],
    leaders: [],
    ...overrides,
  };
}

const ofKind = (elements: ChainMapElement[], kind: string) => elements.filter((el) => el.data.kind === kind);
const classesOf = (elements: ChainMapElement[], id: string) =>
  elements.find((el) => el.data.id === id)?.classes.split(' ') ?? [];

describe('toElements', () => {
  it('makes one node per link and one per foreign link', () => {
    const elements = toElements(chain());
    expect(ofKind(elements, 'link').map((el) => el.data.id)).toEqual([
      'wafer',
      'eda',
      'design',
      'fab',
      'devices',
    ]);
    expect(ofKind(elements, 'foreign').map((el) => el.data.id)).toEqual([
      'display-panel',
      'silicon-material',
    ]);
  });

  it('makes one edge per feed, dashed (cross-chain) when it reaches another chain', () => {
    const feeds = ofKind(toElements(chain()), 'feed');
    expect(feeds.map((el) => el.data.id)).toEqual([
      'feed:wafer->fab',
      'feed:design->fab',
      'feed:fab->devices',
      'feed:silicon-material->wafer',
      'feed:fab->display-panel',
    ]);
    const cross = feeds.filter((el) => el.classes.split(' ').includes('cross-chain')).map((el) => el.data.id);
    expect(cross).toEqual(['feed:silicon-material->wafer', 'feed:fab->display-panel']);
    expect(feeds.find((el) => el.data.id === 'feed:wafer->fab')?.classes).toBe('feed in-chain');
  });

  it('marks feeds between links of the same stage, which the layout leaves out of the ranking', () => {
    const feeds = ofKind(toElements(chain()), 'feed');
    const sameStage = feeds
      .filter((el) => el.classes.split(' ').includes('same-stage'))
      .map((el) => el.data.id);
    expect(sameStage).toEqual(['feed:design->fab']);
  });

  it('drops feeds to or from unknown nodes, self-loops and duplicates', () => {
    const elements = toElements(
      chain({
        feeds: [
          { from: 'wafer', to: 'fab', crossChain: false },
          { from: 'wafer', to: 'fab', crossChain: false },
          { from: 'ghost', to: 'fab', crossChain: false },
          { from: 'fab', to: 'nowhere', crossChain: true },
          { from: 'fab', to: 'fab', crossChain: false },
        ],
      }),
    );
    expect(ofKind(elements, 'feed').map((el) => el.data.id)).toEqual(['feed:wafer->fab']);
    const ids = new Set(elements.filter((el) => el.group === 'nodes').map((el) => el.data.id));
    for (const edge of elements.filter((el) => el.group === 'edges')) {
      if (edge.group !== 'edges') continue;
      expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
    }
  });

  it('classes link nodes by stage and by local-count level, with 0 as its own level', () => {
    const elements = toElements(chain());
    expect(classesOf(elements, 'wafer')).toEqual(['link', 'stage-upstream', 'count-level-0']);
    expect(classesOf(elements, 'design')).toContain('stage-midstream');
    expect(classesOf(elements, 'devices')).toEqual(['link', 'stage-downstream', 'count-level-4']);
    const levels = ofKind(elements, 'link').map((el) => (el.data.kind === 'link' ? el.data.level : -1));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('places foreign suppliers before the chain and foreign customers after it', () => {
    const elements = toElements(chain());
    expect(classesOf(elements, 'silicon-material')).toEqual(['foreign', 'foreign-supplier']);
    expect(classesOf(elements, 'display-panel')).toEqual(['foreign', 'foreign-customer']);
  });

  it('labels links with name and local count, and foreign links with their chain, in the chosen language', () => {
    const zh = toElements(chain());
    const en = toElements(chain(), 'en');
    expect(zh.find((el) => el.data.id === 'fab')?.data).toMatchObject({ label: 'fab-zh\n本地 40 家' });
    expect(en.find((el) => el.data.id === 'fab')?.data).toMatchObject({ label: 'fab-en\n40 local' });
    expect(zh.find((el) => el.data.id === 'display-panel')?.data).toMatchObject({
      label: 'display-链 ›\ndisplay-panel-zh',
      chainId: 'display',
    });
  });

  it('adds a labelled band only for stages that have links', () => {
    const elements = toElements(
      chain({ links: [link('a', 'upstream', 1, 1), link('b', 'downstream', 2, 0)] }),
    );
    expect(ofKind(elements, 'band').map((el) => el.data)).toEqual([
      { id: '__band-upstream', kind: 'band', label: '上游', stage: 'upstream' },
      { id: '__band-downstream', kind: 'band', label: '下游', stage: 'downstream' },
    ]);
  });

  it('orders the stages with invisible scaffolding: anchor → link → next anchor', () => {
    const scaffoldEdges = toElements(chain()).flatMap((el) =>
      el.group === 'edges' && el.data.kind === 'scaffold' ? [`${el.data.source}>${el.data.target}`] : [],
    );
    expect(scaffoldEdges).toEqual(
      expect.arrayContaining([
        '__anchor-upstream>__anchor-midstream',
        '__anchor-upstream>wafer',
        'wafer>__anchor-midstream',
        '__anchor-midstream>fab',
        'fab>__anchor-downstream',
        '__anchor-downstream>devices',
        'devices>__anchor-end',
        'silicon-material>__anchor-upstream',
        '__anchor-end>display-panel',
      ]),
    );
  });

  it('keeps ids unique when the input repeats a link or lists a local link as foreign', () => {
    const elements = toElements(
      chain({
        links: [link('a', 'upstream', 1, 1), link('a', 'upstream', 1, 1)],
        foreignLinks: [{ ...foreign('a', 'other') }, foreign('x', 'other'), foreign('x', 'other')],
        feeds: [],
      }),
    );
    const ids = elements.map((el) => el.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ofKind(elements, 'link')).toHaveLength(1);
    expect(ofKind(elements, 'foreign').map((el) => el.data.id)).toEqual(['x']);
  });

  it('returns only scaffolding for a chain without links', () => {
    const elements = toElements(chain({ links: [], foreignLinks: [], feeds: [] }));
    expect(elements.every((el) => el.data.kind === 'scaffold')).toBe(true);
  });

  it('colours links by gap class and marks leaders when the gap analysis is given', () => {
    const gaps = gapInfoByLink([
      { id: 'wafer', class: 'missing', local: { leaderCount: 0 } },
      { id: 'fab', class: 'strong', local: { leaderCount: 1 } },
      { id: 'eda', class: 'weak', local: { leaderCount: 0 } },
    ]);
    const elements = toElements(chain(), 'zh-CN', gaps);
    expect(classesOf(elements, 'wafer')).toContain('gap-missing');
    expect(classesOf(elements, 'eda')).toContain('gap-weak');
    expect(classesOf(elements, 'fab')).toEqual(expect.arrayContaining(['gap-strong', 'has-leader']));
    // A link the analysis does not know (added since) is drawn, neutral.
    expect(classesOf(elements, 'devices')).toContain('gap-unknown');
    expect(elements.find((el) => el.data.id === 'fab')?.data).toMatchObject({
      label: '★ fab-zh\n本地 40 家',
      gapClass: 'strong',
      hasLeader: true,
    });
    expect(classesOf(toElements(chain()), 'fab').some((c) => c.startsWith('gap-'))).toBe(false);
  });

  it('flags stale links in class and label, unless the whole chain is stale', () => {
    const stale = { ...link('old', 'upstream', 1, 2), stale: true };
    const elements = toElements(chain({ links: [stale], foreignLinks: [], feeds: [] }));
    expect(classesOf(elements, 'old')).toContain('stale');
    expect(elements.find((el) => el.data.id === 'old')?.data).toMatchObject({ label: '⚠ old-zh\n本地 2 家' });
    // A chain out of date as a whole is flagged once, in its header, not on every link.
    const wholeChain = toElements(chain({ stale: true, links: [stale], foreignLinks: [], feeds: [] }));
    expect(classesOf(wholeChain, 'old')).not.toContain('stale');
  });
});
