import { describe, expect, it } from 'vitest';
import { type ProjectState, planProjects, projectIdOf } from './plan-projects.ts';
import { projectRowSchema } from './project-row.ts';

const schema = projectRowSchema({
  districtCodes: new Set(['510107', '510116']),
  districtsByName: new Map([
    ['武侯区', '510107'],
    ['武侯', '510107'],
    ['双流区', '510116'],
  ]),
  linkIds: new Set(['pbs-cells', 'la-mro']),
  linksByName: new Map([
    ['电芯', ['pbs-cells']],
    ['维修', ['la-mro', 'rt-mro']],
  ]),
  parcelIds: new Set(['lp-510107-01']),
});
const rows = (...list: Record<string, string>[]) =>
  list.map((r, i) => ({ line: i + 2, row: schema.parse(r) }));
const ctx = { year: 2026, enterprises: new Map([['宁德时代', '300750.SZ']]) };

describe('projectRowSchema', () => {
  it('reads batches, stages and districts by their Chinese names, and 万元 as 亿元', () => {
    expect(
      schema.parse({
        name: ' 示例项目 ',
        batch: '招引洽谈一批',
        stage: '已签约',
        districts: '武侯、双流区',
        link: '电芯',
        investmentPlannedWan: '125,000',
        plannedStarted: '2026年3月1日',
      }),
    ).toMatchObject({
      name: '示例项目',
      batch: 'attract',
      stage: 'signed',
      districts: ['510107', '510116'],
      link: 'pbs-cells',
      investmentPlannedYi: 12.5,
      planned: { started: '2026-03-01' },
      actual: {},
    });
  });

  it('names every bad field', () => {
    const result = schema.safeParse({
      name: 'x',
      batch: '第七批',
      stage: '开工',
      districts: '火星区',
      link: '维修',
    });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(['batch', 'districts', 'link']);
    expect(result.error?.issues[2]?.message).toMatch(/several chains/);
  });
});

describe('planProjects', () => {
  const existing: ProjectState = {
    id: 'prj-2026-a',
    batch: 'attract',
    stage: 'negotiating',
    resumeStage: null,
    version: 3,
    facts: {
      name: '示例项目',
      year: 2026,
      districts: ['510107'],
      enterpriseId: null,
      enterpriseName: null,
      linkId: null,
      team: null,
      teamLead: null,
      planned: {},
      actual: {},
      investmentPlannedYi: 10,
      investmentInPlaceYi: null,
      landParcelId: null,
      landAreaHa: null,
      jobsPlanned: null,
    },
  };

  it('creates a project under a stable id, matching its firm', () => {
    const plan = planProjects(
      rows({ name: '新项目', batch: '谋划储备', stage: '谋划', districts: '武侯区', enterprise: '宁德时代' }),
      [],
      ctx,
    );
    expect(plan.results).toEqual([{ line: 2, outcome: 'created' }]);
    expect(plan.writes[0]).toMatchObject({
      id: projectIdOf(2026, '新项目', '510107'),
      created: true,
      version: 1,
      facts: { enterpriseId: '300750.SZ', enterpriseName: '宁德时代', year: 2026 },
    });
    expect(projectIdOf(2026, '新项目', '510107')).toMatch(/^prj-2026-[0-9a-f]{10}$/);
  });

  it('keeps unchanged rows, moves along the rules, and rejects a move the rules do not allow', () => {
    const plan = planProjects(
      rows(
        {
          id: 'prj-2026-a',
          name: '示例项目',
          batch: '招引洽谈',
          stage: '洽谈',
          districts: '武侯区',
          investmentPlannedYi: '10',
        },
        { id: 'prj-2026-a', name: '示例项目', batch: '招引洽谈', stage: '签约', districts: '武侯区' },
        { id: 'prj-2026-a', name: '示例项目', batch: '招引洽谈', stage: '投产', districts: '武侯区' },
      ),
      [existing],
      ctx,
    );
    expect(plan.results).toEqual([
      { line: 2, outcome: 'unchanged' },
      { line: 3, outcome: 'updated' },
    ]);
    expect(plan.writes[0]).toMatchObject({
      stage: 'signed',
      version: 4,
      move: { fromBatch: 'attract', fromStage: 'negotiating' },
      facts: { investmentPlannedYi: 10 },
    });
    expect(plan.rejected).toEqual([
      {
        line: 4,
        field: 'stage',
        reason:
          'project prj-2026-a cannot move from signed to operating; allowed: started, suspended, terminated',
      },
    ]);
  });
});
