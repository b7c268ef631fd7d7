import cytoscape, { type CollectionReturnValue, type Core, type ElementDefinition } from 'cytoscape';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { GraphEdge, GraphNode } from '../../../../api/src/http/schemas/graph.schemas.ts';
import {
  type CanvasElement,
  type CanvasNodeData,
  edgeElement,
  nodeElement,
  type Position,
  ringPositions,
} from './neighbourhood-elements.ts';
import { neighbourhoodStyle } from './neighbourhood-style.ts';

/** What the page can ask of the canvas; the Cytoscape instance itself never leaves this component. */
export interface NeighbourhoodCanvasHandle {
  /** Ids of the nodes on the canvas (hidden ones are not). */
  nodeIds(): Set<string>;
  /** How many neighbours of `nodeId` are on the canvas. */
  neighbourCount(nodeId: string): number;
  /** Adds nodes on rings around `anchorId` (nothing else moves) and the edges among them; selects the new nodes. */
  addAround(anchorId: string, nodes: GraphNode[], edges: GraphEdge[]): number;
  /** Adds one node in the middle of the view with its edges to nodes already shown. */
  drop(node: Pick<GraphNode, 'id' | 'kind' | 'key' | 'label' | 'local'>, edges: GraphEdge[]): void;
  hideSelected(): void;
  undo(): void;
  fit(): void;
  png(): Promise<Blob>;
}

export interface CanvasStatus {
  nodes: number;
  edges: number;
  selected: number;
  undoDepth: number;
}

interface NeighbourhoodCanvasProps {
  ref: Ref<NeighbourhoodCanvasHandle>;
  initial: CanvasElement[];
  centreId: string;
  label: string;
  onFocus: (node: CanvasNodeData) => void;
  onStatus: (status: CanvasStatus) => void;
}

type UndoStep = { kind: 'add'; ids: string[] } | { kind: 'hide'; elements: CollectionReturnValue };

/** Beyond this many elements the canvas draws at one pixel per CSS pixel, which halves the work on sharp screens. */
const largeGraph = 800;
/** Batches added around one anchor step outwards so they do not land on the earlier ones. */
const ringStep = 90;

