import { describe, expect, it } from 'vitest';
import { parseYamlSubset, YamlSubsetError } from './read-yaml.ts';

describe('parseYamlSubset', () => {
  it('reads the atlas shape: sequences at the key’s own indentation, quoted and unquoted scalars', () => {
    const source = [
      'industry: 半导体',
      'flow: \'<div id="a">原材料 → 设备</div>\'',
      '# a comment',
      'segments:',
      '- id: semi_silicon_wafer',
      '  name: 硅片',
      '  key_companies:',
      "  - code: '688126'",
      '    name: 沪硅产业',
      '    role: 12英寸大硅片龙头',
      '  - code: 002129',
      '    name: TCL中环',
      '  data_points:',
      '  - name: 产能',
      '    current_value: 270',
      '  layer: 0',
      'supply_relationships:',
      "- supplier_code: '688126'",
      '  notes: 供应华虹: 12英寸',
      'group_labels:',
      '  material:',
      '  - 🧪 材料/耗材',
      "  - '#1b6e2e'",
    ].join('\n');
    expect(parseYamlSubset(source)).toEqual({
      industry: '半导体',
      flow: '<div id="a">原材料 → 设备</div>',
      segments: [
        {
          id: 'semi_silicon_wafer',
          name: '硅片',
          key_companies: [
            { code: '688126', name: '沪硅产业', role: '12英寸大硅片龙头' },
            { code: '002129', name: 'TCL中环' },
          ],
          data_points: [{ name: '产能', current_value: '270' }],
          layer: '0',
        },
      ],
      supply_relationships: [{ supplier_code: '688126', notes: '供应华虹: 12英寸' }],
      group_labels: { material: ['🧪 材料/耗材', '#1b6e2e'] },
    });
  });

  it('keeps leading zeros of unquoted codes, unlike a YAML 1.2 number', () => {
    expect(parseYamlSubset('code: 002409')).toEqual({ code: '002409' });
  });

  it('unescapes quotes and reads empty values as null', () => {
    expect(parseYamlSubset("a: 'it''s'\nb: \"x\\ny\"\nc:")).toEqual({ a: "it's", b: 'x\ny', c: null });
  });

  it('rejects tabs and lines that are not "key: value"', () => {
    expect(() => parseYamlSubset('a:\n\tb: 1')).toThrow(YamlSubsetError);
    expect(() => parseYamlSubset('just text')).toThrow(YamlSubsetError);
  });
});
