import type * as Y from 'yjs';
import { itemsMap } from './access.ts';
import type { ItemKind } from './constants.ts';
import { DocError } from './errors.ts';
import { addItem } from './items.ts';
import { type MetaPatch, setMeta } from './meta.ts';
import type { BodyBlock } from './schema/bodyJson.ts';

/** One item of a meeting template, optionally with sub-items. */
export interface TemplateItem {
  kind: ItemKind;
  title: string;
  proposal?: string;
  body?: BodyBlock[];
  children?: TemplateItem[];
}

/** A template of standard agenda items (dagordningsmall). */
export interface MeetingTemplate {
  name: string;
  items: TemplateItem[];
}

/** The standard agenda of a Swedish board meeting (styrelsemöte). */
export const standardBoardMeetingTemplate: MeetingTemplate = {
  name: 'Styrelsemöte',
  items: [
    {
      kind: 'formality',
      title: 'Mötets öppnande',
      body: ['Ordföranden hälsar alla välkomna och förklarar mötet öppnat.'],
    },
    { kind: 'formality', title: 'Val av justerare' },
    {
      kind: 'formality',
      title: 'Godkännande av dagordning',
      proposal: 'Dagordningen godkänns.',
    },
    {
      kind: 'formality',
      title: 'Föregående mötesprotokoll',
      proposal: 'Protokollet läggs till handlingarna.',
    },
    { kind: 'information', title: 'Rapporter' },
    { kind: 'decision', title: 'Beslutsärenden' },
    { kind: 'discussion', title: 'Övriga frågor' },
    { kind: 'formality', title: 'Nästa sammanträde' },
    {
      kind: 'formality',
      title: 'Mötets avslutande',
      body: ['Ordföranden tackar för visat intresse och förklarar mötet avslutat.'],
    },
  ],
};

/** Header fields of a new meeting; the first § number is required (§§ run on over a year). */
export type NewMeeting = MetaPatch & { firstParagraphNumber: number };

/**
 * Fills an empty meeting document from a template, in one transaction, and returns the new item
 * ids in agenda order. Run it once, where the meeting is created (the server), not on every
 * client: two clients filling the same document at once would get every item twice.
 */
export function createMeetingFromTemplate(
  doc: Y.Doc,
  meeting: NewMeeting,
  template: MeetingTemplate = standardBoardMeetingTemplate,
): string[] {
  if (itemsMap(doc).size > 0) throw new DocError('not_empty', 'the meeting already has items');
  const ids: string[] = [];
  const add = (item: TemplateItem, parentId: string | null): void => {
    const itemId = addItem(
      doc,
      {
        kind: item.kind,
        title: item.title,
        ...(item.proposal === undefined ? {} : { proposal: item.proposal }),
        ...(item.body === undefined ? {} : { body: item.body }),
      },
      { parentId },
    );
    ids.push(itemId);
    for (const child of item.children ?? []) add(child, itemId);
  };
  doc.transact(() => {
    setMeta(doc, meeting);
    for (const item of template.items) add(item, null);
  });
  return ids;
}
