import type { Stage } from '../../api/src/http/schemas/catalog.schemas.ts';
import type { Rejection } from '../import-summary.ts';
import type { ChainRow } from './chain-row.ts';

/** The map as it stands, as far as a chain-map file can change it. */
export interface CurrentMap {
  ecosystems: readonly { id: string; name: string }[];
  chains: ReadonlyMap<string, { name: string; nameEn: string; retired: boolean }>;
  links: ReadonlyMap<
    string,
    { chainId: string; name: string; nameEn: string; stage: Stage; retired: boolean }
  >;
  /** Current FEEDS as `from>to`. */
  feeds: ReadonlySet<string>;
}

/**
 * One map edit, made through the map editor's own operations so that each is a dated change record: visible as
 * of its date, in the map diff, and revertible. `chainId` names the chain whose version the edit is made against.
 */
export type MapStep =
  | { kind: 'addChain'; chainId: string; name: string; nameEn: string; ecosystemId: string }
  | { kind: 'renameChain'; chainId: string; name: string; nameEn: string }
  | { kind: 'retireChain'; chainId: string }
  | { kind: 'addLink'; chainId: string; linkId: string; name: string; nameEn: string; stage: Stage }
  | { kind: 'renameLink'; chainId: string; linkId: string; name: string; nameEn: string }
  | { kind: 'retireLink'; chainId: string; linkId: string }
  | { kind: 'addFeeds'; chainId: string; from: string; to: string };

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface ChainMapPlan {
  /** In the order to apply: chains, then links, then FEEDS, then retirements (links before their chains). */
  steps: MapStep[];
  /** What each accepted row does, by file line. */
  outcomes: Map<number, RowOutcome>;
  rejected: Rejection[];
}

const stepOrder: Record<MapStep['kind'], number> = {
  addChain: 0,
  renameChain: 1,
  addLink: 2,
  renameLink: 3,
  addFeeds: 4,
  retireLink: 5,
  retireChain: 6,
};

/**
 * Compares a chain-map file with the map and lists the edits that make the map say what the file says. Only
 * what a row states changes: a link missing from the file stays (retiring one takes `撤销 = 是`), and a name
 * left empty keeps the current one. Ids are never reused, so a retired chain or link cannot come back.
 */
