import type { Trace } from '../types.js';

/** Formats the reuse network is written in: GraphML and GEXF (Gephi, yEd, networkx, igraph) or CSV tables. */
export type NetworkFormat = 'graphml' | 'gexf' | 'csv';

/** Whether the nodes are articles, or the sites that publish them. */
export type NetworkNodes = 'articles' | 'sites';

type Value = string | number | boolean | null;

interface Attribute {
  name: string;
  type: 'string' | 'double' | 'int' | 'boolean';
}

/** A node and its attribute values (in the order of the node attributes). */
interface Node {
  id: string;
  label: string;
  values: Value[];
}

/** An edge from the source of the text to the article that reuses it. */
interface Edge {
  source: string;
  target: string;
  weight: number;
  values: Value[];
}

export interface Network {
  nodeAttributes: Attribute[];
  edgeAttributes: Attribute[];
  nodes: Node[];
  edges: Edge[];
}

const ARTICLE_ATTRIBUTES: Attribute[] = [
  { name: 'url', type: 'string' },
  { name: 'site', type: 'string' },
  { name: 'published', type: 'string' },
  { name: 'verdict', type: 'string' },
  { name: 'coverage', type: 'double' },
];

const ARTICLE_EDGE_ATTRIBUTES: Attribute[] = [
  { name: 'coverage', type: 'double' },
  { name: 'sourceCoverage', type: 'double' },
  { name: 'parent', type: 'boolean' },
];

const SITE_ATTRIBUTES: Attribute[] = [
  { name: 'articles', type: 'int' },
  { name: 'copies', type: 'int' },
  { name: 'copyShare', type: 'double' },
];

const SITE_EDGE_ATTRIBUTES: Attribute[] = [
  { name: 'articles', type: 'int' },
  { name: 'meanCoverage', type: 'double' },
];

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * The reuse network of traced articles: each article (or site) a node; an
 * edge from each source to the article that reuses it, weighted by the
 * share of the article's words it gave (for sites: by the number of the
 * target site's articles that reuse the source site's, with their mean
 * coverage). Edges point the way the text went: source → copy.
 */
export async function reuseNetwork(traces: AsyncIterable<Trace>, nodes: NetworkNodes): Promise<Network> {
  return nodes === 'sites' ? siteNetwork(traces) : articleNetwork(traces);
}

async function articleNetwork(traces: AsyncIterable<Trace>): Promise<Network> {
  const network: Network = { nodeAttributes: ARTICLE_ATTRIBUTES, edgeAttributes: ARTICLE_EDGE_ATTRIBUTES, nodes: [], edges: [] };
  for await (const t of traces) {
    network.nodes.push({ id: t.url, label: t.title ?? t.url, values: [t.url, t.site, t.published, t.verdict, round(t.coverage)] });
    for (const s of t.sources) {
      network.edges.push({ source: s.url, target: t.url, weight: round(s.coverage), values: [round(s.coverage), round(s.sourceCoverage), s.url === t.parent] });
    }
  }
  return network;
}

async function siteNetwork(traces: AsyncIterable<Trace>): Promise<Network> {
  const sites = new Map<string, { articles: number; copies: number }>();
  const pairs = new Map<string, { source: string; target: string; articles: number; coverage: number }>();
  for await (const t of traces) {
    const site = sites.get(t.site) ?? { articles: 0, copies: 0 };
    site.articles++;
    if (t.verdict !== 'original') site.copies++;
    sites.set(t.site, site);
    // an article counts once per source site, with its largest coverage from it
    const fromSite = new Map<string, number>();
    for (const s of t.sources) if (s.site !== t.site) fromSite.set(s.site, Math.max(fromSite.get(s.site) ?? 0, s.coverage));
    for (const [source, coverage] of fromSite) {
      const key = JSON.stringify([source, t.site]);
      const pair = pairs.get(key) ?? { source, target: t.site, articles: 0, coverage: 0 };
      pair.articles++;
      pair.coverage += coverage;
      pairs.set(key, pair);
    }
  }
  // a source site with no traced article of its own still appears as a node
  for (const pair of pairs.values()) if (!sites.has(pair.source)) sites.set(pair.source, { articles: 0, copies: 0 });
  return {
    nodeAttributes: SITE_ATTRIBUTES,
    edgeAttributes: SITE_EDGE_ATTRIBUTES,
    nodes: [...sites].map(([id, s]) => ({ id, label: id, values: [s.articles, s.copies, s.articles ? round(s.copies / s.articles) : 0] })),
    edges: [...pairs.values()].map((p) => ({ source: p.source, target: p.target, weight: p.articles, values: [p.articles, round(p.coverage / p.articles)] })),
  };
}

