import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DumpFormatError, decodeValue, encodeProperties, encodeProperty } from './dump-values.ts';

describe('graph dump values', () => {
  it('tags integers and temporal values as text, keeps strings, booleans and floats plain', () => {
    expect(encodeProperty('INTEGER NOT NULL', '9007199254740993', 'x')).toEqual({ int: '9007199254740993' });
    expect(encodeProperty('FLOAT NOT NULL', 2, 'x')).toBe(2);
    expect(encodeProperty('FLOAT NOT NULL', Number.NaN, 'x')).toEqual({ float: 'NaN' });
    expect(encodeProperty('FLOAT NOT NULL', Number.NEGATIVE_INFINITY, 'x')).toEqual({ float: '-Infinity' });
    expect(encodeProperty('DATE NOT NULL', '2021-10-22', 'x')).toEqual({ date: '2021-10-22' });
    expect(encodeProperty('LIST<INTEGER NOT NULL> NOT NULL', ['1', '2'], 'x')).toEqual([
      { int: '1' },
      { int: '2' },
    ]);
    expect(encodeProperty('LIST<NOTHING> NOT NULL', [], 'x')).toEqual([]);
    expect(() => encodeProperty('POINT NOT NULL', 'point({x: 1, y: 2})', 'n.at')).toThrow(DumpFormatError);
  });

  it('sorts property keys', () => {
    const props = encodeProperties(
      [
        ['b', 'STRING NOT NULL', 'x'],
        ['a', 'BOOLEAN NOT NULL', true],
      ],
      'n',
    );
    expect(Object.keys(props)).toEqual(['a', 'b']);
  });

  it('decodes into driver types that keep integers and temporal values exact', () => {
    const big = decodeValue({ int: '9007199254740993' }, 'x');
    expect(neo4j.isInt(big) && big.toString()).toBe('9007199254740993');
    const at = decodeValue({ datetime: '2026-11-29T02:05:36.123456789Z' }, 'x');
    expect(at instanceof neo4j.types.DateTime && at.nanosecond).toBe(123_456_789);
    const zoned = decodeValue({ datetime: '2024-02-29T08:00+08:00[Asia/Shanghai]' }, 'x');
    expect(zoned instanceof neo4j.types.DateTime && zoned.timeZoneId).toBe('Asia/Shanghai');
    const day = decodeValue({ date: '2021-10-22' }, 'x');
    expect(String(day)).toBe('2021-10-22');
    expect(() => decodeValue({ date: '22/10/2021' }, 'line 3.asOf')).toThrow(/line 3.asOf/);
  });
});
