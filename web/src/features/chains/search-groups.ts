import type { SearchResult } from '../../../../api/src/http/schemas/search.schemas.ts';
import { type Language, pickName } from '../../lib/i18n.ts';
import { chainMapHref, enterpriseHref, href } from '../../lib/routes.ts';
import { chainsMessages } from './chains.messages.ts';

export type SearchGroupKind = 'chains' | 'links' | 'enterprises' | 'districts';

export interface SearchHit {
  key: string;
  title: string;
  detail: string;
  href: string;
  testId: string;
}

export interface SearchGroup {
  kind: SearchGroupKind;
  heading: string;
  total: number;
  hits: SearchHit[];
}

/**
 * The search answer as the four groups the overview lists, each hit with the address of its view: a chain
 * opens its map, a link opens its chain's map with the link selected, an enterprise its profile, a district
 * its page. Empty groups are left out.
 */
export function toSearchGroups(result: SearchResult, language: Language): SearchGroup[] {
  const m = chainsMessages[language];
  const groups: SearchGroup[] = [
    {
      kind: 'chains',
      heading: m.searchChains,
      total: result.chains.total,
      hits: result.chains.items.map((chain) => ({
        key: chain.id,
        title: pickName(language, chain),
        detail: chain.ecosystemName,
        href: chainMapHref(chain.id),
        testId: `search-hit-chain-${chain.id}`,
      })),
    },
    {
      kind: 'links',
      heading: m.searchLinks,
      total: result.links.total,
      hits: result.links.items.map((link) => ({
        key: link.id,
        title: pickName(language, link),
        detail: `${link.chainName} · ${m[link.stage]}`,
        href: chainMapHref(link.chainId, { link: link.id }),
        testId: `search-hit-link-${link.id}`,
      })),
    },
    {
      kind: 'enterprises',
      heading: m.searchEnterprises,
      total: result.enterprises.total,
      hits: result.enterprises.items.map((enterprise) => ({
        key: enterprise.id,
        title: enterprise.name,
        detail: [
          enterprise.local ? (enterprise.districtName ?? m.local) : m.notLocal,
          enterprise.leader ? m.leaders : '',
        ]
          .filter(Boolean)
          .join(' · '),
        href: enterpriseHref(enterprise.id),
        testId: `search-hit-enterprise-${enterprise.id}`,
      })),
    },
    {
      kind: 'districts',
      heading: m.searchDistricts,
      total: result.districts.total,
      hits: result.districts.items.map((district) => ({
        key: district.code,
        title: pickName(language, district),
        detail: district.code,
        href: href('district', { districtCode: district.code }),
        testId: `search-hit-district-${district.code}`,
      })),
    },
  ];
  return groups.filter((group) => group.hits.length > 0);
}
