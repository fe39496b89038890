import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingShape } from '../../../server/src/sync/validation/meetingShape.ts';
import { textOnly } from '../../../server/src/sync/validation/shape.ts';
import { UpdateValidator } from '../../../server/src/sync/validation/updateValidator.ts';
import {
  addAdjuster,
  addAttendee,
  addItem,
  itemBody,
  itemTitle,
  moveItem,
  removeItem,
  setItemBody,
  setMeta,
  setOfficer,
  setServerMeta,
} from '../../../shared/doc/index.ts';

/**
 * A room's document and one client's copy. `check` runs an edit on the client and returns the
 * validator's verdict on the update it produced; a refused edit is rolled back by giving the
 * client a fresh copy of the room, as a reconnecting client would get.
 */
function setUp(shape = meetingShape) {
  const room = new Y.Doc();
  let client = new Y.Doc();
  const validator = new UpdateValidator(room, shape);
  const check = (edit: (doc: Y.Doc) => void): string | null => {
    const before = Y.encodeStateVector(room);
    edit(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const problem = validator.check(Y.decodeUpdate(update));
    if (problem === null) {
      Y.applyUpdate(room, update);
    } else {
      client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    }
    return problem;
  };
  /** Something the server itself writes (no validation), synced to the client. */
  const serverWrites = (edit: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    edit(room);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room, before));
  };
  return { room, check, serverWrites };
}

/** The first block of an item body. */
const firstBlock = (doc: Y.Doc, itemId: string) => itemBody(doc, itemId).get(0) as Y.XmlElement;
/** The text of the first block of an item body. */
const firstText = (doc: Y.Doc, itemId: string) => firstBlock(doc, itemId).get(0) as Y.XmlText;

describe('the update validator accepts what the meeting model writes', () => {
  it('accepts items, bodies with decisions, assignments and tables, attendance and officers', () => {
    const { room, check } = setUp();
    expect(check((doc) => setMeta(doc, { title: 'Styrelsemöte', firstParagraphNumber: 47 }))).toBe(
      null,
    );
    let first = '';
    expect(
      check((doc) => {
        first = addItem(doc, {
          kind: 'decision',
          title: 'Budget 2024',
          proposal: 'Styrelsen föreslås besluta att fastställa budgeten',
          attachments: [{ label: 'Bilaga 2', title: 'Budget' }],
          body: [
            'Förbundschefen redogör för budgeten.',
            { type: 'bulletList', items: ['intäkter', 'kostnader'] },
            {
              type: 'table',
              rows: [
                ['Post', 'Belopp'],
                ['Lön', '100'],
              ],
              headerRow: true,
            },
            {
              type: 'decision',
              content: ['Styrelsen beslutar att fastställa budgeten.'],
              votes: { for: 5, against: 1, abstain: 0 },
              reservations: 'Anna Ek reserverar sig.',
            },
            {
              type: 'assignment',
              assignee: 'Ola Andersson',
              text: 'bjuda in Jonas',
              dueDate: '2023-11-01',
            },
          ],
        });
      }),
    ).toBe(null);
    expect(check((doc) => addItem(doc, { title: 'Övrigt' }, { before: first }))).toBe(null);
    expect(
      check((doc) => {
        const person = addAttendee(doc, { name: 'Anita Löfgren', category: 'beslutande' });
        setOfficer(doc, 'chair', { personId: person, name: 'Anita Löfgren' });
        addAdjuster(doc, { personId: null, name: 'Jonas Berg' });
      }),
    ).toBe(null);
    expect(room.getMap('items').size).toBe(2);
  });

  it('accepts typing, formatting, moving and removing in small incremental updates', () => {
    const { check } = setUp();
    let a = '';
    let b = '';
    check((doc) => {
      a = addItem(doc, { title: 'Öppnande', body: ['Mötet öppnas.'] });
      b = addItem(doc, { title: 'Avslutning' });
    });
    // Typing in the middle of existing text produces items with an origin and no parent.
    expect(check((doc) => itemTitle(doc, a).insert(3, 'X'))).toBe(null);
    expect(check((doc) => firstText(doc, a).insert(5, ' snabbt'))).toBe(null);
    expect(check((doc) => firstText(doc, a).format(0, 5, { bold: {} }))).toBe(null);
    expect(check((doc) => firstText(doc, a).format(0, 5, { bold: null }))).toBe(null);
    expect(
      check((doc) => firstText(doc, a).format(0, 3, { link: { href: 'https://example.se' } })),
    ).toBe(null);
    expect(check((doc) => firstText(doc, a).delete(0, 2))).toBe(null);
    expect(check((doc) => moveItem(doc, b, { before: a }))).toBe(null);
    expect(check((doc) => setItemBody(doc, b, ['Mötet avslutas.']))).toBe(null);
    expect(check((doc) => removeItem(doc, a))).toBe(null);
  });
});

