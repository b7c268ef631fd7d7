import type { StylesheetJson } from 'cytoscape';

/** Colours shared by the canvas and its legend. */
export const kindColours = {
  local: { fill: '#1f5f9e', border: '#154878' },
  elsewhere: { fill: '#ffffff', border: '#1f5f9e' },
  link: { fill: '#d5eddc', border: '#2e7d4f' },
  chain: { fill: '#2e7d4f', border: '#1d4a30' },
  district: { fill: '#fbecc5', border: '#c58a12' },
} as const;

const fontFamily =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

export function neighbourhoodStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 22,
        height: 22,
        label: 'data(label)',
        'font-family': fontFamily,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-max-width': '110px',
        'text-wrap': 'ellipsis',
        // Labels are skipped when too small to read: thousands of them would only slow the draw.
        'min-zoomed-font-size': 8,
        'border-width': 1.5,
        color: '#1f2933',
      },
    },
    {
      selector: 'node.enterprise.local',
      style: { 'background-color': kindColours.local.fill, 'border-color': kindColours.local.border },
    },
    {
      selector: 'node.enterprise.elsewhere',
      style: { 'background-color': kindColours.elsewhere.fill, 'border-color': kindColours.elsewhere.border },
    },
    {
      selector: 'node.link',
      style: {
        shape: 'round-rectangle',
        width: 30,
        'background-color': kindColours.link.fill,
        'border-color': kindColours.link.border,
      },
    },
    {
      selector: 'node.chain, node.ecosystem',
      style: {
        shape: 'hexagon',
        width: 30,
        height: 30,
        'background-color': kindColours.chain.fill,
        'border-color': kindColours.chain.border,
      },
    },
    {
      selector: 'node.district, node.park',
      style: {
        shape: 'diamond',
        width: 28,
        height: 28,
        'background-color': kindColours.district.fill,
        'border-color': kindColours.district.border,
      },
    },
    {
      selector: 'node.centre',
      style: { width: 38, height: 38, 'font-size': 14, 'font-weight': 'bold', 'border-width': 3 },
    },
    {
      selector: 'node.focus',
      style: { 'border-color': '#e07b00', 'border-width': 4 },
    },
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#e07b00', 'overlay-opacity': 0.25, 'overlay-padding': 4 },
    },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#b7c0ca',
        'curve-style': 'haystack',
        'haystack-radius': 0,
      },
    },
    {
      selector: 'edge.rel-supplies',
      style: {
        width: 1.6,
        'line-color': '#e07b00',
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#e07b00',
        'arrow-scale': 0.8,
      },
    },
    {
      selector: 'edge.rel-leads',
      style: { width: 2, 'line-color': '#7a3fb0' },
    },
    {
      selector: 'edge.rel-feeds',
      style: { 'line-style': 'dashed', 'line-color': '#2e7d4f' },
    },
  ];
}
