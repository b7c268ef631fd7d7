import type { FieldSpec } from '../mapping/column-mapping.ts';

/**
 * What an enterprise file may say, and the header names each field goes by. Guessing uses every synonym;
 * presets and mapping files name the exact headers instead.
 */
export const enterpriseFields: readonly FieldSpec[] = [
  {
    field: 'fullName',
    label: '企业全称',
    synonyms: [
      '公司全称',
      '企业名称',
      '公司名称',
      '企业全称',
      '单位名称',
      '名称',
      'full name',
      'company name',
      'enterprise name',
      'legal name',
      'company',
    ],
  },
  {
    field: 'name',
    label: '简称',
    synonyms: ['简称', '公司简称', '企业简称', '证券简称', '股票简称', 'A股简称', 'short name'],
  },
  { field: 'nameEn', label: '英文名称', synonyms: ['英文名称', '英文名', 'english name', 'name en'] },
  {
    field: 'creditCode',
    label: '统一社会信用代码',
    synonyms: [
      '统一社会信用代码',
      '社会信用代码',
      '信用代码',
      'unified social credit code',
      'credit code',
      'uscc',
    ],
  },
  {
    field: 'stockCode',
    label: '股票代码',
    synonyms: [
      '股票代码',
      '证券代码',
      'A股代码',
      'ts_code',
      'stock code',
      'symbol',
      'ticker',
      'code',
      '代码',
    ],
  },
  { field: 'board', label: '板块', synonyms: ['板块', '上市板块', 'board', 'market'] },
  {
    field: 'address',
    label: '注册地址',
    synonyms: ['注册地址', '地址', '住所', '企业地址', '通讯地址', 'registered address', 'address'],
  },
  { field: 'province', label: '省份', synonyms: ['省份', '所在省份', '省', 'province', 'area'] },
  { field: 'city', label: '城市', synonyms: ['城市', '所在城市', '地市', 'city'] },
  {
    field: 'divisionCode',
    label: '行政区划代码',
    synonyms: ['行政区划代码', '区划代码', '区县代码', 'division code', 'adcode', 'district code'],
  },
  { field: 'industry', label: '行业', synonyms: ['行业', '所属行业', 'industry'] },
  { field: 'csrcIndustry', label: '证监会行业', synonyms: ['证监会行业', '证监会行业分类', 'csrc industry'] },
  {
    field: 'swClass',
    label: '申万行业',
    synonyms: ['申万行业', '申万三级行业', '申万行业分类', 'sw class', 'sw l3', 'sw industry'],
  },
  {
    field: 'products',
    label: '主营产品',
    synonyms: ['主营产品', '主要产品', '产品', 'main products', 'products'],
  },
  {
    field: 'businessScope',
    label: '经营范围',
    synonyms: ['经营范围', '主营业务', '业务范围', 'business scope', 'scope of business', 'main business'],
  },
  { field: 'atlasSegment', label: '产业链图谱环节', synonyms: ['segment', 'atlas segment'] },
  { field: 'link', label: '产业链环节', synonyms: ['环节', '产业链环节', '链环节', 'link', 'link id'] },
  {
    field: 'listDate',
    label: '上市日期',
    synonyms: ['上市日期', 'A股上市日期', 'list date', 'listing date'],
  },
  {
    field: 'foundedDate',
    label: '成立日期',
    synonyms: ['成立日期', '成立时间', '注册日期', 'founded', 'established', 'establishment date'],
  },
  {
    field: 'registeredCapital',
    label: '注册资本',
    synonyms: ['注册资本', '注册资本(万元)', 'registered capital'],
  },
  { field: 'totalShares', label: '总股本', synonyms: ['总股本', 'A股总股本', 'total shares'] },
  { field: 'floatShares', label: '流通股本', synonyms: ['流通股本', 'A股流通股本', 'float shares'] },
  { field: 'website', label: '网址', synonyms: ['公司网址', '网址', '官网', '网站', 'website', 'url'] },
];

export const enterpriseFieldNames = enterpriseFields.map((f) => f.field);

/** Without a name there is nothing to import. */
export const enterpriseRequired: readonly (readonly string[])[] = [['fullName', 'name']];
