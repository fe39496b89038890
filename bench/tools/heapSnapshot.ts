/**
 * Reading V8 heap snapshots (`.heapsnapshot`, as `--heapsnapshot-signal` writes them) for the
 * tools beside this file: the flat node and edge arrays with the offsets of their fields, and
 * the name the tools print for a node.
 */
import { readFileSync } from 'node:fs';

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[]];
      edge_fields: string[];
      edge_types: [string[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface HeapSnapshot {
  nodes: number[];
  edges: number[];
  strings: string[];
  /** Numbers per node and per edge in the flat arrays. */
  nodeWidth: number;
  edgeWidth: number;
  /** Offsets of the fields within a node or an edge. */
  node: { type: number; name: number; id: number; selfSize: number; edgeCount: number };
  edge: { type: number; nameOrIndex: number; toNode: number };
  nodeTypes: string[];
  edgeTypes: string[];
}

export function loadSnapshot(file: string): HeapSnapshot {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
  const { node_fields, node_types, edge_fields, edge_types } = raw.snapshot.meta;
  return {
    nodes: raw.nodes,
    edges: raw.edges,
    strings: raw.strings,
    nodeWidth: node_fields.length,
    edgeWidth: edge_fields.length,
    node: {
      type: node_fields.indexOf('type'),
      name: node_fields.indexOf('name'),
      id: node_fields.indexOf('id'),
      selfSize: node_fields.indexOf('self_size'),
      edgeCount: node_fields.indexOf('edge_count'),
    },
    edge: {
      type: edge_fields.indexOf('type'),
      nameOrIndex: edge_fields.indexOf('name_or_index'),
      toNode: edge_fields.indexOf('to_node'),
    },
    nodeTypes: node_types[0],
    edgeTypes: edge_types[0],
  };
}

/** `object:Name` / `closure:name` for objects and functions, `(type)` for V8's internals. */
export function nodeLabel(snap: HeapSnapshot, node: number): string {
  const type = snap.nodeTypes[snap.nodes[node + snap.node.type] as number] ?? '?';
  const name = snap.strings[snap.nodes[node + snap.node.name] as number] ?? '?';
  return type === 'object' || type === 'closure' ? `${type}:${name}` : `(${type})`;
}
