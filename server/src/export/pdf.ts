import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import {
  type Block,
  correctedHeading,
  correctedNote,
  correctionLines,
  followUpHeading,
  followUpLine,
  type Protocol,
  plain,
  type Run,
  roleLabels,
} from './protocol.ts';

const font = (file: string) =>
  fileURLToPath(import.meta.resolve(`@fontsource/noto-serif/files/${file}`));
/** Noto Serif, embedded (subset) so å, ä, ö and § look the same on every reader. */
const fonts = {
  regular: font('noto-serif-latin-400-normal.woff'),
  bold: font('noto-serif-latin-700-normal.woff'),
  italic: font('noto-serif-latin-400-italic.woff'),
  boldItalic: font('noto-serif-latin-700-italic.woff'),
};

const ink = '#1a1a1a';
const muted = '#555555';
const accent = '#1d3f6e';

function fontFor(run: Run): string {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

type Doc = PDFKit.PDFDocument;

function writeRuns(doc: Doc, runs: Run[], options: PDFKit.Mixins.TextOptions = {}): void {
  const visible = runs.filter((run) => run.text !== '');
  if (visible.length === 0) return;
  visible.forEach((run, index) => {
    doc.font(fontFor(run)).text(run.text, {
      ...options,
      continued: index < visible.length - 1,
      underline: run.underline === true,
      strike: run.strike === true,
    });
  });
}

function writeBlocks(doc: Doc, blocks: Block[], indent: number): void {
  const left = doc.page.margins.left + indent;
  const width = doc.page.width - doc.page.margins.right - left;
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        doc.x = left;
        writeRuns(doc, block.runs, { width, paragraphGap: 4 });
        if (block.runs.length === 0) doc.moveDown(0.4);
        break;
      case 'heading':
        doc.x = left;
        doc.fontSize(block.level <= 2 ? 12 : 11);
        writeRuns(
          doc,
          block.runs.map((run) => ({ ...run, bold: true as const })),
          { width, paragraphGap: 3 },
        );
        doc.fontSize(10.5);
        break;
      case 'list':
        block.items.forEach((item, index) => {
          doc.x = left;
          const marker = block.ordered ? `${index + 1}.` : '•';
          const y = doc.y;
          doc.font('regular').text(marker, left, y, { width: 16 });
          doc.y = y;
          writeBlocks(doc, item, indent + 16);
        });
        break;
      case 'quote':
        writeBlocks(doc, block.blocks, indent + 18);
        break;
      case 'table': {
        const columns = Math.max(...block.rows.map((row) => row.length), 1);
        const columnWidth = width / columns;
        for (const [rowIndex, row] of block.rows.entries()) {
          const header = block.headerRow && rowIndex === 0;
          const heights = row.map((cell) =>
            doc
              .font(header ? 'bold' : 'regular')
              .heightOfString(cell || ' ', { width: columnWidth - 8 }),
          );
          const height = Math.max(...heights, 12) + 6;
          if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const top = doc.y;
          row.forEach((cell, column) => {
            const x = left + column * columnWidth;
            doc.rect(x, top, columnWidth, height).strokeColor('#999999').lineWidth(0.5).stroke();
            doc
              .fillColor(ink)
              .font(header ? 'bold' : 'regular')
              .text(cell, x + 4, top + 3, { width: columnWidth - 8 });
          });
          doc.x = left;
          doc.y = top + height;
        }
        doc.moveDown(0.5);
        break;
      }
      case 'decision': {
        doc.x = left;
        doc.fillColor(accent).font('bold').text('Beslut', { width });
        doc.fillColor(ink);
        writeBlocks(doc, block.blocks, indent + 12);
        doc.x = left + 12;
        if (block.votes) {
          doc
            .font('italic')
            .text(
              `Röstning: ${block.votes.for ?? 0} för, ${block.votes.against ?? 0} emot, ${block.votes.abstain ?? 0} avstår.`,
              { width: width - 12 },
            );
        }
        if (block.reservations)
          doc.font('italic').text(`Reservation: ${block.reservations}`, { width: width - 12 });
        doc.moveDown(0.3);
        break;
      }
      case 'assignment':
        doc.x = left;
        writeRuns(
          doc,
          [
            { text: 'Uppdrag: ', bold: true },
            { text: `${block.assignee} – ` },
            ...block.runs,
            ...(block.dueDate ? [{ text: ` (senast ${block.dueDate})` }] : []),
          ],
          { width, paragraphGap: 4 },
        );
        break;
    }
  }
}

