/**
 * Plain-data form of item bodies: ProseMirror JSON, and a small block vocabulary that templates,
 * imports and tests use to write bodies without building JSON by hand.
 */

/** A mark on a text node, as ProseMirror JSON. */
export interface BodyMarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node of an item body, as ProseMirror JSON (the shape yXmlFragmentToProsemirrorJSON gives). */
export interface BodyJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: BodyJson[];
  text?: string;
  marks?: BodyMarkJson[];
}

/** A vote result (röstning): counts for, against and abstaining. */
export interface VoteResult {
  for: number | null;
  against: number | null;
  abstain: number | null;
}

/** An assignment block (uppdrag) as plain data. */
export interface AssignmentBlock {
  type: 'assignment';
  assignee: string;
  text: string;
  dueDate?: string | null;
}

/** A plain paragraph; a bare string in a block list means the same. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/** A list of plain-text items. */
export interface ListBlock {
  type: 'bulletList' | 'orderedList';
  items: string[];
}

/** A block a decision may hold. */
export type DecisionPart = string | ParagraphBlock | ListBlock | AssignmentBlock;

/** One block of an item body as plain data. */
export type BodyBlock =
  | string
  | ParagraphBlock
  | ListBlock
  | AssignmentBlock
  | { type: 'heading'; level?: number; text: string }
  | { type: 'table'; rows: string[][]; headerRow?: boolean }
  | { type: 'decision'; content: DecisionPart[]; votes?: VoteResult; reservations?: string };

/** What setItemBody accepts: plain blocks, or a ProseMirror `doc` JSON. */
export type BodyInput = ReadonlyArray<BodyBlock> | BodyJson;

function textContent(text: string): BodyJson[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

function withContent(type: string, content: BodyJson[], attrs?: Record<string, unknown>): BodyJson {
  const node: BodyJson = { type };
  if (attrs !== undefined) node.attrs = attrs;
  if (content.length > 0) node.content = content;
  return node;
}

function paragraph(text: string): BodyJson {
  return withContent('paragraph', textContent(text));
}

function listToJson(block: ListBlock): BodyJson {
  return withContent(
    block.type,
    block.items.map((item) => withContent('listItem', [paragraph(item)])),
  );
}

function assignmentToJson(block: AssignmentBlock): BodyJson {
  return withContent('assignment', textContent(block.text), {
    assignee: block.assignee,
    dueDate: block.dueDate ?? null,
  });
}

function decisionPartToJson(part: DecisionPart): BodyJson {
  if (typeof part === 'string') return paragraph(part);
  if (part.type === 'paragraph') return paragraph(part.text);
  if (part.type === 'assignment') return assignmentToJson(part);
  return listToJson(part);
}

/** Converts one plain block to ProseMirror JSON. */
export function blockToJson(block: BodyBlock): BodyJson {
  if (typeof block === 'string') return paragraph(block);
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.text);
    case 'heading':
      return withContent('heading', textContent(block.text), { level: block.level ?? 3 });
    case 'bulletList':
    case 'orderedList':
      return listToJson(block);
    case 'assignment':
      return assignmentToJson(block);
    case 'table': {
      const rows = block.rows.map((cells, rowIndex) =>
        withContent(
          'tableRow',
          cells.map((cell) =>
            withContent(block.headerRow === true && rowIndex === 0 ? 'tableHeader' : 'tableCell', [
              paragraph(cell),
            ]),
          ),
        ),
      );
      return withContent('table', rows);
    }
    case 'decision':
      return withContent('decision', block.content.map(decisionPartToJson), {
        votesFor: block.votes?.for ?? null,
        votesAgainst: block.votes?.against ?? null,
        votesAbstain: block.votes?.abstain ?? null,
        reservations: block.reservations ?? '',
      });
  }
}

/** True when the input is ProseMirror JSON rather than a block list. */
export function isBodyJson(input: BodyInput): input is BodyJson {
  return !Array.isArray(input);
}

/** Converts body input (blocks or JSON) to a ProseMirror `doc` JSON. */
export function bodyInputToJson(input: BodyInput): BodyJson {
  if (isBodyJson(input)) return input;
  return { type: 'doc', content: input.map(blockToJson) };
}

const inlineNodes = new Set(['text', 'hardBreak']);

/** The plain text of a node: blocks separated by newlines, hard breaks as newlines. */
export function plainText(node: BodyJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const children = node.content ?? [];
  if (children.every((child) => inlineNodes.has(child.type))) {
    return children.map(plainText).join('');
  }
  return children
    .map(plainText)
    .filter((text) => text !== '')
    .join('\n');
}
