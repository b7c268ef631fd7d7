import { describe, expect, it } from 'vitest';
import { buildDistrictSeeds } from '../catalog/catalog.ts';
import { parseChengduDistrict, parserDistrictCodes } from './parse-district.ts';

const code = (address: string) => parseChengduDistrict(address)?.code;

describe('parseChengduDistrict', () => {
  it.each([
    ['四川省成都市青白江区大弯镇团结路311号', '510113'],
    ['四川省成都市青羊区苏坡乡万家湾村', '510105'],
    ['四川省成都市锦江区东华正街42号', '510104'],
    ['四川省成都市金牛区高科技产业园区蜀西路42号', '510106'],
    ['四川省成都市武侯区武科东四路11号', '510107'],
    ['四川省成都市成华区蓉都大道将军路68号', '510108'],
    ['四川省成都市新都区蓉都大道南二段98号附101号', '510114'],
    ['四川省成都市郫都区现代工业港北片区同善桥路569号', '510117'],
    ['四川省成都市新津区普兴街道平塘西路10号', '510118'],
    ['四川省成都市简阳市平泉街道', '510185'],
    ['四川省成都市彭州市九尺镇林杨路166号', '510182'],
    ['四川省成都市都江堰市灌温路1399号', '510181'],
    ['四川省成都市大邑县晋原镇工业大道128号(经济开发区)', '510129'],
  ])('reads the district in %s', (address, expected) => {
    expect(code(address)).toBe(expected);
  });

  it.each([
    ['四川省成都市双流县九江镇万家社区', '510116'],
    ['四川省成都市新都卫星城工业开发区南二路', '510114'],
    ['四川省成都市四川新津工业园区', '510118'],
    ['四川省成都市双流区西南航空港经济开发区空港二路1388号', '510116'],
  ])('reads older and bare district names in %s', (address, expected) => {
    expect(code(address)).toBe(expected);
  });

  it.each([
    ['四川省成都高新区（西区）蜀新大道1168号2栋1楼101号', '成都高新区'],
    ['中国（四川）自由贸易试验区成都高新区府城大道西段399号10栋5楼', '成都高新区'],
    ['中国(四川)自由贸易试验区成都高新区世纪城南路599号7栋6、7层', '成都高新区'],
    ['四川省自由贸易试验区成都市高新区天府二街198号', '高新区'],
    ['四川省成都市高新西区西芯大道5号', '高新西区'],
    ['四川省成都市高新技术产业开发区', '高新技术产业开发区'],
    ['四川省成都高新技术产业开发区云华路333号', '成都高新技术产业开发区'],
    ['四川省成都市高新技术开发区西区百草路6号', '高新技术开发区'],
    ['成都高新区天府大道中段1268号', '成都高新区'],
  ])('maps 高新区 wording in %s to the hi-tech zone', (address, matchedText) => {
    expect(parseChengduDistrict(address)).toEqual({ code: 'zone-chengdu-hi-tech', matchedText });
  });

  it('maps 天府新区 and 东部新区 to their functional zones', () => {
    expect(code('四川省天府新区兴隆街道科智路1369号')).toBe('zone-tianfu-new-area');
    expect(code('中国（四川）自由贸易试验区成都天府新区兴隆街道湖畔路西段99号5栋1单元14楼')).toBe(
      'zone-tianfu-new-area',
    );
    expect(code('四川省成都东部新区贾家街道工业开发区')).toBe('zone-chengdu-eastern-new-area');
  });

  it('places 成都经济技术开发区 in 龙泉驿区, with or without the district written', () => {
    expect(code('四川省成都市经济技术开发区(龙泉驿区)成都汽车城大道333号')).toBe('510112');
    expect(code('四川省成都经济技术开发区北京路182号')).toBe('510112');
  });

  it('takes the first place word: the larger unit comes first in an address', () => {
    expect(parseChengduDistrict('中国（四川）自由贸易试验区成都市双流区黄甲街道物联大道510号')).toEqual({
      code: '510116',
      matchedText: '双流区',
    });
    expect(code('四川省成都市武侯区武侯电商产业功能区管委会武科西二路188号')).toBe('510107');
  });

  it('falls back to streets that lie in one district when no district is written', () => {
    expect(parseChengduDistrict('四川省成都市武科东一路7号')).toEqual({
      code: '510107',
      matchedText: '武科东',
    });
    expect(code('四川省成都市建设路55号')).toBe('510108');
  });

  it('handles full-width characters and stray spaces', () => {
    expect(code('四川省成都市 高新区 科园一路３号２幢')).toBe('zone-chengdu-hi-tech');
    expect(code('四川省大邑县晋原镇雪山大道一段198号')).toBe('510129');
  });

  it.each([
    ['江苏省苏州市高新区浒关工业园'],
    ['四川省绵阳市高新区火炬大厦'],
    ['四川省眉山市天府新区视高镇'],
    ['广东省深圳市南山区蛇口港湾大道2号'],
    ['上海市黄浦区成都北路333号'],
    ['北京市朝阳区酒仙桥路10号'],
  ])('ignores addresses outside Chengdu: %s', (address) => {
    expect(parseChengduDistrict(address)).toBeUndefined();
  });

  it('returns undefined for a Chengdu address without a district', () => {
    expect(parseChengduDistrict('四川省成都市')).toBeUndefined();
  });

  it('only returns codes of the district catalog', () => {
    const catalogCodes = new Set(buildDistrictSeeds().map((d) => d.code));
    expect(parserDistrictCodes.filter((c) => !catalogCodes.has(c))).toEqual([]);
  });
});
