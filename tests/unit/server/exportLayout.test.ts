import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../server/src/export/docx.ts';
import { renderHtml } from '../../../server/src/export/html.ts';
import { renderMarkdown } from '../../../server/src/export/markdown.ts';
import { renderPdf } from '../../../server/src/export/pdf.ts';
import { buildProtocol, type ProtocolContext } from '../../../server/src/export/protocol.ts';
import { MeetingDoc } from '../../../shared/doc/index.ts';
import { buildSample, nns2020 } from '../../fixtures/samples/index.ts';
import {
  docxText,
  htmlText,
  markdownText,
  pdfFontsUsed,
  pdfPageRuns,
  pdfText,
  squash,
} from '../../helpers/documents.ts';

const unsigned: Omit<ProtocolContext, 'kind'> = {
  organ: '',
  signatures: [],
  adjustedOn: null,
  posting: null,
};

const nnsMinutes = () =>
  buildProtocol(buildSample(nns2020).readMeeting(), { ...unsigned, kind: 'minutes' });

/** A meeting whose items have presenters, proposals, attachments, lists and a table. */
function preparedMeeting(): MeetingDoc {
  const doc = new MeetingDoc();
  doc.setMeta({ title: 'Styrelsemöte', board: 'Föreningen Ekorren', date: '2026-11-27' });
  doc.addItem({
    id: 'budget',
    kind: 'decision',
    title: 'Budget 2027',
    presenter: 'Kassören Åsa Öberg',
    proposal: 'Styrelsen fastställer budgeten för 2027.',
    attachments: [
      { label: '1', title: 'Budgetförslag 2027' },
      { label: '2', title: 'Utfall 2026' },
    ],
    body: [
      'Kassören går igenom förslaget.',
      { type: 'bulletList', items: ['Intäkter från medlemsavgifter', 'Bidrag från kommunen'] },
      { type: 'orderedList', items: ['Löner', 'Lokalhyra'] },
      {
        type: 'table',
        headerRow: true,
        rows: [
          ['Post', 'Belopp'],
          ['Intäkter', '120 000'],
          ['Kostnader', '95 000'],
        ],
      },
      { type: 'decision', content: ['Styrelsen beslutar att fastställa budgeten.'] },
    ],
  });
  doc.addItem({ id: 'other', kind: 'discussion', title: 'Övriga frågor' });
  return doc;
}

describe('the PDF export', () => {
  it('embeds the font programs it draws with (subset Noto Serif), not only standard-14 fonts', async () => {
    const pdf = await renderPdf(nnsMinutes(), new Date(0));
    const raw = Buffer.from(pdf).toString('latin1');
    const descriptors = raw.match(/<<[^>]*\/Type \/FontDescriptor[^>]*>>/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(3);
    for (const descriptor of descriptors) expect(descriptor).toMatch(/\/FontFile[23] \d+ 0 R/);
    // Nothing left to the reader's own fonts (Helvetica, Times, Courier, Symbol, ZapfDingbats).
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
    const fonts = await pdfFontsUsed(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSerif-Bold',
      'NotoSerif-Italic',
      'NotoSerif-Regular',
    ]);
    expect(fonts.every((font) => !font.missingFile)).toBe(true);
  });

  it('runs a header (organ · Protokoll · date) at the top and "Sida n av N" at the foot of every page', async () => {
    const protocol = nnsMinutes();
    const pages = await pdfPageRuns(await renderPdf(protocol, new Date(0)));
    expect(pages.length).toBeGreaterThan(2);
    const header = squash(`${protocol.organ} · Protokoll · 2020-05-28`);
    pages.forEach(({ height, runs }, index) => {
      const top = runs.filter((run) => run.y > height - 50);
      const foot = runs.filter((run) => run.y < 50);
      expect(squash(top.map((run) => run.text).join('')), `page ${index + 1}`).toBe(header);
      expect(foot.map((run) => run.text).join(''), `page ${index + 1}`).toBe(
        `Sida ${index + 1} av ${pages.length}`,
      );
    });
  });

  it('heads the notice "Kallelse och föredragningslista" on every page', async () => {
    const doc = preparedMeeting();
    const notice = buildProtocol(doc.readMeeting(), { ...unsigned, kind: 'notice' });
    const pages = await pdfPageRuns(await renderPdf(notice, new Date(0)));
    for (const { height, runs } of pages) {
      const top = runs.filter((run) => run.y > height - 50);
      expect(squash(top.map((run) => run.text).join(''))).toBe(
        squash('Föreningen Ekorren · Kallelse och föredragningslista · 2026-11-27'),
      );
    }
  });
});