export function planChainMap(
  rows: readonly { line: number; row: ChainRow }[],
  map: CurrentMap,
): ChainMapPlan {
  const rowSteps = new Map<number, MapStep[]>();
  const rejected: Rejection[] = [];

  /** Chains and links as they will be once the file's accepted rows so far are applied. */
  const chains = new Map(map.chains);
  const links = new Map(map.links);
  const chainNamedOn = new Map<string, number>();
  const linkGivenOn = new Map<string, number>();
  const ecosystemOf = (text: string) => map.ecosystems.find((e) => e.id === text || e.name === text)?.id;
  const feedsOf = new Map<number, { chainId: string; from: string; targets: string[] }>();

  for (const { line, row } of rows) {
    const planned = planRow(row, line);
    if ('field' in planned) {
      rejected.push({ line, ...planned });
      continue;
    }
    rowSteps.set(line, planned.steps);
    for (const apply of planned.effects) apply();
    if (row.link !== undefined && row.feeds !== undefined && row.feeds.length > 0 && row.retire !== true) {
      feedsOf.set(line, { chainId: row.chain, from: row.link, targets: row.feeds });
    }
  }

  // FEEDS last, since a row may name a link that a later row adds. A row whose FEEDS cannot be drawn is
  // rejected whole; that may take away a link another row feeds, so this runs until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [line, { from, targets }] of feedsOf) {
      const problem = targets.map((to) => feedsProblem(from, to)).find((reason) => reason !== undefined);
      if (problem === undefined) continue;
      rejected.push({ line, field: 'feeds', reason: problem });
      feedsOf.delete(line);
      for (const step of rowSteps.get(line) ?? []) {
        if (step.kind === 'addLink') links.delete(step.linkId);
      }
      rowSteps.delete(line);
      changed = true;
    }
  }
  const feeds = new Set(map.feeds);
  for (const [line, { chainId, from, targets }] of feedsOf) {
    for (const to of targets) {
      const key = `${from}>${to}`;
      if (feeds.has(key)) continue;
      feeds.add(key);
      rowSteps.get(line)?.push({ kind: 'addFeeds', chainId, from, to });
    }
  }

  const outcomes = new Map<number, RowOutcome>();
  for (const [line, steps] of rowSteps) outcomes.set(line, outcomeOf(steps));
  const steps = [...rowSteps.values()].flat().sort((a, b) => stepOrder[a.kind] - stepOrder[b.kind]);
  rejected.sort((a, b) => a.line - b.line);
  return { steps, outcomes, rejected };

  function feedsProblem(from: string, to: string): string | undefined {
    if (to === from) return 'a link cannot feed itself';
    const target = links.get(to);
    if (target === undefined) return `link "${to}" is neither on the map nor in the file`;
    if (target.retired) return `link "${to}" is retired`;
    return undefined;
  }

  /** The row's edits and their effect on the map so far, or why the row is refused. */
  function planRow(
    row: ChainRow,
    line: number,
  ): { steps: MapStep[]; effects: (() => void)[] } | { field: string; reason: string } {
    const steps: MapStep[] = [];
    const effects: (() => void)[] = [];
    const fail = (field: string, reason: string) => ({ field, reason });
    const chain = chains.get(row.chain);
    const retiresChain = row.retire === true && row.link === undefined;

    // The chain: created, renamed, retired, or only named as the home of the row's link.
    if (chain === undefined) {
      if (retiresChain) return fail('chain', `chain "${row.chain}" is not on the map`);
      if (row.chainName === undefined) return fail('chainName', `a new chain "${row.chain}" needs a name`);
      const ecosystemId = row.ecosystem === undefined ? undefined : ecosystemOf(row.ecosystem);
      if (ecosystemId === undefined) {
        return fail(
          'ecosystem',
          row.ecosystem === undefined
            ? `a new chain "${row.chain}" needs its ecosystem`
            : `"${row.ecosystem}" is neither an ecosystem id nor an ecosystem name of the map`,
        );
      }
      const added = { name: row.chainName, nameEn: row.chainNameEn ?? '', retired: false };
      steps.push({ kind: 'addChain', chainId: row.chain, ...added, ecosystemId });
      effects.push(() => {
        chains.set(row.chain, added);
        chainNamedOn.set(row.chain, line);
      });
    } else if (chain.retired) {
      if (!retiresChain) return fail('chain', `chain "${row.chain}" is retired (chain ids are never reused)`);
    } else {
      const name = row.chainName ?? chain.name;
      const nameEn = row.chainNameEn ?? chain.nameEn;
      if (name !== chain.name || nameEn !== chain.nameEn) {
        const earlier = chainNamedOn.get(row.chain);
        if (earlier !== undefined)
          return fail('chainName', `line ${earlier} names chain "${row.chain}" ${chain.name}`);
        steps.push({ kind: 'renameChain', chainId: row.chain, name, nameEn });
        effects.push(() => {
          chains.set(row.chain, { ...chain, name, nameEn });
          chainNamedOn.set(row.chain, line);
        });
      }
      if (retiresChain) {
        steps.push({ kind: 'retireChain', chainId: row.chain });
        effects.push(() => chains.set(row.chain, { ...chain, name, nameEn, retired: true }));
      }
    }

    if (row.link === undefined) {
      if (row.feeds !== undefined && row.feeds.length > 0)
        return fail('feeds', 'only a link feeds other links');
      for (const field of ['linkName', 'linkNameEn', 'stage'] as const) {
        if (row[field] !== undefined) return fail(field, 'needs the link it describes');
      }
      return { steps, effects };
    }

    // The link.
    const linkId = row.link;
    const earlier = linkGivenOn.get(linkId);
    if (earlier !== undefined) return fail('link', `link "${linkId}" is already given on line ${earlier}`);
    effects.push(() => linkGivenOn.set(linkId, line));
    const link = links.get(linkId);
    if (link === undefined) {
      if (row.retire === true) return fail('link', `link "${linkId}" is not on the map`);
      if (row.linkName === undefined) return fail('linkName', `a new link "${linkId}" needs a name`);
      if (row.stage === undefined) return fail('stage', `a new link "${linkId}" needs a stage`);
      const added = { name: row.linkName, nameEn: row.linkNameEn ?? '', stage: row.stage };
      steps.push({ kind: 'addLink', chainId: row.chain, linkId, ...added });
      effects.push(() => links.set(linkId, { chainId: row.chain, ...added, retired: false }));
      return { steps, effects };
    }
    if (link.chainId !== row.chain)
      return fail('link', `link "${linkId}" belongs to chain "${link.chainId}"`);
    if (link.retired) {
      if (row.retire !== true) return fail('link', `link "${linkId}" is retired (link ids are never reused)`);
      return { steps, effects };
    }
    if (row.stage !== undefined && row.stage !== link.stage) {
      return fail('stage', `link "${linkId}" is ${link.stage}: to move it, retire it and add a new link`);
    }
    const name = row.linkName ?? link.name;
    const nameEn = row.linkNameEn ?? link.nameEn;
    if (name !== link.name || nameEn !== link.nameEn) {
      steps.push({ kind: 'renameLink', chainId: row.chain, linkId, name, nameEn });
    }
    if (row.retire === true) steps.push({ kind: 'retireLink', chainId: row.chain, linkId });
    effects.push(() => links.set(linkId, { ...link, name, nameEn, retired: row.retire === true }));
    return { steps, effects };
  }
}

function outcomeOf(steps: readonly MapStep[]): RowOutcome {
  if (steps.some((s) => s.kind === 'addChain' || s.kind === 'addLink')) return 'created';
  return steps.length > 0 ? 'updated' : 'unchanged';
}
