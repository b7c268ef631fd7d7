import type { ChainSummary, Ecosystem } from '../../../../api/src/http/schemas/catalog.schemas.ts';

export interface EcosystemGroup {
  id: string;
  name: string;
  nameEn: string;
  verified: boolean;
  /** False when a chain names an ecosystem the ecosystem list does not have. */
  known: boolean;
  chains: ChainSummary[];
}

const byOrderThenName = (a: { order: number; name: string }, b: { order: number; name: string }) =>
  a.order - b.order || a.name.localeCompare(b.name, 'zh-CN');

/**
 * Ecosystems in their official order, each with its chains in order. Empty ecosystems stay visible;
 * chains of an ecosystem missing from the list still show, under the name the chain carries, at the end.
 */
export function groupChainsByEcosystem(ecosystems: Ecosystem[], chains: ChainSummary[]): EcosystemGroup[] {
  const groups = new Map<string, EcosystemGroup>();
  for (const ecosystem of [...ecosystems].sort(byOrderThenName)) {
    groups.set(ecosystem.id, {
      id: ecosystem.id,
      name: ecosystem.name,
      nameEn: ecosystem.nameEn,
      verified: ecosystem.verified,
      known: true,
      chains: [],
    });
  }
  for (const chain of [...chains].sort(byOrderThenName)) {
    let group = groups.get(chain.ecosystemId);
    if (!group) {
      group = {
        id: chain.ecosystemId,
        name: chain.ecosystemName,
        nameEn: chain.ecosystemName,
        verified: false,
        known: false,
        chains: [],
      };
      groups.set(chain.ecosystemId, group);
    }
    group.chains.push(chain);
  }
  return [...groups.values()];
}