describe('the DOCX export', () => {
  /** numId → list format of level 0 ("bullet", "decimal"), from word/numbering.xml. */
  function listFormats(files: Record<string, Uint8Array>): Map<string, string> {
    const xml = new TextDecoder().decode(files['word/numbering.xml']);
    const abstract = new Map<string, string>();
    for (const match of xml.matchAll(
      /<w:abstractNum [^>]*w:abstractNumId="(\d+)"[\s\S]*?<w:lvl w:ilvl="0"[\s\S]*?<w:numFmt w:val="(\w+)"/g,
    ))
      abstract.set(match[1] ?? '', match[2] ?? '');
    const formats = new Map<string, string>();
    for (const match of xml.matchAll(
      /<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"/g,
    ))
      formats.set(match[1] ?? '', abstract.get(match[2] ?? '') ?? '');
    return formats;
  }

  it('writes lists as real Word numbering and tables as w:tbl, with a repeating header row', async () => {
    const doc = preparedMeeting();
    const protocol = buildProtocol(doc.readMeeting(), { ...unsigned, kind: 'minutes' });
    const files = unzipSync(new Uint8Array(await renderDocx(protocol)));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const formats = listFormats(files);
    const formatOf = (text: string) => {
      const paragraph = xml
        .split('</w:p>')
        .find((part) => part.includes(`<w:t xml:space="preserve">${text}</w:t>`));
      expect(paragraph, text).toBeDefined();
      const numId = /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(paragraph ?? '')?.[1];
      return numId === undefined ? null : formats.get(numId);
    };
    expect(formatOf('Intäkter från medlemsavgifter')).toBe('bullet');
    expect(formatOf('Bidrag från kommunen')).toBe('bullet');
    expect(formatOf('Löner')).toBe('decimal');
    expect(formatOf('Lokalhyra')).toBe('decimal');
    expect(formatOf('Kassören går igenom förslaget.')).toBeNull();

    // The body's table (the signature block is a table too, but has no signatures here).
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    const cells = rows.map((row) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => cell.replace(/<[^>]+>/g, '')),
    );
    expect(cells).toEqual([
      ['Post', 'Belopp'],
      ['Intäkter', '120 000'],
      ['Kostnader', '95 000'],
    ]);
    expect(xml).toContain('w:pStyle w:val="Heading2"');
  });
});

describe('the notice (kallelse och föredragningslista)', () => {
  it('lists every item with presenter, proposal and attachments in every format, and no minutes', async () => {
    const doc = preparedMeeting();
    const notice = buildProtocol(doc.readMeeting(), { ...unsigned, kind: 'notice' });
    const contents = {
      pdf: squash((await pdfText(await renderPdf(notice, new Date(0)))).text),
      docx: squash(docxText(await renderDocx(notice)).text),
      html: squash(htmlText(renderHtml(notice))),
      md: squash(markdownText(renderMarkdown(notice))),
    };
    for (const [format, content] of Object.entries(contents)) {
      for (const text of [
        'Kallelse och föredragningslista',
        '§ 1 Budget 2027',
        'Föredragande: Kassören Åsa Öberg',
        'Förslag till beslut: Styrelsen fastställer budgeten för 2027.',
        'Bilaga: 1: Budgetförslag 2027',
        'Bilaga: 2: Utfall 2026',
        '§ 2 Övriga frågor',
      ])
        expect(content, `${format}: ${text}`).toContain(squash(text));
      // What is written at the meeting is not part of the notice.
      expect(content, format).not.toContain(squash('Kassören går igenom förslaget.'));
      expect(content, format).not.toContain(squash('fastställa budgeten.'));
    }
  });
});

describe('the meeting header of the minutes', () => {
  it('names the place, the video link and the officers (ordförande, sekreterare, justerare) in every format', async () => {
    const doc = preparedMeeting();
    doc.setMeta({
      place: 'Stadshuset, sal 3',
      videoLink: 'https://meet.example/abc',
      startTime: '18:00',
      endTime: '20:15',
    });
    const anita = doc.addAttendee({ name: 'Anita Löfgren', category: 'beslutande' });
    doc.setOfficer('chair', { personId: null, name: 'Ulla-Karin Cannervik' });
    doc.setOfficer('secretary', { personId: null, name: 'Amanda Hermansson' });
    doc.addAdjuster({ personId: anita, name: 'Anita Löfgren' });
    doc.addAdjuster({ personId: null, name: 'Björn Thodenius' });
    const minutes = buildProtocol(doc.readMeeting(), { ...unsigned, kind: 'minutes' });
    const contents = {
      pdf: squash((await pdfText(await renderPdf(minutes, new Date(0)))).text),
      docx: squash(docxText(await renderDocx(minutes)).text),
      html: squash(htmlText(renderHtml(minutes))),
      md: squash(markdownText(renderMarkdown(minutes))),
    };
    for (const [format, content] of Object.entries(contents)) {
      for (const text of [
        'Tid: 18:00–20:15',
        'Plats: Stadshuset, sal 3',
        'Videolänk: https://meet.example/abc',
        'Ordförande: Ulla-Karin Cannervik',
        'Sekreterare: Amanda Hermansson',
        'Justerare: Anita Löfgren, Björn Thodenius',
      ])
        expect(content, `${format}: ${text}`).toContain(squash(text));
    }
  });
});
