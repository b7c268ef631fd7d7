import type { StylesheetJson } from 'cytoscape';

/** Colours shared by the canvas and the legend, so the two cannot drift apart. */
export const levelColours: Record<number, { fill: string; border: string; text: string }> = {
  // Level 0 is "missing": a warm, muted red that stands apart from the blue sequence.
  0: { fill: '#f7e1dc', border: '#c2554a', text: '#7d2a22' },
  1: { fill: '#e3eef9', border: '#9ebfe0', text: '#1f3550' },
  2: { fill: '#b3d1ee', border: '#6f9fcf', text: '#1f3550' },
  3: { fill: '#5b9bd5', border: '#3a78b5', text: '#ffffff' },
  4: { fill: '#1f5f9e', border: '#154878', text: '#ffffff' },
};

/** Gap classes (强链/弱链/缺链): green, amber, red, each light enough to read dark text on. */
export const gapColours: Record<
  'strong' | 'weak' | 'missing' | 'unknown',
  { fill: string; border: string; text: string }
> = {
  strong: { fill: '#d5eddc', border: '#2e7d4f', text: '#1d4a30' },
  weak: { fill: '#fbecc5', border: '#c58a12', text: '#5e4206' },
  missing: { fill: '#f7e1dc', border: '#c2554a', text: '#7d2a22' },
  unknown: { fill: '#eef1f4', border: '#9aa5b1', text: '#3b4654' },
};
export const leaderBorderColour = '#7a3fb0';
export const staleBorderColour = '#8a5a00';

export const foreignColours = { fill: '#ffffff', border: '#b07a1f', text: '#6b4a12' };
export const feedColour = '#8592a0';
export const crossFeedColour = '#b07a1f';
const highlightColour = '#e07b00';

const fontFamily =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

export function chainMapStyle(): StylesheetJson {
  const levelStyles: StylesheetJson = Object.entries(levelColours).map(([level, colour]) => ({
    selector: `node.count-level-${level}`,
    style: { 'background-color': colour.fill, 'border-color': colour.border, color: colour.text },
  }));

  return [
    {
      selector: 'node',
      style: { 'font-family': fontFamily, 'min-zoomed-font-size': 6 },
    },
    {
      selector: 'node.link, node.foreign',
      style: {
        shape: 'round-rectangle',
        width: 144,
        // Room for three lines: English names often wrap once above the count.
        height: 62,
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '134px',
        'text-valign': 'center',
        'text-halign': 'center',
        'font-size': 15,
        'line-height': 1.3,
        'border-width': 1.5,
      },
    },
    ...levelStyles,
    // After the count levels, so a map drawn with the gap analysis shows its classes instead.
    ...Object.entries(gapColours).map(([gapClass, colour]) => ({
      selector: `node.gap-${gapClass}`,
      style: { 'background-color': colour.fill, 'border-color': colour.border, color: colour.text },
    })),
    {
      selector: 'node.has-leader',
      style: { 'border-width': 3, 'border-color': leaderBorderColour, 'font-weight': 'bold' },
    },
    {
      selector: 'node.stale',
      // Dotted in the class's own colour, so the gap class stays readable on a stale link.
      style: { 'border-style': 'dotted', 'border-width': 2.5 },
    },
    {
      selector: 'node.foreign',
      style: {
        'background-color': foreignColours.fill,
        'border-color': foreignColours.border,
        'border-style': 'dashed',
        color: foreignColours.text,
        'font-size': 13,
      },
    },
    {
      selector: 'node.stage-band',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f4f6f9',
        'border-width': 1,
        'border-color': '#dde3ea',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -8,
        'font-size': 20,
        'font-weight': 'bold',
        color: '#3b4654',
        padding: '20px',
        events: 'no',
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 3.5, 'border-color': highlightColour },
    },
    {
      selector: 'edge.feed',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'line-color': feedColour,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': feedColour,
        'arrow-scale': 0.9,
      },
    },
    {
      selector: 'edge.cross-chain',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': crossFeedColour,
        'target-arrow-color': crossFeedColour,
      },
    },
    {
      selector: 'edge.same-stage',
      style: {
        'curve-style': 'unbundled-bezier',
        'source-endpoint': '50% 0%',
        'target-endpoint': '50% 0%',
        'control-point-weights': 0.5,
        'control-point-distances': -40,
      },
    },
    {
      selector: 'edge.highlighted',
      style: {
        width: 3,
        'line-color': highlightColour,
        'target-arrow-color': highlightColour,
        'z-index': 10,
      },
    },
    {
      selector: '.scaffold',
      style: { width: 1, height: 1, opacity: 0, events: 'no', label: '' },
    },
  ];
}