export function NeighbourhoodCanvas({
  ref,
  initial,
  centreId,
  label,
  onFocus,
  onStatus,
}: NeighbourhoodCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const undoRef = useRef<UndoStep[]>([]);
  const batchesRef = useRef(new Map<string, number>());
  const callbacks = useRef({ onFocus, onStatus });
  callbacks.current = { onFocus, onStatus };

  const report = () => {
    const cy = cyRef.current;
    if (!cy) return;
    callbacks.current.onStatus({
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      selected: cy.nodes(':selected').length,
      undoDepth: undoRef.current.length,
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the canvas is built once per initial graph.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const started = performance.now();
    container.dataset.state = 'layout';
    container.dataset.elements = String(initial.length);
    const large = initial.length > largeGraph;
    const cy = cytoscape({
      container,
      // Positions are computed up front (rings by hop): no layout algorithm runs, at any size.
      elements: initial.map((element) => ({ ...element, data: { ...element.data } }) as ElementDefinition),
      layout: { name: 'preset', fit: false },
      style: neighbourhoodStyle(),
      minZoom: 0.02,
      maxZoom: 3,
      // The canvas grows by expansions to thousands of elements: panning and zooming move a cached
      // picture without edges, whatever the size, rather than redrawing every element per frame.
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      pixelRatio: large ? 1 : 'auto',
      boxSelectionEnabled: true,
    });
    cyRef.current = cy;
    undoRef.current = [];
    batchesRef.current = new Map();
    const centre = cy.getElementById(centreId);
    centre.addClass('centre focus');
    cy.fit(undefined, 30);
    // Cytoscape draws in the next animation frame; the frame after that one starts once the picture is drawn.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        container.dataset.renderMs = String(Math.round(performance.now() - started));
        container.dataset.state = 'ready';
      }),
    );

    cy.on('tap', 'node', (event) => {
      cy.nodes('.focus').removeClass('focus');
      event.target.addClass('focus');
      callbacks.current.onFocus(event.target.data() as CanvasNodeData);
    });
    cy.on('select unselect', 'node', () => report());
    report();

    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, [initial]);

  useImperativeHandle(ref, () => ({
    nodeIds: () => new Set(cyRef.current?.nodes().map((node) => node.id()) ?? []),
    neighbourCount: (nodeId) => cyRef.current?.getElementById(nodeId).neighborhood('node').length ?? 0,
    addAround(anchorId, nodes, edges) {
      const cy = cyRef.current;
      if (!cy) return 0;
      const anchor = cy.getElementById(anchorId);
      const at: Position = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
      const fresh = nodes.filter((node) => cy.getElementById(node.id).empty());
      const batch = batchesRef.current.get(anchorId) ?? 0;
      batchesRef.current.set(anchorId, batch + 1);
      const positions = ringPositions(at, fresh.length, 120 + batch * ringStep, 60, batch * 0.4);
      const definitions: ElementDefinition[] = fresh.map((node, index) =>
        nodeElement(node, positions[index] ?? at),
      );
      const present = new Set([...cy.nodes().map((n) => n.id()), ...fresh.map((n) => n.id)]);
      for (const edge of edges) {
        if (cy.getElementById(edge.id).empty() && present.has(edge.source) && present.has(edge.target)) {
          definitions.push(edgeElement(edge));
        }
      }
      if (definitions.length === 0) return 0;
      // One add call for the whole batch: Cytoscape styles and indexes the new elements together.
      cy.elements(':selected').unselect();
      const added = cy.add(definitions);
      added.nodes().select();
      undoRef.current.push({ kind: 'add', ids: definitions.map((d) => String(d.data.id)) });
      if (added.nodes().nonempty()) {
        cy.animate({ fit: { eles: added.union(anchor), padding: 40 } }, { duration: 200 });
      }
      report();
      return fresh.length;
    },
    drop(node, edges) {
      const cy = cyRef.current;
      if (!cy || cy.getElementById(node.id).nonempty()) return;
      const extent = cy.extent();
      const centrePoint = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
      const spot = ringPositions(centrePoint, 1, 40, 60, Math.random() * Math.PI * 2)[0] ?? centrePoint;
      const definitions: ElementDefinition[] = [nodeElement(node, spot)];
      for (const edge of edges) {
        const ends = [edge.source, edge.target];
        const known = ends.every((id) => id === node.id || cy.getElementById(id).nonempty());
        if (known && cy.getElementById(edge.id).empty()) definitions.push(edgeElement(edge));
      }
      cy.batch(() => {
        cy.elements(':selected').unselect();
        cy.add(definitions).nodes().select();
        cy.nodes('.focus').removeClass('focus');
        cy.getElementById(node.id).addClass('focus');
      });
      undoRef.current.push({ kind: 'add', ids: definitions.map((d) => String(d.data.id)) });
      callbacks.current.onFocus(cy.getElementById(node.id).data() as CanvasNodeData);
      report();
    },
    hideSelected() {
      const cy = cyRef.current;
      if (!cy) return;
      // The centre stays: hiding it would leave nothing to expand from.
      const selected = cy.nodes(':selected').not(`[id = "${centreId.replace(/"/g, '\\"')}"]`);
      if (selected.empty()) return;
      const removed = cy.remove(selected.union(selected.connectedEdges()));
      undoRef.current.push({ kind: 'hide', elements: removed });
      report();
    },
    undo() {
      const cy = cyRef.current;
      const step = undoRef.current.pop();
      if (!cy || !step) return;
      cy.batch(() => {
        if (step.kind === 'hide') step.elements.restore();
        else for (const id of step.ids) cy.getElementById(id).remove();
      });
      report();
    },
    fit() {
      cyRef.current?.fit(undefined, 30);
    },
    async png() {
      const cy = cyRef.current;
      if (!cy) throw new Error('The canvas is not ready');
      return cy.png({
        output: 'blob-promise',
        full: true,
        bg: '#ffffff',
        scale: 2,
        maxWidth: 8000,
        maxHeight: 8000,
      });
    },
  }));

  return (
    <div
      ref={containerRef}
      className="enterprise-canvas"
      data-testid="enterprise-canvas"
      role="img"
      aria-label={label}
    />
  );
}
