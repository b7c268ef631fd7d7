import type { ChainChangesResponse } from '../../../../api/src/http/schemas/map-edit.schemas.ts';

export type ChangeSectionKind =
  | 'changesChain'
  | 'changesLinksAdded'
  | 'changesLinksRetired'
  | 'changesLinksRenamed'
  | 'changesFeedsAdded'
  | 'changesFeedsRemoved'
  | 'changesMoves';

export interface ChangeItem {
  key: string;
  text: string;
  /** Set for enterprise moves, which link to the enterprise's view. */
  enterpriseId?: string;
}

export interface ChangeSection {
  kind: ChangeSectionKind;
  items: ChangeItem[];
}

/**
 * The chain's changes as the sections the map lists, non-empty ones only, in reading order. Feeds name link
 * ids; `nameOf` turns the ones the map knows into names.
 */
export function changeSections(
  changes: ChainChangesResponse,
  nameOf: (linkId: string) => string = (linkId) => linkId,
): ChangeSection[] {
  const arrow = (a: string, b: string) => `${a} → ${b}`;
  const sections: ChangeSection[] = [
    {
      kind: 'changesChain',
      items: [
        ...changes.chains.added.map((c) => ({ key: `+${c.id}`, text: `+ ${c.name}` })),
        ...changes.chains.retired.map((c) => ({ key: `-${c.id}`, text: `− ${c.name}` })),
        ...changes.chains.renamed.map((c) => ({ key: `~${c.id}`, text: arrow(c.from, c.to) })),
      ],
    },
    { kind: 'changesLinksAdded', items: changes.links.added.map((l) => ({ key: l.id, text: l.name })) },
    { kind: 'changesLinksRetired', items: changes.links.retired.map((l) => ({ key: l.id, text: l.name })) },
    {
      kind: 'changesLinksRenamed',
      items: changes.links.renamed.map((l) => ({ key: l.id, text: arrow(l.from, l.to) })),
    },
    {
      kind: 'changesFeedsAdded',
      items: changes.feeds.added.map((f) => ({
        key: `${f.from}>${f.to}`,
        text: arrow(nameOf(f.from), nameOf(f.to)),
      })),
    },
    {
      kind: 'changesFeedsRemoved',
      items: changes.feeds.removed.map((f) => ({
        key: `${f.from}>${f.to}`,
        text: arrow(nameOf(f.from), nameOf(f.to)),
      })),
    },
    {
      kind: 'changesMoves',
      items: changes.enterprisesMoved.map((move) => ({
        key: move.changeId,
        text: `${move.date} · ${move.summary}`,
        enterpriseId: move.enterpriseId,
      })),
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}
