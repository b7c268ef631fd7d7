import type { FieldSpec } from '../mapping/column-mapping.ts';

/** What a district-profile file may say about a district or functional zone of the city. */
export const districtFields: readonly FieldSpec[] = [
  {
    field: 'code',
    label: '区划代码',
    synonyms: ['区划代码', '行政区划代码', '区县代码', '代码', 'code', 'district code', 'division code'],
  },
  { field: 'name', label: '区县', synonyms: ['区县', '区县名称', '名称', '区(市)县', 'name', 'district'] },
  { field: 'nameEn', label: '英文名称', synonyms: ['英文名称', '英文名', 'english name', 'name en'] },
  { field: 'leadIndustry', label: '主导产业', synonyms: ['主导产业', '主导产业方向', 'lead industry'] },
  {
    field: 'priorities',
    label: '重点产业链',
    synonyms: ['重点产业链', '优先产业链', '主攻产业链', '产业链', 'priority chains', 'priorities', 'chains'],
  },
];

export const districtRequired: readonly (readonly string[])[] = [['code']];