describe('the update validator refuses what does not fit the meeting document', () => {
  it('refuses a root the meeting document does not have', () => {
    const { check } = setUp();
    expect(check((doc) => doc.getText('minutes').insert(0, 'x'))).toMatch(
      /unknown document root "minutes"/,
    );
  });

  it('refuses an unknown meta field and a meta value of the wrong type', () => {
    const { check } = setUp();
    expect(check((doc) => doc.getMap('meta').set('secret', 'x'))).toMatch(/unknown field "secret"/);
    expect(check((doc) => doc.getMap('meta').set('firstParagraphNumber', 'sju'))).toMatch(
      /meta\.firstParagraphNumber/,
    );
    expect(check((doc) => doc.getMap('meta').set('title', new Y.Text('x')))).toMatch(/plain value/);
  });

  it('refuses writes to server-owned lifecycle fields, including deleting them', () => {
    const { check, serverWrites } = setUp();
    expect(check((doc) => doc.getMap('meta').set('locked', false))).toMatch(
      /meta\.locked is written only by the server/,
    );
    expect(check((doc) => doc.getMap('meta').set('status', 'signed'))).toMatch(/server/);
    serverWrites((doc) => setServerMeta(doc, 'status', 'inSession'));
    expect(check((doc) => doc.getMap('meta').delete('status'))).toMatch(
      /meta\.status is written only by the server/,
    );
  });

  it('refuses unknown item fields, invalid ids and fields of the wrong type', () => {
    const { check } = setUp();
    let id = '';
    check((doc) => {
      id = addItem(doc, { title: 'Ärende' });
    });
    expect(
      check((doc) => (doc.getMap('items').get(id) as Y.Map<unknown>).set('hidden', 1)),
    ).toMatch(/unknown field "hidden"/);
    expect(
      check((doc) => (doc.getMap('items').get(id) as Y.Map<unknown>).set('title', 'text')),
    ).toMatch(/items\.\w+\.title must be text/);
    expect(
      check((doc) => (doc.getMap('items').get(id) as Y.Map<unknown>).set('kind', 'party')),
    ).toMatch(/kind/);
    expect(check((doc) => doc.getMap('items').set('bad id!', new Y.Map()))).toMatch(
      /not a valid id/,
    );
    expect(check((doc) => doc.getMap('items').set('x', 'not a map'))).toMatch(/must be a map/);
  });

  it('refuses unknown block types, unknown attributes and attributes of the wrong type', () => {
    const { check } = setUp();
    let id = '';
    check((doc) => {
      id = addItem(doc, { body: [{ type: 'decision', content: ['Beslut.'] }] });
    });
    expect(check((doc) => itemBody(doc, id).insert(0, [new Y.XmlElement('script')]))).toMatch(
      /a "script" block is not allowed in "doc"/,
    );
    expect(check((doc) => firstBlock(doc, id).setAttribute('onclick', 'x'))).toMatch(
      /"decision" has no attribute "onclick"/,
    );
    expect(check((doc) => firstBlock(doc, id).setAttribute('votesFor', 'många' as never))).toMatch(
      /attribute "votesFor" of "decision" must be count\|null/,
    );
    // A table row straight in the body breaks the content expression: Tiptap would delete it.
    expect(check((doc) => itemBody(doc, id).insert(0, [new Y.XmlElement('tableRow')]))).toMatch(
      /not allowed in "doc"/,
    );
    expect(check((doc) => itemBody(doc, id).insert(0, [new Y.XmlText('lös text')]))).toMatch(
      /text is not allowed in "doc"/,
    );
  });

  it('refuses unknown formatting and unsafe link targets', () => {
    const { check } = setUp();
    let id = '';
    check((doc) => {
      id = addItem(doc, { body: ['Text'] });
    });
    expect(check((doc) => firstText(doc, id).format(0, 2, { color: { value: 'red' } }))).toMatch(
      /unknown formatting "color"/,
    );
    expect(
      check((doc) => firstText(doc, id).format(0, 2, { link: { href: 'javascript:alert(1)' } })),
    ).toMatch(/href/);
  });

  it('refuses embeds and formatting in plain-text titles', () => {
    const { check } = setUp();
    let id = '';
    check((doc) => {
      id = addItem(doc, { title: 'Titel' });
    });
    expect(check((doc) => itemTitle(doc, id).insertEmbed(0, { image: 'x' }))).toMatch(/plain text/);
    expect(check((doc) => itemTitle(doc, id).format(0, 2, { bold: true }))).toMatch(/plain text/);
  });

  it('refuses an update whose parent the server does not have', () => {
    const { check } = setUp();
    const other = new Y.Doc();
    const id = addItem(other, { title: 'Okänt' });
    const before = Y.encodeStateVector(other);
    itemTitle(other, id).insert(0, 'x');
    const validator = new UpdateValidator(new Y.Doc(), meetingShape);
    expect(validator.check(Y.decodeUpdate(Y.encodeStateAsUpdate(other, before)))).toMatch(
      /depends on content the server does not have/,
    );
    expect(check(() => undefined)).toBe(null);
  });

  it('has a slot for every root name of the meeting model', async () => {
    const { rootNames } = await import('../../../shared/doc/index.ts');
    expect(Object.keys(meetingShape.roots).sort()).toEqual([...rootNames].sort());
  });
});

