import type { FieldSpec } from '../mapping/column-mapping.ts';

/**
 * A chain-map file: one row per link (or per chain, with the link columns empty), the way a bureau keeps its
 * chain list in a spreadsheet: 产业链 · 环节 · 位置 (上游/中游/下游) · 供给环节.
 */
export const chainFields: readonly FieldSpec[] = [
  {
    field: 'chain',
    label: '产业链编号',
    synonyms: ['产业链编号', '链编号', '产业链ID', 'chain id', 'chain'],
  },
  { field: 'chainName', label: '产业链', synonyms: ['产业链', '产业链名称', '重点产业链', 'chain name'] },
  {
    field: 'chainNameEn',
    label: '产业链英文名',
    synonyms: ['产业链英文名', '产业链英文名称', 'chain name en'],
  },
  { field: 'ecosystem', label: '产业生态圈', synonyms: ['产业生态圈', '生态圈', 'ecosystem'] },
  { field: 'link', label: '环节编号', synonyms: ['环节编号', '环节ID', 'link id', 'link'] },
  { field: 'linkName', label: '环节', synonyms: ['环节', '环节名称', '产业链环节', 'link name'] },
  { field: 'linkNameEn', label: '环节英文名', synonyms: ['环节英文名', '环节英文名称', 'link name en'] },
  { field: 'stage', label: '位置', synonyms: ['位置', '链条位置', '上中下游', '环节位置', 'stage'] },
  {
    field: 'feeds',
    label: '供给环节',
    synonyms: ['供给环节', '下游环节', '供应环节', 'feeds', 'feeds into'],
  },
  { field: 'retire', label: '撤销', synonyms: ['撤销', '停用', '退出', 'retire', 'retired'] },
];

export const chainRequired: readonly (readonly string[])[] = [['chain']];
