import { collapseSpaces, toHalfWidth } from './normalise-name.ts';

export interface DistrictMatch {
  code: string;
  matchedText: string;
}

export const HI_TECH_ZONE = 'zone-chengdu-hi-tech';
export const TIANFU_NEW_AREA = 'zone-tianfu-new-area';
export const EASTERN_NEW_AREA = 'zone-chengdu-eastern-new-area';

/**
 * Words that name a place in Chengdu, with the district or functional zone they stand for. Full names come
 * first; older names (双流县, 郫县, 新津县 before they became districts) and bare names of the outer districts
 * follow. Bare names of the five core districts are left out: 锦江, 青羊, 金牛, 武侯 and 成华 are also
 * river, road and avenue names across the city.
 */
const placeWords: readonly (readonly [text: string, code: string])[] = [
  ['锦江区', '510104'],
  ['青羊区', '510105'],
  ['金牛区', '510106'],
  ['武侯区', '510107'],
  ['成华区', '510108'],
  ['龙泉驿区', '510112'],
  ['龙泉驿', '510112'],
  // 成都经开区 is in 龙泉驿区; addresses often write it without the district.
  ['成都经济技术开发区', '510112'],
  ['经济技术开发区', '510112'],
  ['经开区', '510112'],
  ['青白江区', '510113'],
  ['青白江', '510113'],
  ['新都区', '510114'],
  ['新都县', '510114'],
  ['新都', '510114'],
  ['温江区', '510115'],
  ['温江县', '510115'],
  ['温江', '510115'],
  ['双流区', '510116'],
  ['双流县', '510116'],
  ['双流', '510116'],
  ['西南航空港', '510116'],
  ['郫都区', '510117'],
  ['郫县', '510117'],
  ['郫都', '510117'],
  ['新津区', '510118'],
  ['新津县', '510118'],
  ['新津', '510118'],
  ['金堂县', '510121'],
  ['金堂', '510121'],
  ['大邑县', '510129'],
  ['大邑', '510129'],
  ['蒲江县', '510131'],
  ['蒲江', '510131'],
  ['都江堰市', '510181'],
  ['都江堰', '510181'],
  ['彭州市', '510182'],
  ['彭州', '510182'],
  ['邛崃市', '510183'],
  ['邛崃', '510183'],
  ['崇州市', '510184'],
  ['崇州', '510184'],
  ['简阳市', '510185'],
  ['简阳', '510185'],
  ['成都高新技术产业开发区', HI_TECH_ZONE],
  ['高新技术产业开发区', HI_TECH_ZONE],
  ['高新技术开发区', HI_TECH_ZONE],
  ['成都高新区', HI_TECH_ZONE],
  ['高新西区', HI_TECH_ZONE],
  ['高新南区', HI_TECH_ZONE],
  ['高新区', HI_TECH_ZONE],
  ['天府新区', TIANFU_NEW_AREA],
  ['东部新区', EASTERN_NEW_AREA],
];

/** Streets that lie wholly in one district, used only when no place word matched. */
const streetHints: readonly (readonly [text: string, code: string])[] = [
  // 武科东/西 N 路 and 武兴 N 路 are the grid of the 武侯新城 industrial area.
  ['武科东', '510107'],
  ['武科西', '510107'],
  ['武兴', '510107'],
  ['建设路', '510108'],
];

/** Names that by themselves place an address in Chengdu even when 成都 is not written. */
const chengduOnlyNames = placeWords
  .map(([text]) => text)
  .filter(
    (text) =>
      /[区县市]$/.test(text) && !text.includes('开发区') && !text.startsWith('高新') && text.length >= 3,
  )
  .filter((text) => !['经开区', '天府新区', '东部新区'].includes(text));

const municipalities = ['北京市', '上海市', '天津市', '重庆市'];

/** Whether an address is in Chengdu at all, before looking for its district. */
function isChengduAddress(address: string): boolean {
  const province = /([\u3400-\u9fff]{2,7}?(?:省|自治区))/.exec(address)?.[1];
  if (province !== undefined && !province.endsWith('四川省')) return false;
  if (municipalities.some((m) => address.startsWith(m))) return false;
  if (address.includes('成都')) return true;
  if (chengduOnlyNames.some((name) => address.includes(name))) return true;
  // Sichuan's 天府新区 also reaches into 眉山; without 成都 only the unqualified form counts.
  return address.includes('天府新区') && address.includes('四川') && !address.includes('眉山');
}

function earliestMatch(
  address: string,
  words: readonly (readonly [text: string, code: string])[],
): DistrictMatch | undefined {
  let best: { index: number; match: DistrictMatch } | undefined;
  for (const [text, code] of words) {
    const index = address.indexOf(text);
    if (index < 0) continue;
    const better =
      best === undefined ||
      index < best.index ||
      (index === best.index && text.length > best.match.matchedText.length);
    if (better) best = { index, match: { code, matchedText: text } };
  }
  return best?.match;
}

/**
 * The Chengdu district or functional zone a registered address names, or undefined when the address is not in
 * Chengdu or names no district. The first place word in the address wins, since addresses run from the larger
 * unit to the smaller (成都市高新区 → zone, 成都市双流区…天府新区 → 双流区).
 */
export function parseChengduDistrict(address: string): DistrictMatch | undefined {
  const text = collapseSpaces(toHalfWidth(address)).replace(/\s/g, '');
  if (!isChengduAddress(text)) return undefined;
  return earliestMatch(text, placeWords) ?? earliestMatch(text, streetHints);
}

/** Every code the parser can return, so tests can check them against the district catalog. */
export const parserDistrictCodes: readonly string[] = [
  ...new Set([...placeWords, ...streetHints].map(([, code]) => code)),
].sort();
