import type { NodeKind } from '../../../../api/src/http/schemas/graph.schemas.ts';
import type { SearchResult } from '../../../../api/src/http/schemas/search.schemas.ts';

export interface DroppableNode {
  /** The canvas id, as the neighbourhood API names nodes: `kind:key`. */
  id: string;
  kind: NodeKind;
  key: string;
  label: string;
  detail: string;
  local: boolean;
}

/** Search hits as nodes the canvas can take, enterprises first (what the canvas is mostly about). */
export function toDroppableNodes(result: SearchResult): DroppableNode[] {
  return [
    ...result.enterprises.items.map((e) => ({
      id: `enterprise:${e.id}`,
      kind: 'enterprise' as const,
      key: e.id,
      label: e.name,
      detail: e.districtName ?? '',
      local: e.local,
    })),
    ...result.links.items.map((l) => ({
      id: `link:${l.id}`,
      kind: 'link' as const,
      key: l.id,
      label: l.name,
      detail: l.chainName,
      local: false,
    })),
    ...result.chains.items.map((c) => ({
      id: `chain:${c.id}`,
      kind: 'chain' as const,
      key: c.id,
      label: c.name,
      detail: c.ecosystemName,
      local: false,
    })),
    ...result.districts.items.map((d) => ({
      id: `district:${d.code}`,
      kind: 'district' as const,
      key: d.code,
      label: d.name,
      detail: d.code,
      local: false,
    })),
  ];
}
