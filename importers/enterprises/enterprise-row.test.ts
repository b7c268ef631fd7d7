import { describe, expect, it } from 'vitest';
import { enterpriseRowSchema, normaliseCity, normaliseProvince } from './enterprise-row.ts';

const schema = enterpriseRowSchema({
  ids: new Set(['pbs-separator', 'ic-silicon-wafer', 'pv-silicon-wafer']),
  idsByName: new Map([
    ['隔膜', ['pbs-separator']],
    ['硅片', ['ic-silicon-wafer', 'pv-silicon-wafer']],
  ]),
});

describe('enterpriseRowSchema', () => {
  it('normalises names, places and lists, and reads codes, dates and numbers', () => {
    expect(
      schema.parse({
        fullName: '  成都 示例 科技（集团）有限公司 ',
        creditCode: '91350100m000100y43',
        stockCode: 'SZ000725',
        province: '四川省',
        city: '成都',
        products: '锂电池隔膜；正极材料、锂电池隔膜',
        link: '隔膜',
        foundedDate: '2015年3月2日',
        registeredCapital: '１，２００',
      }),
    ).toEqual({
      fullName: '成都示例科技（集团）有限公司',
      creditCode: '91350100M000100Y43',
      stockCode: { code: '000725', exchange: 'SZSE', tsCode: '000725.SZ' },
      province: '四川',
      city: '成都市',
      products: ['锂电池隔膜', '正极材料'],
      link: ['pbs-separator'],
      foundedDate: '2015-03-02',
      registeredCapital: 1200,
    });
  });

  it('reports each bad field of a row with its reason', () => {
    const result = schema.safeParse({
      name: '甲有限公司',
      creditCode: '123',
      link: '硅片',
      listDate: '2021-13-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'is too short to tell firms apart once legal forms are removed'],
      ['creditCode', 'must have 18 characters, has 3'],
      ['link', '"硅片" names several links (ic-silicon-wafer, pv-silicon-wafer): give the link id'],
      ['listDate', '2021-13-01 is not a calendar date'],
    ]);
  });

  it('needs a name', () => {
    expect(schema.safeParse({ stockCode: '000725' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['fullName'], message: 'a name is required' }),
    ]);
  });
});

describe('place names', () => {
  it('writes provinces short and cities with their suffix, as the seed does', () => {
    expect(
      ['四川省', '广西壮族自治区', '北京市', '内蒙古自治区', '香港特别行政区', '四川'].map(normaliseProvince),
    ).toEqual(['四川', '广西', '北京', '内蒙古', '香港', '四川']);
    expect(['成都', '成都市', '甘孜藏族自治州', '阿里地区'].map(normaliseCity)).toEqual([
      '成都市',
      '成都市',
      '甘孜藏族自治州',
      '阿里地区',
    ]);
  });
});
