import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enterpriseFields, enterpriseRequired } from '../enterprises/enterprise-fields.ts';
import { ColumnMappingError, headerKey, mapColumns, pickFields, synonymRule } from './column-mapping.ts';
import { MappingFileError, mappingRule, readMappingFile } from './mapping-file.ts';
import { presets } from './presets.ts';

const szseHeader =
  '板块,公司全称,英文名称,注册地址,A股代码,A股简称,A股上市日期,A股总股本,A股流通股本,B股代码,B股简称,B股上市日期,B股总股本,B股流通股本,地区,省份,城市,所属行业,公司网址,未盈利,具有表决权差异安排,具有协议控制架构'.split(
    ',',
  );
const guess = synonymRule(enterpriseFields, enterpriseRequired);

describe('mapColumns', () => {
  it('maps the exchange list with the szse preset, A-share columns rather than B-share ones', () => {
    const rule = presets.szse.rules.enterprises;
    if (rule === undefined) throw new Error('the szse preset lost its enterprise columns');
    const mapping = mapColumns(szseHeader, rule, enterpriseFields, 'szse.csv');
    expect(Object.fromEntries([...mapping].map(([field, i]) => [field, szseHeader[i]]))).toEqual({
      fullName: '公司全称',
      name: 'A股简称',
      nameEn: '英文名称',
      stockCode: 'A股代码',
      board: '板块',
      address: '注册地址',
      province: '省份',
      city: '城市',
      csrcIndustry: '所属行业',
      listDate: 'A股上市日期',
      totalShares: 'A股总股本',
      floatShares: 'A股流通股本',
      website: '公司网址',
    });
  });

  it('recognises usual headers whatever their case, width, spacing or brackets', () => {
    expect(headerKey(' List_Date ')).toBe(headerKey('list date'));
    expect(headerKey('注册资本（万元）')).toBe(headerKey('注册资本(万元)'));
    const header = ['Company Name', 'ＵＳＣＣ', 'Registered Address', '主营产品', 'Founded'];
    const mapping = mapColumns(header, guess, enterpriseFields, 'list.csv');
    expect([...mapping.keys()].sort()).toEqual([
      'address',
      'creditCode',
      'foundedDate',
      'fullName',
      'products',
    ]);
    expect(pickFields(['甲乙科技有限公司', '', '成都市', '电池', ''], mapping)).toEqual({
      fullName: '甲乙科技有限公司',
      address: '成都市',
      products: '电池',
    });
  });

  it('fails once, naming every missing column and listing the file header', () => {
    const attempt = () => mapColumns(['ts_code', 'symbol', 'area'], guess, enterpriseFields, 'stock.csv');
    expect(attempt).toThrow(ColumnMappingError);
    expect(attempt).toThrow(
      "Cannot map the columns of stock.csv with the usual column names (no preset or mapping file given): missing 公司全称 / 企业名称 / 公司名称 / 企业全称 (fullName) or 简称 / 公司简称 / 企业简称 / 证券简称 (name). The file's columns are: ts_code, symbol, area.",
    );
  });
});

describe('mapping files', () => {
  it('reads the documented example and turns it into a column rule', async () => {
    const mapping = await readMappingFile(
      path.join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'district-list.mapping.yaml'),
    );
    expect(mapping).toEqual({
      kind: 'enterprises',
      source: '示例区经信局企业名录',
      asOf: '2025-06-30',
      columns: {
        fullName: '单位名称（全称）',
        creditCode: '信用代码',
        address: '所在地址',
        products: ['主导产品', '主营产品'],
      },
    });
    const rule = mappingRule(mapping, 'enterprises', enterpriseFields, enterpriseRequired, 'x.yaml');
    const mapped = mapColumns(
      ['序号', '单位名称(全称)', '信用代码', '所在地址', '主营产品'],
      rule,
      enterpriseFields,
      'a.csv',
    );
    expect(mapped.get('fullName')).toBe(1);
    expect(mapped.get('products')).toBe(4);
  });

  it('refuses unknown fields, other kinds and broken files with the reason', async () => {
    expect(() =>
      mappingRule(
        { columns: { companyName: '名称' } },
        'enterprises',
        enterpriseFields,
        enterpriseRequired,
        'm.yaml',
      ),
    ).toThrow(/names unknown fields companyName; enterprises fields are fullName, name, /);
    expect(() =>
      mappingRule(
        { kind: 'supplies', columns: {} },
        'enterprises',
        enterpriseFields,
        enterpriseRequired,
        'm.yaml',
      ),
    ).toThrow('The mapping file m.yaml is for supplies, not enterprises');
    const dir = await mkdtemp(path.join(tmpdir(), 'mapping-'));
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"columns": {"fullName": 3}, "asOf": "30/06/2025"}');
    await expect(readMappingFile(bad)).rejects.toThrow(MappingFileError);
    await expect(readMappingFile(bad)).rejects.toThrow(/asOf: expected a date as YYYY-MM-DD/);
  });
});
