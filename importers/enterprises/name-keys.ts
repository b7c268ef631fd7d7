import { compareText } from '../../graph-seeds/catalog/catalog.ts';
import {
  collapseSpaces,
  normaliseCompanyName,
  toHalfWidth,
} from '../../graph-seeds/derive/normalise-name.ts';

const provinces = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '台湾',
  '香港',
  '澳门',
];
/** Cities that often open firm names; Chengdu's own districts are among the commonest in this city's files. */
const cities = [
  '成都',
  '深圳',
  '广州',
  '杭州',
  '南京',
  '苏州',
  '武汉',
  '西安',
  '宁波',
  '厦门',
  '青岛',
  '大连',
  '沈阳',
  '长沙',
  '郑州',
  '合肥',
  '福州',
  '济南',
  '无锡',
  '东莞',
  '佛山',
  '绵阳',
  '德阳',
  '宜宾',
  '泸州',
  '眉山',
  '资阳',
  '遂宁',
  '乐山',
  '自贡',
  '内江',
  '南充',
  '攀枝花',
];
const regionPrefixes = [
  '中国',
  ...provinces.flatMap((p) => [
    `${p}省`,
    `${p}市`,
    `${p}自治区`,
    `${p}壮族自治区`,
    `${p}回族自治区`,
    `${p}维吾尔自治区`,
    p,
  ]),
  ...cities.flatMap((c) => [`${c}市`, c]),
].sort((a, b) => b.length - a.length);

/** What a row's or node's names are matched on: the normalised legal name, else the normalised short name. */
export function nameKeyOf(fullName: string | undefined, name: string | undefined): string {
  return normaliseCompanyName(fullName ?? name ?? '');
}

/**
 * The key without leading region words (四川省成都市XX科技 → XX科技), kept only when four or more characters
 * remain: 成都银行 and 四川银行 are different banks, not near-duplicates of "银行".
 */
export function nameCoreOf(nameKey: string): string {
  let core = nameKey;
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of regionPrefixes) {
      if (core.startsWith(prefix) && core.length - prefix.length >= 4) {
        core = core.slice(prefix.length);
        changed = true;
        break;
      }
    }
  }
  return core;
}

/** Names worth finding the firm by: each as written (tidied) and normalised, without the name and full name. */
export function aliasesOf(
  names: readonly (string | undefined)[],
  name: string,
  fullName: string,
  existing: readonly string[] = [],
): string[] {
  const aliases = new Set(existing);
  for (const raw of names) {
    if (raw === undefined) continue;
    const clean = collapseSpaces(toHalfWidth(raw));
    for (const candidate of [clean, normaliseCompanyName(clean)])
      if (candidate !== '') aliases.add(candidate);
  }
  aliases.delete(name);
  aliases.delete(fullName);
  return [...aliases].sort(compareText);
}
