import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DocError } from '../errors.ts';
import { type BodyInput, bodyInputToJson } from './bodyJson.ts';
import { bodySchema } from './bodySchema.ts';
import { validateBodyJson } from './validateBody.ts';

/**
 * Writes body content into a fragment that is already part of a Y.Doc. The fragment is diffed
 * against the new content (y-tiptap's updateYFragment), so unchanged blocks keep their identity.
 * Invalid content is refused before anything is written.
 */
export function writeBody(fragment: Y.XmlFragment, input: BodyInput): void {
  const json = bodyInputToJson(input);
  const issues = validateBodyJson(json);
  if (issues.length > 0) {
    const first = issues[0];
    throw new DocError('invalid_body', `${first?.path}: ${first?.message}`);
  }
  prosemirrorJSONToYXmlFragment(bodySchema, json, fragment);
}
