import { describe, expect, it } from 'vitest';
import { FileReadError } from '../read/record-source.ts';
import { presets } from './presets.ts';

const atlas = `industry: 半导体
segments:
- id: semi_silicon_wafer
  name: 硅片
  position: upstream
  key_companies:
  - code: '688126'
    name: 沪硅产业
    role: 12英寸大硅片龙头
  - code: 002129
    name: TCL中环
    role: 光伏+半导体硅片
- id: semi_empty
  name: 空
  position: midstream
  key_companies:
supply_relationships:
- supplier_code: '688126'
  buyer_code: '688981'
  product: 12英寸硅片
  confidence: 5
- supplier_code: 002129
  product: 半导体硅片
  confidence: 4
  notes: 供应多家晶圆厂
`;

describe('the chain-atlas preset', () => {
  it('reads every key company of every segment as a row, with the line of its entry', () => {
    const table = presets['chain-atlas'].yamlTable?.enterprises?.(atlas);
    expect(table?.headers).toEqual(['code', 'name', 'role', 'segment', 'segment_name', 'position']);
    expect(table?.records).toEqual([
      {
        line: 7,
        cells: ['688126', '沪硅产业', '12英寸大硅片龙头', 'semi_silicon_wafer', '硅片', 'upstream'],
      },
      { line: 10, cells: ['002129', 'TCL中环', '光伏+半导体硅片', 'semi_silicon_wafer', '硅片', 'upstream'] },
    ]);
  });

  it('reads supply relationships as rows, a buyer named only in the notes left empty', () => {
    const table = presets['chain-atlas'].yamlTable?.supplies?.(atlas);
    expect(table?.records.map((r) => [r.line, ...r.cells.slice(0, 3)])).toEqual([
      [18, '688126', '688981', '12英寸硅片'],
      [22, '002129', '', '半导体硅片'],
    ]);
  });

  it('refuses YAML that is not an atlas file', () => {
    expect(() => presets['chain-atlas'].yamlTable?.enterprises?.('rows:\n- a: 1\n')).toThrow(FileReadError);
  });
});

describe('the tushare preset', () => {
  it('reads Shenzhen as a city of Guangdong and 内蒙 as 内蒙古', () => {
    expect(presets.tushare.adjust?.({ name: '平安银行', province: '深圳' })).toEqual({
      name: '平安银行',
      province: '广东',
      city: '深圳市',
    });
    expect(presets.tushare.adjust?.({ province: '内蒙' })).toEqual({ province: '内蒙古' });
    expect(presets.tushare.adjust?.({ province: '四川' })).toEqual({ province: '四川' });
  });
});
