import type { FieldSpec } from '../mapping/column-mapping.ts';

/** What a project-list file (六个一批 list) may say about a project; Chinese headers first. */
export const projectFields: readonly FieldSpec[] = [
  { field: 'id', label: '项目编号', synonyms: ['项目编号', '项目编码', '项目代码', 'project id'] },
  { field: 'name', label: '项目名称', synonyms: ['项目名称', '项目', 'project', 'project name'] },
  { field: 'year', label: '年度', synonyms: ['年度', '年份', '清单年度', 'year'] },
  { field: 'batch', label: '批次', synonyms: ['批次', '类别', '所属批次', '六个一批', 'batch'] },
  { field: 'stage', label: '阶段', synonyms: ['阶段', '项目阶段', '推进阶段', '进展阶段', 'stage'] },
  {
    field: 'districts',
    label: '所在区',
    synonyms: ['所在区', '所在区(市)县', '所在区县', '区(市)县', '区县', '属地', 'district', 'districts'],
  },
  {
    field: 'enterprise',
    label: '企业',
    synonyms: ['企业', '企业名称', '投资主体', '投资方', '签约企业', 'enterprise', 'investor'],
  },
  { field: 'link', label: '产业链环节', synonyms: ['产业链环节', '环节', '所属环节', 'link', 'chain link'] },
  { field: 'team', label: '专班', synonyms: ['专班', '责任专班', '服务专班', 'team'] },
  { field: 'teamLead', label: '专班负责人', synonyms: ['专班负责人', '专班专员', '负责人', 'team lead'] },
  {
    field: 'investmentPlannedYi',
    label: '计划投资(亿元)',
    synonyms: ['计划投资(亿元)', '计划总投资(亿元)', '总投资(亿元)', 'planned investment'],
  },
  {
    field: 'investmentPlannedWan',
    label: '计划投资(万元)',
    synonyms: ['计划投资(万元)', '计划总投资(万元)', '总投资(万元)'],
  },
  {
    field: 'investmentInPlaceYi',
    label: '到位投资(亿元)',
    synonyms: ['到位投资(亿元)', '累计到位投资(亿元)', '到位资金(亿元)', 'investment in place'],
  },
  {
    field: 'investmentInPlaceWan',
    label: '到位投资(万元)',
    synonyms: ['到位投资(万元)', '累计到位投资(万元)', '到位资金(万元)'],
  },
  { field: 'plannedSigned', label: '计划签约', synonyms: ['计划签约', '计划签约时间', '计划签约日期'] },
  {
    field: 'actualSigned',
    label: '实际签约',
    synonyms: ['实际签约', '实际签约时间', '签约日期', '签约时间'],
  },
  { field: 'plannedStarted', label: '计划开工', synonyms: ['计划开工', '计划开工时间', '计划开工日期'] },
  {
    field: 'actualStarted',
    label: '实际开工',
    synonyms: ['实际开工', '实际开工时间', '开工日期', '开工时间'],
  },
  { field: 'plannedOperating', label: '计划投产', synonyms: ['计划投产', '计划投产时间', '计划竣工投产'] },
  { field: 'actualOperating', label: '实际投产', synonyms: ['实际投产', '实际投产时间', '投产日期'] },
  { field: 'plannedEffective', label: '计划达效', synonyms: ['计划达效', '计划达产', '计划达效时间'] },
  { field: 'actualEffective', label: '实际达效', synonyms: ['实际达效', '实际达产', '达效日期'] },
  {
    field: 'landParcelId',
    label: '地块编号',
    synonyms: ['地块编号', '地块', '宗地编号', 'parcel', 'land parcel'],
  },
  {
    field: 'landAreaHa',
    label: '用地面积(公顷)',
    synonyms: ['用地面积(公顷)', '用地(公顷)', '占地(公顷)', 'land ha'],
  },
  { field: 'jobsPlanned', label: '计划用工', synonyms: ['计划用工', '就业人数', '带动就业', 'jobs'] },
];

export const projectRequired: readonly (readonly string[])[] = [
  ['name'],
  ['batch'],
  ['stage'],
  ['districts'],
];