/**
 * Renders the protocol as a PDF: selectable text, embedded fonts, header with organ and date,
 * page numbers. Deterministic: the same protocol and `producedAt` give the same bytes, which is
 * what lets anyone verify a signed PDF by its SHA-256.
 */
export function renderPdf(protocol: Protocol, producedAt: Date): Promise<Buffer> {
  const heading = protocol.kind === 'minutes' ? 'Protokoll' : 'Kallelse och föredragningslista';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    info: {
      Title: `${heading}: ${protocol.title}`,
      Author: protocol.organ,
      Producer: 'Justera',
      Creator: 'Justera',
      CreationDate: producedAt,
      ModDate: producedAt,
    },
    lang: 'sv-SE',
    displayTitle: true,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('boldItalic', fonts.boldItalic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc
    .fillColor(muted)
    .font('regular')
    .fontSize(10)
    .text(protocol.organ + (protocol.minutesNumber ? `  ·  Nr ${protocol.minutesNumber}` : ''));
  doc.fillColor(ink).font('bold').fontSize(18).text(`${heading}`, { width });
  doc.font('regular').fontSize(14).text(protocol.title, { width });
  doc.moveDown(0.4).fontSize(10.5);
  for (const line of [
    protocol.date && `Datum: ${protocol.date}`,
    protocol.time && `Tid: ${protocol.time}`,
    protocol.place && `Plats: ${protocol.place}`,
    protocol.videoLink && `Videolänk: ${protocol.videoLink}`,
  ]) {
    if (line) doc.text(line);
  }
  doc.moveDown();
  if (protocol.corrections.length > 0) {
    const top = doc.y;
    const inner = { width: width - 16 };
    doc
      .font('bold')
      .fillColor(accent)
      .text(correctedHeading, doc.page.margins.left + 8, top + 6, inner);
    doc.font('regular').fillColor(ink);
    for (const line of correctionLines(protocol)) doc.text(line, inner);
    doc.font('italic').fillColor(muted).text(correctedNote, inner);
    doc
      .rect(doc.page.margins.left, top, width, doc.y - top + 6)
      .strokeColor(accent)
      .lineWidth(0.8)
      .stroke();
    doc.fillColor(ink).font('regular');
    doc.x = doc.page.margins.left;
    doc.y += 6;
    doc.moveDown();
  }

  for (const group of protocol.attendance) {
    doc.font('bold').fontSize(11).fillColor(accent).text(group.heading);
    doc.font('regular').fontSize(10.5).fillColor(ink);
    for (const person of group.people) {
      const details = [person.organisation, person.role, person.presence, person.note]
        .filter(Boolean)
        .join(', ');
      doc.text(`${person.name}${details ? ` (${details})` : ''}`, { indent: 12 });
    }
    doc.moveDown(0.5);
  }
  const officers = [
    protocol.officers.chair && `Ordförande: ${protocol.officers.chair}`,
    protocol.officers.secretary && `Sekreterare: ${protocol.officers.secretary}`,
    protocol.officers.adjusters.length > 0 &&
      `Justerare: ${protocol.officers.adjusters.join(', ')}`,
  ].filter(Boolean);
  if (officers.length > 0) {
    doc.text(officers.join('   ·   '), { width });
    doc.moveDown();
  }

  for (const paragraph of protocol.paragraphs) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc.x = doc.page.margins.left;
    doc.moveDown(0.4);
    doc
      .font('bold')
      .fontSize(12)
      .fillColor(ink)
      .text(`§ ${paragraph.label}   ${paragraph.title}${paragraph.added ? '  (tillägg)' : ''}`, {
        width,
      });
    doc.fontSize(10.5).moveDown(0.2);
    doc.fillColor(muted).font('italic');
    if (paragraph.presenter) doc.text(`Föredragande: ${paragraph.presenter}`, { width });
    if (paragraph.proposal) doc.text(`Förslag till beslut: ${paragraph.proposal}`, { width });
    for (const attachment of paragraph.attachments) doc.text(`Bilaga: ${attachment}`, { width });
    doc.fillColor(ink).font('regular');
    writeBlocks(doc, paragraph.blocks, 0);
  }

  if (protocol.followUp.length > 0) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc.x = doc.page.margins.left;
    doc.moveDown(0.4);
    doc.font('bold').fontSize(12).fillColor(ink).text(followUpHeading, { width });
    doc.fontSize(10.5).moveDown(0.2).font('regular');
    for (const followUp of protocol.followUp) {
      const y = doc.y;
      doc.text('•', doc.page.margins.left, y, { width: 16 });
      doc.text(followUpLine(followUp), doc.page.margins.left + 16, y, { width: width - 16 });
    }
    doc.x = doc.page.margins.left;
  }

  if (protocol.signatures.length > 0) {
    const limit = doc.page.height - doc.page.margins.bottom;
    if (doc.y > limit - 140) doc.addPage();
    doc.moveDown(2);
    const perRow = Math.min(3, protocol.signatures.length);
    const columnWidth = width / perRow;
    let rowTop = doc.y;
    protocol.signatures.forEach((signature, index) => {
      const column = index % perRow;
      if (column === 0 && index > 0) rowTop += 90;
      if (rowTop + 80 > limit) {
        doc.addPage();
        rowTop = doc.y;
      }
      const x = doc.page.margins.left + column * columnWidth;
      const lineWidth = columnWidth - 18;
      doc
        .moveTo(x, rowTop + 28)
        .lineTo(x + lineWidth, rowTop + 28)
        .strokeColor(ink)
        .lineWidth(0.6)
        .stroke();
      doc
        .font('regular')
        .fillColor(ink)
        .text(signature.name, x, rowTop + 32, { width: lineWidth });
      doc
        .font('italic')
        .fillColor(muted)
        .text(roleLabels[signature.role], x, rowTop + 46, { width: lineWidth });
      doc.text(
        signature.signedAt ? `Signerat ${signature.signedAt}` : 'Ej signerat',
        x,
        rowTop + 60,
        { width: lineWidth },
      );
    });
    doc.x = doc.page.margins.left;
    doc.y = rowTop + 84;
    doc.fillColor(ink);
  }
  if (protocol.adjustedOn)
    doc
      .font('regular')
      .text(`Justeringsdatum: ${protocol.adjustedOn}`, doc.page.margins.left, doc.y, { width });

  if (protocol.posting) {
    const p = protocol.posting;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 110) doc.addPage();
    doc.moveDown();
    const top = doc.y;
    doc
      .font('bold')
      .text('ANSLAG/BEVIS', doc.page.margins.left + 8, top + 8, { width: width - 16 });
    doc
      .font('regular')
      .text('Protokollet är justerat. Justeringen har tillkännagivits genom anslag.', {
        width: width - 16,
      });
    doc
      .text(`Organ: ${p.organ}`)
      .text(`Sammanträdesdatum: ${p.meetingDate ?? ''}`)
      .text(`Anslaget under tiden: ${p.postedFrom} – ${p.postedTo}`)
      .text(`Förvaringsplats för protokollet: ${p.storagePlace}`);
    doc
      .rect(doc.page.margins.left, top, width, doc.y - top + 8)
      .strokeColor('#999999')
      .lineWidth(0.5)
      .stroke();
  }

  // Header and page numbers on every page, written after the content so the total is known.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8.5).fillColor(muted);
    doc.text(
      `${protocol.organ}  ·  ${heading}${protocol.date ? `  ·  ${protocol.date}` : ''}`,
      doc.page.margins.left,
      36,
      { width, lineBreak: false },
    );
    doc.text(`Sida ${index + 1} av ${range.count}`, doc.page.margins.left, doc.page.height - 40, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

export { plain };
