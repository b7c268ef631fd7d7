import cytoscape, { type Core } from 'cytoscape';
import dagre, { type DagreLayoutOptions } from 'cytoscape-dagre';
import { useEffect, useRef } from 'react';
import { chainMapStyle } from './chain-map-style.ts';
import { bandId, type ChainMapElement, stages } from './to-elements.ts';

cytoscape.use(dagre);

interface ChainMapCanvasProps {
  elements: ChainMapElement[];
  selectedLinkId: string | null;
  onSelectLink: (linkId: string | null) => void;
  onOpenChain: (chainId: string) => void;
  label: string;
  fitLabel: string;
}

/** The only place that owns a Cytoscape instance: created on mount, destroyed on unmount or new elements. */
export function ChainMapCanvas({
  elements,
  selectedLinkId,
  onSelectLink,
  onOpenChain,
  label,
  fitLabel,
}: ChainMapCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // Callbacks change on every render; reading them through a ref keeps the graph from being rebuilt.
  const callbacks = useRef({ onSelectLink, onOpenChain });
  callbacks.current = { onSelectLink, onOpenChain };
  const selectedRef = useRef(selectedLinkId);
  selectedRef.current = selectedLinkId;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Browser tests wait for `data-state="ready"` before reading or clicking the map.
    container.dataset.state = 'layout';
    const started = performance.now();
    container.dataset.elements = String(elements.length);

    const cy = cytoscape({
      container,
      // Cytoscape keeps and mutates the data objects it is given; hand it copies.
      elements: elements.map((element) => ({ ...element, data: { ...element.data } })),
      style: chainMapStyle(),
      autoungrabify: true,
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 2.5,
      // Keeps panning smooth on the largest chains.
      hideEdgesOnViewport: elements.length > 400,
    });
    cyRef.current = cy;
    // Only links are things to inspect; edges and bands carry no details of their own.
    cy.edges().unselectify();

    const layoutOptions: DagreLayoutOptions = {
      name: 'dagre',
      rankDir: 'LR',
      nodeSep: 18,
      rankSep: 44,
      minLen: (edge) => (edge.hasClass('spine') ? 2 : 1),
      // A heavy spine keeps the anchors two ranks apart, so no link drifts into a rank of its own.
      edgeWeight: (edge) => (edge.hasClass('spine') ? 20 : 1),
      fit: false,
      animate: false,
    };
    const layout = cy.elements().not('.stage-band, edge.unranked').layout(layoutOptions);
    layout.one('layoutstop', () => {
      cy.batch(() => {
        cy.remove('.scaffold');
        // Bands become compound parents only now: dagre would otherwise treat them as clusters.
        for (const stage of stages) {
          const members = cy.nodes(`.link.stage-${stage}`);
          if (members.nonempty()) members.move({ parent: bandId(stage) });
        }
      });
      bowSameStageEdges(cy);
      applySelection(cy, selectedRef.current);
      cy.fit(undefined, 36);
      // Ready once the first picture is on screen: Cytoscape draws in the next animation frame, and the
      // frame after that one starts only when the drawing is done.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          container.dataset.renderMs = String(Math.round(performance.now() - started));
          container.dataset.state = 'ready';
        }),
      );
    });
    layout.run();

    cy.on('tap', 'node.link', (event) => callbacks.current.onSelectLink(event.target.id()));
    cy.on('tap', 'node.foreign', (event) =>
      callbacks.current.onOpenChain(String(event.target.data('chainId'))),
    );
    cy.on('tap', (event) => {
      if (event.target === cy) callbacks.current.onSelectLink(null);
    });
    cy.on('mouseover', 'node.link, node.foreign', () => {
      container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node.link, node.foreign', () => {
      container.style.cursor = '';
    });

    // A container that changes size (panel opening, window resize) leaves clicks offset until resized.
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container);

    return () => {
      observer.disconnect();
      layout.stop();
      cy.destroy();
      cyRef.current = null;
    };
  }, [elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applySelection(cy, selectedLinkId);
  }, [selectedLinkId]);

  return (
    <div className="chain-map-canvas-wrap">
      <div
        ref={containerRef}
        className="chain-map-canvas"
        data-testid="chain-map"
        role="img"
        aria-label={label}
      />
      <button
        type="button"
        className="button button-small chain-map-fit"
        onClick={() => cyRef.current?.fit(undefined, 36)}
      >
        {fitLabel}
      </button>
    </div>
  );
}

/** Arcs same-stage feeds out to the right of their column so they never run behind the nodes between. */
function bowSameStageEdges(cy: Core): void {
  cy.edges('.same-stage').forEach((edge) => {
    const dy = edge.target().position('y') - edge.source().position('y');
    // Positive distances bend to the left of the source→target direction (see edge-distances: endpoints).
    const bend = Math.min(140, 36 + Math.abs(dy) * 0.2);
    // 'endpoints' measures the bend from the edge's own ends (right sides), so the sign is predictable;
    // Cytoscape supports it, its typings do not list it, hence the untyped bypass.
    edge.style({ 'edge-distances': 'endpoints', 'control-point-distances': dy > 0 ? -bend : bend });
  });
}

function applySelection(cy: Core, linkId: string | null): void {
  cy.batch(() => {
    cy.elements(':selected').unselect();
    cy.edges('.highlighted').removeClass('highlighted');
    if (linkId === null) return;
    const node = cy.getElementById(linkId);
    if (node.empty()) return;
    node.select();
    node.connectedEdges().addClass('highlighted');
  });
}