/** The network in a format, as text. CSV gives the edges table; `nodesCsv` gives the nodes table. */
export function writeNetwork(network: Network, format: NetworkFormat): string {
  if (format === 'graphml') return graphml(network);
  if (format === 'gexf') return gexf(network);
  return csv(['Source', 'Target', 'Type', 'Weight', ...network.edgeAttributes.map((a) => a.name)], network.edges.map((e) => [e.source, e.target, 'Directed', e.weight, ...e.values]));
}

/** The nodes of a network as a CSV table (Gephi's nodes table: Id, Label, then the attributes). */
export function nodesCsv(network: Network): string {
  return csv(['Id', 'Label', ...network.nodeAttributes.map((a) => a.name)], network.nodes.map((n) => [n.id, n.label, ...n.values]));
}

// ---- writers ----

/** Characters XML 1.0 cannot hold at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe for XML content and attribute values: every markup character escaped. */
function xml(value: Value): string {
  return String(value ?? '')
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const GRAPHML_TYPES: Record<Attribute['type'], string> = { string: 'string', double: 'double', int: 'int', boolean: 'boolean' };

function graphml(n: Network): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  ];
  n.nodeAttributes.forEach((a, k) => out.push(`  <key id="n${k}" for="node" attr.name="${xml(a.name)}" attr.type="${GRAPHML_TYPES[a.type]}"/>`));
  out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  n.edgeAttributes.forEach((a, k) => out.push(`  <key id="e${k}" for="edge" attr.name="${xml(a.name)}" attr.type="${GRAPHML_TYPES[a.type]}"/>`));
  out.push('  <graph id="reuse" edgedefault="directed">');
  const data = (key: string, value: Value): string => (value === null ? '' : `<data key="${key}">${xml(value)}</data>`);
  for (const node of n.nodes) {
    out.push(`    <node id="${xml(node.id)}">${data('label', node.label)}${node.values.map((v, k) => data(`n${k}`, v)).join('')}</node>`);
  }
  n.edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}">${data('weight', e.weight)}${e.values.map((v, k) => data(`e${k}`, v)).join('')}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

const GEXF_TYPES: Record<Attribute['type'], string> = { string: 'string', double: 'double', int: 'integer', boolean: 'boolean' };

function gexf(n: Network): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>newstrace</creator><description>reuse network: edges go from the source to the article that reuses it</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
  ];
  const declare = (cls: string, attributes: Attribute[]): void => {
    out.push(`    <attributes class="${cls}">`);
    attributes.forEach((a, k) => out.push(`      <attribute id="${k}" title="${xml(a.name)}" type="${GEXF_TYPES[a.type]}"/>`));
    out.push('    </attributes>');
  };
  declare('node', n.nodeAttributes);
  declare('edge', n.edgeAttributes);
  const values = (vs: Value[]): string =>
    `<attvalues>${vs.map((v, k) => (v === null ? '' : `<attvalue for="${k}" value="${xml(v)}"/>`)).join('')}</attvalues>`;
  out.push('    <nodes>');
  for (const node of n.nodes) out.push(`      <node id="${xml(node.id)}" label="${xml(node.label)}">${values(node.values)}</node>`);
  out.push('    </nodes>', '    <edges>');
  n.edges.forEach((e, i) => {
    out.push(`      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}">${values(e.values)}</edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

/** RFC 4180 CSV; a field that a spreadsheet would run as a formula is prefixed with a quote. */
function csv(header: string[], rows: Value[][]): string {
  const field = (value: Value): string => {
    let s = value === null ? '' : String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
