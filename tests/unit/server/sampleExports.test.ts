import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalMinutes, sha256 } from '../../../server/src/export/canonical.ts';
import { renderDocx } from '../../../server/src/export/docx.ts';
import { renderHtml } from '../../../server/src/export/html.ts';
import { renderMarkdown } from '../../../server/src/export/markdown.ts';
import { renderPdf } from '../../../server/src/export/pdf.ts';
import { buildProtocol } from '../../../server/src/export/protocol.ts';
import { decisionsOfMeeting, readMeeting } from '../../../shared/doc/index.ts';
import {
  buildSample,
  nns2020,
  type SampleProtocol,
  skaraborg2023,
  uppsala2016,
} from '../../fixtures/samples/index.ts';
import { docxText, htmlText, markdownText, pdfText, squash } from '../../helpers/documents.ts';

const samples: SampleProtocol[] = [nns2020, skaraborg2023, uppsala2016];

function protocolOf(sample: SampleProtocol) {
  const doc = buildSample(sample).ydoc;
  const snapshot = readMeeting(doc);
  const protocol = buildProtocol(snapshot, {
    kind: 'minutes',
    organ: sample.meta.board ?? '',
    signatures: [
      ...(snapshot.officers.chair
        ? [
            {
              role: 'chair' as const,
              name: snapshot.officers.chair.name,
              signedAt: '2026-11-27 10:00',
            },
          ]
        : []),
      ...snapshot.officers.adjusters.map((adjuster) => ({
        role: 'adjuster' as const,
        name: adjuster.name,
        signedAt: '2026-11-27 10:05',
      })),
      ...(snapshot.officers.secretary
        ? [
            {
              role: 'secretary' as const,
              name: snapshot.officers.secretary.name,
              signedAt: '2026-11-27 10:10',
            },
          ]
        : []),
    ],
    adjustedOn: '2026-11-27',
    posting: sample.posting ? { ...sample.posting, storagePlace: 'Kansliet' } : null,
  });
  return { doc, snapshot, protocol };
}

describe('exports of the sample protocols', () => {
  for (const sample of samples) {
    it(`renders ${sample.name} to PDF, DOCX, HTML and Markdown holding every §, decision, attendee and signer`, async () => {
      const { doc, snapshot, protocol } = protocolOf(sample);
      const pdf = await renderPdf(protocol, new Date('2026-11-27T09:10:00Z'));
      const docx = await renderDocx(protocol);
      // Kept for review: `pdftoppm -png -r 60` of these gives the fixtures in tests/fixtures/rendered.
      const out = join('tests', 'e2e', 'screenshots', 'exports');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `${sample.name}.pdf`), pdf);

      const { text, pages } = await pdfText(pdf);
      const word = docxText(docx).text;
      expect(pages).toBeGreaterThan(0);
      // Running headers and page numbers may fall in the middle of a paragraph; read around them.
      const header = squash(`${protocol.organ} · Protokoll · ${protocol.date ?? ''}`);
      const pdfBody = squash(text)
        .split(header)
        .join('')
        .replace(/Sida\d+av\d+/g, '');
      const sources: Array<[string, string]> = [
        ['pdf', pdfBody],
        ['docx', squash(word)],
        ['html', squash(htmlText(renderHtml(protocol)))],
        ['md', squash(markdownText(renderMarkdown(protocol)))],
      ];
      for (const [source, content] of sources) {
        for (const item of snapshot.items.filter((entry) => !entry.removedAfterApproval)) {
          expect(content, `${source}: § ${item.label}`).toContain(squash(`§ ${item.label}`));
          expect(content, `${source}: ${item.title}`).toContain(squash(item.title));
        }
        for (const decision of decisionsOfMeeting(doc)) {
          // Assignments inside a decision are led by their assignee in the layout, so the text
          // before the first assignment and each assignment are checked on their own.
          const first = decision.assignments[0];
          const before = first ? (decision.text.split(first.text)[0] ?? '') : decision.text;
          expect(content, `${source}: decision in § ${decision.label}`).toContain(squash(before));
          for (const assignment of decision.assignments) {
            expect(content, `${source}: assignee`).toContain(squash(assignment.assignee));
            expect(content, `${source}: assignment`).toContain(squash(assignment.text));
          }
        }
        for (const person of snapshot.attendance)
          expect(content, `${source}: ${person.name}`).toContain(squash(person.name));
        for (const signature of protocol.signatures)
          expect(content).toContain(squash(signature.name));
      }
      expect(text).toMatch(/Sida 1 av \d+/);
      expect(text).toContain('å');
    });
  }

  it('shows partial presence ("§ 1–4") of the people who came or left during the meeting, in every format', async () => {
    const { protocol } = protocolOf(nns2020);
    const pdf = squash((await pdfText(await renderPdf(protocol, new Date(0)))).text);
    const word = squash(docxText(await renderDocx(protocol)).text);
    const html = squash(htmlText(renderHtml(protocol)));
    const md = squash(markdownText(renderMarkdown(protocol)));
    // Typed from the original: Bergström left after § 4, Grahn after § 5, Mård came for § 8.
    const expected = [
      'Mattias Bergström (SCÖ Linköping, § 1–4)',
      'Samuel Grahn (SOF Halland, § 1–5)',
      'Tobias Mård (SOF RAR, ekonomistöd, § 8)',
    ];
    for (const [format, content] of Object.entries({ pdf, word, html, md })) {
      for (const line of expected) expect(content, format).toContain(squash(line));
    }
    // Everyone else was there throughout, and the absent have no range.
    expect(pdf).toContain(squash('Marie Svensson (SOF RAR i Sörmland, ordförande)'));
    expect(pdf).toContain(squash('Angela Fash (SOF Insjöriket)'));
  });

  it('gives the same canonical bytes and the same PDF bytes for the same document', async () => {
    const first = protocolOf(nns2020).protocol;
    const second = protocolOf(nns2020).protocol;
    expect(sha256(canonicalMinutes(first))).toBe(sha256(canonicalMinutes(second)));
    const at = new Date('2026-11-27T09:10:00Z');
    expect(sha256(await renderPdf(first, at))).toBe(sha256(await renderPdf(second, at)));
  });
});
