import { diffSets, nameOn, validOn } from './map-change.ts';

/** Every chain, link and FEEDS edge with its validity interval, and the renames recorded for them. */
export interface MapHistory {
  chains: { id: string; name: string; nameEn: string; validFrom: string | null; validTo: string | null }[];
  links: {
    id: string;
    name: string;
    nameEn: string;
    chainId: string;
    validFrom: string | null;
    validTo: string | null;
  }[];
  feeds: { from: string; to: string; validFrom: string | null; validTo: string | null }[];
  /** Unreverted renames, any date. */
  renames: {
    entityType: 'Chain' | 'Link';
    entityId: string;
    effectiveDate: string;
    seq: number;
    before: { name: string; nameEn: string };
  }[];
}

export interface Named {
  id: string;
  name: string;
}

export interface Renamed {
  id: string;
  from: string;
  to: string;
}

export interface MapDiff {
  chains: { added: Named[]; retired: Named[]; renamed: Renamed[] };
  links: {
    added: (Named & { chainId: string })[];
    retired: (Named & { chainId: string })[];
    renamed: (Renamed & { chainId: string })[];
  };
  feeds: { added: { from: string; to: string }[]; removed: { from: string; to: string }[] };
}

/**
 * What differs between the map on `from` and the map on `to`: elements valid on one date and not the other,
 * names that differ between the two dates. An element added and retired between the dates is not listed.
 */
export function diffMaps(history: MapHistory, from: string, to: string): MapDiff {
  const nameAt = (
    type: 'Chain' | 'Link',
    id: string,
    current: { name: string; nameEn: string },
    date: string,
  ) =>
    nameOn(
      current,
      history.renames.filter((r) => r.entityType === type && r.entityId === id && r.effectiveDate > date),
    ).name;
  const at = <T extends { validFrom: string | null; validTo: string | null }>(
    items: readonly T[],
    date: string,
  ) => items.filter((i) => validOn(i, date));

  const chainDiff = diffSets(at(history.chains, from), at(history.chains, to), (c) => c.id);
  const linkDiff = diffSets(at(history.links, from), at(history.links, to), (l) => l.id);
  const feedKey = (f: { from: string; to: string }) => `${f.from}>${f.to}`;
  const feedDiff = diffSets(at(history.feeds, from), at(history.feeds, to), feedKey);

  const both = <T extends { id: string; validFrom: string | null; validTo: string | null }>(
    items: readonly T[],
  ) => items.filter((i) => validOn(i, from) && validOn(i, to));
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  const unique = <T extends { from: string; to: string }>(items: T[]) => [
    ...new Map(items.map((i) => [feedKey(i), { from: i.from, to: i.to }])).values(),
  ];

  return {
    chains: {
      added: chainDiff.added.map((c) => ({ id: c.id, name: nameAt('Chain', c.id, c, to) })).sort(byId),
      retired: chainDiff.removed.map((c) => ({ id: c.id, name: nameAt('Chain', c.id, c, from) })).sort(byId),
      renamed: both(history.chains)
        .map((c) => ({ id: c.id, from: nameAt('Chain', c.id, c, from), to: nameAt('Chain', c.id, c, to) }))
        .filter((r) => r.from !== r.to)
        .sort(byId),
    },
    links: {
      added: linkDiff.added
        .map((l) => ({ id: l.id, name: nameAt('Link', l.id, l, to), chainId: l.chainId }))
        .sort(byId),
      retired: linkDiff.removed
        .map((l) => ({ id: l.id, name: nameAt('Link', l.id, l, from), chainId: l.chainId }))
        .sort(byId),
      renamed: both(history.links)
        .map((l) => ({
          id: l.id,
          chainId: l.chainId,
          from: nameAt('Link', l.id, l, from),
          to: nameAt('Link', l.id, l, to),
        }))
        .filter((r) => r.from !== r.to)
        .sort(byId),
    },
    feeds: {
      added: unique(feedDiff.added).sort((a, b) => feedKey(a).localeCompare(feedKey(b))),
      removed: unique(feedDiff.removed).sort((a, b) => feedKey(a).localeCompare(feedKey(b))),
    },
  };
}