describe('the text-only shape of adjusters (justerare)', () => {
  it('lets them correct titles and bodies but not add, move, remove or re-kind items', () => {
    const full = setUp();
    let a = '';
    let b = '';
    full.check((doc) => {
      a = addItem(doc, { title: 'Budget', body: ['Styrelsen beslutar att'] });
      b = addItem(doc, { title: 'Övrigt' });
      addAttendee(doc, { name: 'Anna Ek', category: 'beslutande' });
    });
    // The adjuster's room starts from the same content.
    const adjuster = setUp(textOnly(meetingShape));
    Y.applyUpdate(adjuster.room, Y.encodeStateAsUpdate(full.room));
    adjuster.serverWrites(() => undefined);
    expect(adjuster.check((doc) => itemTitle(doc, a).insert(0, 'Ny '))).toBe(null);
    expect(adjuster.check((doc) => firstText(doc, a).insert(0, 'Rättat: '))).toBe(null);
    expect(adjuster.check((doc) => firstText(doc, a).delete(0, 3))).toBe(null);
    expect(adjuster.check((doc) => addItem(doc, { title: 'Eget' }))).toMatch(/only existing text/);
    expect(adjuster.check((doc) => moveItem(doc, b, { before: a }))).toMatch(/only existing text/);
    expect(adjuster.check((doc) => removeItem(doc, a))).toMatch(/only existing text/);
    expect(adjuster.check((doc) => setMeta(doc, { title: 'Annat möte' }))).toMatch(
      /only existing text/,
    );
    expect(
      adjuster.check((doc) => addAttendee(doc, { name: 'Smygare', category: 'beslutande' })),
    ).toMatch(/only existing text/);
  });
});

describe('an item the room already has in part', () => {
  /** A room with two items where Anna typed "abc" into the first's title, and Anna's copy. */
  function annaTyped() {
    const room = new Y.Doc();
    const itemId = addItem(room, { title: 'Ärende' });
    const otherId = addItem(room, { title: 'Övrigt' });
    const anna = new Y.Doc();
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(room));
    const sent = Y.encodeStateVector(room);
    const before = Y.encodeStateAsUpdate(room);
    itemTitle(anna, itemId).insert(6, 'abc');
    Y.applyUpdate(room, Y.encodeStateAsUpdate(anna, sent));
    const validator = new UpdateValidator(room, meetingShape);
    return { room, anna, itemId, otherId, sent, before, validator };
  }

  it('accepts a merged copy that continues where the room is, and applies only the new part', () => {
    const { room, anna, itemId, sent, validator } = annaTyped();
    itemTitle(anna, itemId).insert(9, 'def');
    // Anna's sync reply to a state vector from before "abc": one struct, "abcdef", merged.
    const merged = Y.encodeStateAsUpdate(anna, sent);
    const decoded = Y.decodeUpdate(merged);
    expect(decoded.structs.filter((struct) => struct.id.client === anna.clientID)).toHaveLength(1);
    expect(validator.check(decoded)).toBe(null);
    Y.applyUpdate(room, merged);
    expect(itemTitle(room, itemId).toString()).toBe('Ärendeabcdef');
  });

  it('refuses a forged item under the same client id that overlaps it from another place', () => {
    const { room, anna, itemId, otherId, before, validator } = annaTyped();
    // A forger who takes Anna's client id and types five characters into the other item's
    // title: clocks 0–4 overlap Anna's "abc" (0–2), and Yjs would link the last two right
    // after her "c", in a list the forger's item does not belong to.
    const forger = new Y.Doc();
    forger.clientID = anna.clientID;
    Y.applyUpdate(forger, before);
    const stateBefore = Y.encodeStateVector(forger);
    itemTitle(forger, otherId).insert(0, 'XXXXX');
    const forged = Y.encodeStateAsUpdate(forger, stateBefore);
    expect(validator.check(Y.decodeUpdate(forged))).toMatch(/overlaps content of another place/);
    expect(itemTitle(room, itemId).toString()).toBe('Ärendeabc');
  });
});
