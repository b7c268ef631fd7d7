import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { loadMappingTables } from '../graph-seeds/derive/mapping-tables.ts';
import { creditCodeCheckCharacter } from '../importers/validate/credit-code.ts';

/**
 * Deterministic enterprise rows for import benchmarks and tests: the same N gives the same file, byte for
 * byte. Names, credit codes (with valid check characters), addresses in and outside Chengdu, products from
 * the keyword table spread over the 28 chains, founding dates and registered capital with thousands separators.
 */

/** mulberry32: small, fast, and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nameChars = [...'华宏泰盛兴达信远鑫源瑞丰恒通安邦凯创新锐星辰海天云山川明德正博睿智康宁嘉和永亿嘉禾晟'];
const trades = [
  '科技',
  '新材料',
  '电子',
  '智能装备',
  '生物医药',
  '信息技术',
  '新能源',
  '精密制造',
  '半导体',
  '软件',
];
const elsewhere = [
  ['广东', '深圳市', '广东省深圳市南山区科技园'],
  ['江苏', '苏州市', '江苏省苏州市工业园区星湖街'],
  ['浙江', '杭州市', '浙江省杭州市滨江区江南大道'],
  ['上海', '上海市', '上海市浦东新区张江路'],
  ['北京', '北京市', '北京市海淀区中关村大街'],
  ['湖北', '武汉市', '湖北省武汉市东湖新技术开发区高新大道'],
  ['陕西', '西安市', '陕西省西安市高新区锦业路'],
  ['重庆', '重庆市', '重庆市渝北区金开大道'],
] as const;
const chengdu = [
  '四川省成都市高新区天府大道北段',
  '四川省成都市武侯区武科西一路',
  '四川省成都市龙泉驿区经开区南二路',
  '四川省成都市双流区西航港大道',
  '四川省成都市新都区新都大道',
  '四川省成都市郫都区德源大道',
  '四川省成都市青白江区大弯镇团结路',
  '四川省成都市天府新区天府大道南段',
];
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const generatedHeader = [
  '企业名称',
  '统一社会信用代码',
  '注册地址',
  '省份',
  '城市',
  '主营产品',
  '成立日期',
  '注册资本(万元)',
];

/** A name unique to the row number: the number written in a base of Chinese characters. */
function serialName(i: number): string {
  let n = i;
  let out = '';
  do {
    out += nameChars[n % nameChars.length];
    n = Math.floor(n / nameChars.length);
  } while (n > 0);
  return out;
}

function creditCode(i: number): string {
  let n = i;
  let org = '';
  for (let k = 0; k < 8; k++) {
    org = alphabet[n % 31] + org;
    n = Math.floor(n / 31);
  }
  const body = `91510100${org}G`;
  return `${body}${creditCodeCheckCharacter(body)}`;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The products the keyword table places in a link, so generated firms land across the chains. */
function productWords(): string[] {
  return loadMappingTables()
    .productKeywords.filter((k) => k.linkId !== undefined && k.confidence >= 0.6 && k.pattern === undefined)
    .map((k) => k.keyword);
}

export function* generateEnterpriseRows(count: number, seed = 20_240_601): Generator<string[]> {
  const next = random(seed);
  const products = productWords();
  const pick = <T>(list: readonly T[]): T => {
    const value = list[Math.floor(next() * list.length)];
    if (value === undefined) throw new Error('cannot pick from an empty list');
    return value;
  };
  for (let i = 0; i < count; i++) {
    const local = next() < 0.12;
    const [province, city, street] = local ? ['四川', '成都市', pick(chengdu)] : pick(elsewhere);
    const name = `${city.replace(/市$/, '')}${serialName(i)}${pick(trades)}有限公司`;
    const productCount = 1 + Math.floor(next() * 3);
    const productList = Array.from({ length: productCount }, () => pick(products)).join('、');
    const year = 1995 + Math.floor(next() * 30);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const capital = Math.round(100 + next() * 99_900).toLocaleString('en-US');
    yield [
      name,
      creditCode(i),
      `${street}${1 + (i % 999)}号`,
      province,
      city,
      productList,
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      capital,
    ];
  }
}

/** Writes N generated rows as a UTF-8 CSV file, streaming, so a million rows never sit in memory. */
export async function writeGeneratedCsv(file: string, count: number, seed?: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${generatedHeader.join(',')}\n`);
  for (const row of generateEnterpriseRows(count, seed)) await write(`${row.map(quote).join(',')}\n`);
  out.end();
  await once(out, 'finish');
}
