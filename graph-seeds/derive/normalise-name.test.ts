import { describe, expect, it } from 'vitest';
import { collapseSpaces, namesMatch, normaliseCompanyName, toHalfWidth } from './normalise-name.ts';

describe('toHalfWidth and collapseSpaces', () => {
  it('maps full-width letters, digits and the ideographic space', () => {
    expect(toHalfWidth('万科Ａ　ＴＣＬ１２３（）')).toBe('万科A TCL123()');
  });

  it('drops padding between Chinese characters but keeps spaces between Latin words', () => {
    expect(collapseSpaces('  万  科 A ')).toBe('万科A');
    expect(collapseSpaces('Ping  An   Bank')).toBe('Ping An Bank');
  });
});

describe('normaliseCompanyName', () => {
  it.each([
    ['京东方科技集团股份有限公司', '京东方科技'],
    ['四川科伦药业股份有限公司', '四川科伦药业'],
    ['中国国际海运集装箱(集团)股份有限公司', '中国国际海运集装箱'],
    ['成都彩虹电器（集团）股份有限公司', '成都彩虹电器'],
    ['矽电半导体设备（深圳）股份有限公司', '矽电半导体设备'],
    ['华为技术有限公司', '华为技术'],
    ['某某有限责任公司', '某某'],
    ['量子高科(中国)生物股份有限公司', '量子高科生物'],
  ])('strips legal forms and brackets: %s', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  it.each([
    ['*ST国华', '国华'],
    ['ST东尼', '东尼'],
    ['S*ST前锋', '前锋'],
    ['寒武纪-U', '寒武纪'],
    ['思特威-W', '思特威'],
    ['奥比中光-UW', '奥比中光'],
    ['京东方A', '京东方'],
    ['万  科Ａ', '万科'],
    ['TCL中环', 'TCL中环'],
  ])('strips exchange markers from short names: %s', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  it('keeps a name that is nothing but a legal form', () => {
    expect(normaliseCompanyName('集团')).toBe('集团');
  });
});

describe('namesMatch', () => {
  it('matches equal, prefixed and contained names', () => {
    expect(namesMatch('中芯国际', '中芯国际')).toBe(true);
    expect(namesMatch('东尼电子', 'ST东尼')).toBe(true);
    expect(namesMatch('芯联集成', '芯联集成-U')).toBe(true);
    expect(namesMatch('卫士通', '电科网安', '成都卫士通信息产业股份有限公司')).toBe(true);
  });

  it('rejects another firm behind a wrong code', () => {
    expect(namesMatch('八亿时空', '联测科技', '上海联测机电科技股份有限公司')).toBe(false);
    expect(namesMatch('嘉元科技', '华友钴业', '浙江华友钴业股份有限公司')).toBe(false);
  });
});
