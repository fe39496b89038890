/**
 * Documents the scenarios write, all through the shared/doc API (the only writes Justera's
 * validator accepts); the reference servers get exactly the same updates.
 */
import * as Y from 'yjs';
import {
  addItem,
  createMeetingFromTemplate,
  itemProposal,
  type NewItem,
  readItems,
  setServerMeta,
} from '../../shared/doc/index.ts';
import {
  nns2020,
  type SampleItem,
  skaraborg2023,
  uppsala2016,
} from '../../tests/fixtures/samples/index.ts';

export const meetingDate = '2026-11-27';

/**
 * Fills `doc` the way Justera's POST /api/boards/:id/meetings does (standard agenda, status
 * draft), so reference-server rooms hold the same document a new Justera meeting holds.
 */
export function writeNewMeeting(doc: Y.Doc, title = 'Styrelsemöte'): void {
  createMeetingFromTemplate(doc, {
    title,
    board: 'Bench',
    kind: 'board',
    date: meetingDate,
    firstParagraphNumber: 1,
  });
  setServerMeta(doc, 'status', 'draft');
}

/** The state of a new meeting as one update (seeds reference-server rooms). */
export function newMeetingUpdate(): Uint8Array {
  const doc = new Y.Doc();
  writeNewMeeting(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Every item (sub-items included) of the three sample protocols, in reading order. */
function sampleItems(): SampleItem[] {
  const out: SampleItem[] = [];
  const visit = (items: SampleItem[]) => {
    for (const item of items) {
      out.push(item);
      visit(item.children ?? []);
    }
  };
  for (const sample of [skaraborg2023, nns2020, uppsala2016]) visit(sample.items);
  return out;
}

/**
 * `count` §§ of real minutes: the items of the sample protocols (titles, proposals, presenters,
 * bodies with decisions, lists and assignments), cycled until there are `count`.
 */
export function minutesItems(count: number): NewItem[] {
  const pool = sampleItems();
  const items: NewItem[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = pool[i % pool.length] as SampleItem;
    const round = Math.floor(i / pool.length);
    items.push({
      kind: source.kind,
      title: round === 0 ? source.title : `${source.title} (${round + 1})`,
      ...(source.presenter === undefined ? {} : { presenter: source.presenter }),
      ...(source.proposal === undefined ? {} : { proposal: source.proposal }),
      ...(source.body === undefined ? {} : { body: source.body }),
    });
  }
  return items;
}

/** Adds `items` to `doc` in transactions of `perTransaction` (one update each); returns the count of updates. */
export function addItemsInBatches(doc: Y.Doc, items: NewItem[], perTransaction = 20): number {
  let updates = 0;
  for (let start = 0; start < items.length; start += perTransaction) {
    doc.transact(() => {
      for (const item of items.slice(start, start + perTransaction)) addItem(doc, item);
    });
    updates += 1;
  }
  return updates;
}

/** Ids of the items in agenda order. */
export function itemIds(doc: Y.Doc): string[] {
  return readItems(doc).map((item) => item.id);
}

/**
 * A typist on one item's proposal text (förslag till beslut): one character per update, at the
 * end, deleting from the start once the text is long so it stays under the document limits.
 */
export class Typist {
  private readonly text: Y.Text;
  private typed = 0;
  private static readonly phrase =
    'Styrelsen beslutar att godkänna förslaget och ger förbundschefen i uppdrag att återkomma. ';

  constructor(
    readonly doc: Y.Doc,
    itemId: string,
  ) {
    this.text = itemProposal(doc, itemId);
  }

  /** Types one character (one update); returns the number of characters typed so far. */
  type(): number {
    const char = Typist.phrase[this.typed % Typist.phrase.length] as string;
    this.doc.transact(() => {
      if (this.text.length >= 2000) this.text.delete(0, 1);
      this.text.insert(this.text.length, char);
    });
    this.typed += 1;
    return this.typed;
  }
}

/** The proposal text of an item, or null when the item is missing. */
export function itemProposalText(doc: Y.Doc, itemId: string): string | null {
  try {
    return itemProposal(doc, itemId).toString();
  } catch {
    return null;
  }
}
