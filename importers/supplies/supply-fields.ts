import type { FieldSpec } from '../mapping/column-mapping.ts';

/** What a supply-relation file may say: who supplies whom with what, and how sure the source is. */
export const supplyFields: readonly FieldSpec[] = [
  {
    field: 'from',
    label: '供应商',
    synonyms: ['供应商', '供方', '供应商名称', '供应商代码', 'supplier', 'supplier code', 'supplier name'],
  },
  {
    field: 'to',
    label: '客户',
    synonyms: ['客户', '采购方', '需方', '客户名称', '客户代码', 'buyer', 'buyer code', 'customer'],
  },
  { field: 'product', label: '产品', synonyms: ['产品', '供应产品', '产品名称', 'product', 'product name'] },
  { field: 'confidence', label: '置信度', synonyms: ['置信度', '可信度', 'confidence'] },
];

export const supplyRequired: readonly (readonly string[])[] = [['from'], ['to'], ['product']];
