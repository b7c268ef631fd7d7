import type { ChainDetail, Stage } from '../../../../api/src/http/schemas/catalog.schemas.ts';
import { type Language, pickName } from '../../lib/i18n.ts';

/**
 * A chain as the map editor draws it: every link and every foreign link a FEEDS edge reaches is a node,
 * every FEEDS edge is a selectable edge. Invisible anchors (one per stage, plus an end) hung in a row make
 * dagre put each stage in its own column, left to right: dagre itself knows nothing of stages.
 */

export const editorStages: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

export interface EditorNode {
  group: 'nodes';
  data: { id: string; label: string; kind: 'link' | 'foreign' | 'anchor'; stage?: Stage; chainId?: string };
  classes: string;
}

export interface EditorEdge {
  group: 'edges';
  data: { id: string; source: string; target: string; kind: 'feed' | 'scaffold' };
  classes: string;
}

export type EditorElement = EditorNode | EditorEdge;

// Ids of scaffolding start with "__", which link slugs cannot.
const anchorId = (anchor: Stage | 'end') => `__anchor-${anchor}`;

/** The id of the edge of a FEEDS relation, as the editor puts it in its address (`feed=`). */
export const feedKey = (from: string, to: string) => `${from}>${to}`;

export function parseFeedKey(key: string): { from: string; to: string } | null {
  const [from, to, ...rest] = key.split('>');
  return from && to && rest.length === 0 ? { from, to } : null;
}

export function toEditorElements(chain: ChainDetail, language: Language): EditorElement[] {
  const nodes: EditorNode[] = [];
  const edges: EditorEdge[] = [];
  const stageOf = new Map<string, Stage>();
  for (const link of [...chain.links].sort((a, b) => a.order - b.order)) {
    if (stageOf.has(link.id)) continue;
    stageOf.set(link.id, link.stage);
    nodes.push({
      group: 'nodes',
      data: { id: link.id, label: pickName(language, link), kind: 'link', stage: link.stage },
      classes: `link stage-${link.stage}`,
    });
  }
  const foreignIds = new Set<string>();
  for (const foreign of chain.foreignLinks) {
    if (stageOf.has(foreign.id) || foreignIds.has(foreign.id)) continue;
    foreignIds.add(foreign.id);
    const chainName = pickName(language, { name: foreign.chainName, nameEn: foreign.chainNameEn });
    nodes.push({
      group: 'nodes',
      data: {
        id: foreign.id,
        label: `${chainName} · ${pickName(language, foreign)}`,
        kind: 'foreign',
        stage: foreign.stage,
        chainId: foreign.chainId,
      },
      classes: 'foreign',
    });
  }

  const known = (id: string) => stageOf.has(id) || foreignIds.has(id);
  const seen = new Set<string>();
  for (const feed of chain.feeds) {
    const id = feedKey(feed.from, feed.to);
    // Cytoscape throws on edges to missing nodes; a self-loop has nothing to show.
    if (!known(feed.from) || !known(feed.to) || feed.from === feed.to || seen.has(id)) continue;
    seen.add(id);
    const cross = foreignIds.has(feed.from) || foreignIds.has(feed.to) || feed.crossChain;
    edges.push({
      group: 'edges',
      data: { id, source: feed.from, target: feed.to, kind: 'feed' },
      classes: cross ? 'feed cross-chain' : 'feed',
    });
  }

  // Anchors in a row; each link hangs between its stage's anchor and the next, so it gets that column.
  const anchors = [...editorStages, 'end' as const];
  for (const anchor of anchors) {
    nodes.push({
      group: 'nodes',
      data: { id: anchorId(anchor), label: '', kind: 'anchor' },
      classes: 'scaffold',
    });
  }
  const scaffold = (source: string, target: string): EditorEdge => ({
    group: 'edges',
    data: { id: `__order:${source}->${target}`, source, target, kind: 'scaffold' },
    classes: 'scaffold',
  });
  editorStages.forEach((stage, index) => {
    const next = anchorId(anchors[index + 1] ?? 'end');
    edges.push(scaffold(anchorId(stage), next));
    for (const [id, linkStage] of stageOf) {
      if (linkStage === stage) edges.push(scaffold(anchorId(stage), id), scaffold(id, next));
    }
  });
  // Foreign links that supply this chain stand left of it, the others right of it.
  const suppliers = new Set(chain.feeds.filter((f) => foreignIds.has(f.from)).map((f) => f.from));
  for (const id of foreignIds) {
    edges.push(suppliers.has(id) ? scaffold(id, anchorId('upstream')) : scaffold(anchorId('end'), id));
  }
  return [...nodes, ...edges];
}
