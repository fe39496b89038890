import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { BodyJson } from './bodyJson.ts';
import {
  type BodyAttrType,
  bodyMarkAttributes,
  bodyNodeAttributes,
  bodySchema,
} from './bodySchema.ts';

/** One problem found in an item body: where (a JSON path) and what. */
export interface BodyIssue {
  path: string;
  message: string;
}

/** Deeper nesting than this is refused outright (bodies of minutes are shallow). */
export const maxBodyDepth = 40;

const safeUrl = /^(https?:|mailto:|tel:|[^:]*$)/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` has the attribute type `type`. */
export function matchesAttrType(value: unknown, type: BodyAttrType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'count|null':
      return value === null || (Number.isInteger(value) && (value as number) >= 0);
    case 'integerArray|null':
      return value === null || (Array.isArray(value) && value.every((v) => Number.isInteger(v)));
    case 'date|null':
      return value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
    case 'url|null':
      return value === null || (typeof value === 'string' && safeUrl.test(value.trim()));
  }
}

function checkAttrs(
  attrs: unknown,
  allowed: Record<string, BodyAttrType>,
  what: string,
  path: string,
  issues: BodyIssue[],
): void {
  if (attrs === undefined) return;
  if (!isRecord(attrs)) {
    issues.push({ path, message: `${what}: attrs must be an object` });
    return;
  }
  for (const [name, value] of Object.entries(attrs)) {
    const type = allowed[name];
    if (type === undefined) {
      issues.push({ path, message: `${what}: unknown attribute "${name}"` });
    } else if (!matchesAttrType(value, type)) {
      issues.push({ path, message: `${what}: attribute "${name}" must be ${type}` });
    }
  }
}

function checkMarks(marks: unknown, path: string, issues: BodyIssue[]): void {
  if (marks === undefined) return;
  if (!Array.isArray(marks)) {
    issues.push({ path, message: 'marks must be an array' });
    return;
  }
  marks.forEach((mark: unknown, index) => {
    const markPath = `${path}.marks[${index}]`;
    if (!isRecord(mark) || typeof mark.type !== 'string') {
      issues.push({ path: markPath, message: 'a mark needs a type' });
      return;
    }
    const allowed = (bodyMarkAttributes as Record<string, Record<string, BodyAttrType>>)[mark.type];
    if (allowed === undefined) {
      issues.push({ path: markPath, message: `unknown mark "${mark.type}"` });
      return;
    }
    checkAttrs(mark.attrs, allowed, `mark ${mark.type}`, markPath, issues);
  });
}

function checkNode(node: unknown, path: string, depth: number, issues: BodyIssue[]): void {
  if (depth > maxBodyDepth) {
    issues.push({ path, message: `nesting deeper than ${maxBodyDepth}` });
    return;
  }
  if (!isRecord(node) || typeof node.type !== 'string') {
    issues.push({ path, message: 'a node needs a type' });
    return;
  }
  const allowed = (bodyNodeAttributes as Record<string, Record<string, BodyAttrType>>)[node.type];
  if (allowed === undefined) {
    issues.push({ path, message: `unknown node type "${node.type}"` });
    return;
  }
  if (node.type === 'doc' && depth > 0) issues.push({ path, message: 'doc inside a body' });
  checkAttrs(node.attrs, allowed, node.type, path, issues);
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') {
      issues.push({ path, message: 'a text node needs non-empty string text' });
    }
    checkMarks(node.marks, path, issues);
    return;
  }
  if (node.marks !== undefined) issues.push({ path, message: `${node.type} cannot carry marks` });
  if (node.content === undefined) return;
  if (!Array.isArray(node.content)) {
    issues.push({ path, message: 'content must be an array' });
    return;
  }
  node.content.forEach((child: unknown, index) => {
    checkNode(child, `${path}.content[${index}]`, depth + 1, issues);
  });
}

/**
 * Checks body JSON against the body schema: known nodes, marks and attributes with the right
 * types, then ProseMirror's own content and mark checks via nodeFromJSON().check().
 */
export function validateBodyJson(json: unknown): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (!isRecord(json) || json.type !== 'doc') {
    return [{ path: '$', message: 'a body must be a doc node' }];
  }
  checkNode(json, '$', 0, issues);
  if (issues.length > 0) return issues;
  try {
    bodySchema.nodeFromJSON(json).check();
  } catch (error) {
    // ProseMirror reports content-expression and mark-set violations by throwing.
    issues.push({ path: '$', message: error instanceof Error ? error.message : String(error) });
  }
  return issues;
}

/**
 * Reads a body fragment as ProseMirror JSON without touching it. Unlike
 * yXmlFragmentToProseMirrorRootNode this never deletes invalid content from the live doc.
 */
export function readBodyJson(fragment: Y.XmlFragment): BodyJson {
  return yXmlFragmentToProsemirrorJSON(fragment) as BodyJson;
}

/** Validates a body fragment (safe on a live doc: it reads, never writes). */
export function validateItemBody(fragment: Y.XmlFragment): BodyIssue[] {
  let json: unknown;
  try {
    json = readBodyJson(fragment);
  } catch (error) {
    // The JSON reader throws on shared types that are neither XmlElement nor XmlText.
    return [{ path: '$', message: error instanceof Error ? error.message : String(error) }];
  }
  return validateBodyJson(json);
}
