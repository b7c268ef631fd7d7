import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import dagre, { type DagreLayoutOptions } from 'cytoscape-dagre';
import { useEffect, useRef } from 'react';
import type { EditorElement } from './to-editor-elements.ts';

cytoscape.use(dagre);

interface MapEditorCanvasProps {
  elements: EditorElement[];
  selectedLinkId: string | null;
  selectedFeed: string | null;
  /** The source picked while drawing a FEEDS edge, highlighted until the target is picked. */
  drawSource: string | null;
  onTapNode: (id: string) => void;
  onTapFeed: (from: string, to: string) => void;
  onTapBackground: () => void;
  label: string;
}

const highlight = '#e07b00';
const fontFamily =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

const style: StylesheetJson = [
  {
    selector: 'node.link, node.foreign',
    style: {
      shape: 'round-rectangle',
      width: 150,
      height: 44,
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-family': fontFamily,
      'font-size': 13,
      'background-color': '#e3eef9',
      'border-width': 1.5,
      'border-color': '#6f9fcf',
      color: '#1f3550',
    },
  },
  { selector: 'node.stage-midstream', style: { 'background-color': '#d6f0e4', 'border-color': '#5ba37f' } },
  { selector: 'node.stage-downstream', style: { 'background-color': '#f4e7d3', 'border-color': '#c4914a' } },
  {
    selector: 'node.foreign',
    style: {
      'background-color': '#ffffff',
      'border-style': 'dashed',
      'border-color': '#b07a1f',
      'font-size': 12,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': highlight } },
  {
    selector: 'node.draw-source',
    style: { 'border-width': 4, 'border-color': '#b3433a', 'border-style': 'double' },
  },
  {
    selector: 'edge.feed',
    style: {
      width: 2,
      'curve-style': 'bezier',
      'line-color': '#8592a0',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#8592a0',
    },
  },
  { selector: 'edge.cross-chain', style: { 'line-style': 'dashed', 'line-color': '#b07a1f' } },
  {
    selector: 'edge:selected',
    style: { width: 4.5, 'line-color': highlight, 'target-arrow-color': highlight, 'z-index': 10 },
  },
  { selector: '.scaffold', style: { width: 1, height: 1, opacity: 0, events: 'no', label: '' } },
];

/** Owns the editor's Cytoscape instance: created for each set of elements, destroyed on unmount. */
export function MapEditorCanvas({
  elements,
  selectedLinkId,
  selectedFeed,
  drawSource,
  onTapNode,
  onTapFeed,
  onTapBackground,
  label,
}: MapEditorCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // Callbacks change on every render; through a ref they do not rebuild the graph.
  const callbacks = useRef({ onTapNode, onTapFeed, onTapBackground });
  callbacks.current = { onTapNode, onTapFeed, onTapBackground };
  const selection = useRef({ selectedLinkId, selectedFeed, drawSource });
  selection.current = { selectedLinkId, selectedFeed, drawSource };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Browser tests wait for `data-state="ready"`.
    container.dataset.state = 'layout';
    const cy = cytoscape({
      container,
      // Cytoscape mutates the data it is given; hand it copies.
      elements: elements.map((element) => ({ ...element, data: { ...element.data } })),
      style,
      autoungrabify: true,
      boxSelectionEnabled: false,
      minZoom: 0.1,
      maxZoom: 2.5,
    });
    cyRef.current = cy;
    const options: DagreLayoutOptions = {
      name: 'dagre',
      rankDir: 'LR',
      nodeSep: 14,
      rankSep: 40,
      // Anchor to anchor spans two ranks, leaving exactly one rank (the stage's column) in between.
      minLen: (edge) => (edge.source().hasClass('scaffold') && edge.target().hasClass('scaffold') ? 2 : 1),
      fit: false,
      animate: false,
    };
    // FEEDS edges do not shape the layout: feeds within a stage or backwards would break the columns.
    const layout = cy.elements().not('edge.feed').layout(options);
    layout.one('layoutstop', () => {
      applySelection(cy, selection.current);
      cy.fit(undefined, 30);
      container.dataset.state = 'ready';
    });
    layout.run();

    cy.on('tap', 'node.link, node.foreign', (event) => callbacks.current.onTapNode(event.target.id()));
    cy.on('tap', 'edge.feed', (event) =>
      callbacks.current.onTapFeed(String(event.target.data('source')), String(event.target.data('target'))),
    );
    cy.on('tap', (event) => {
      if (event.target === cy) callbacks.current.onTapBackground();
    });
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
    if (cy) applySelection(cy, { selectedLinkId, selectedFeed, drawSource });
  }, [selectedLinkId, selectedFeed, drawSource]);

  return (
    <div
      ref={containerRef}
      className="admin-map-canvas"
      data-testid="admin-map-canvas"
      role="img"
      aria-label={label}
    />
  );
}

function applySelection(
  cy: Core,
  current: { selectedLinkId: string | null; selectedFeed: string | null; drawSource: string | null },
): void {
  cy.batch(() => {
    cy.elements(':selected').unselect();
    cy.nodes('.draw-source').removeClass('draw-source');
    if (current.selectedLinkId) cy.getElementById(current.selectedLinkId).select();
    if (current.selectedFeed) cy.getElementById(current.selectedFeed).select();
    if (current.drawSource) cy.getElementById(current.drawSource).addClass('draw-source');
  });
}
