import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  type Block,
  correctedHeading,
  correctedNote,
  correctionLines,
  followUpHeading,
  followUpLine,
  officerLines,
  type Protocol,
  type Run,
  roleLabels,
} from './protocol.ts';

function runs(list: Run[], extra: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return list.flatMap((run) =>
    run.text.split('\n').map(
      (part, index) =>
        new TextRun({
          text: part,
          break: index > 0 ? 1 : 0,
          bold: run.bold === true || extra.bold === true,
          italics: run.italic === true || extra.italics === true,
          ...(run.underline ? { underline: {} } : {}),
          strike: run.strike === true,
        }),
    ),
  );
}

type Child = Paragraph | Table;

function blocks(list: Block[], level = 0): Child[] {
  const children: Child[] = [];
  for (const block of list) {
    switch (block.type) {
      case 'paragraph':
        children.push(new Paragraph({ children: runs(block.runs), indent: { left: level * 360 } }));
        break;
      case 'heading':
        children.push(
          new Paragraph({
            children: runs(block.runs),
            heading: block.level <= 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
          }),
        );
        break;
      case 'list':
        for (const item of block.items) {
          item.forEach((inner, index) => {
            if (inner.type === 'paragraph' && index === 0) {
              children.push(
                new Paragraph({
                  children: runs(inner.runs),
                  numbering: {
                    reference: block.ordered ? 'numbered' : 'bullets',
                    level: Math.min(level, 2),
                  },
                }),
              );
            } else {
              children.push(...blocks([inner], level + 1));
            }
          });
        }
        break;
      case 'quote':
        children.push(...blocks(block.blocks, level + 1));
        break;
      case 'table':
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row, index) =>
                new TableRow({
                  tableHeader: block.headerRow && index === 0,
                  children: row.map(
                    (cell) =>
                      new TableCell({
                        children: [
                          new Paragraph({
                            children: [
                              new TextRun({ text: cell, bold: block.headerRow && index === 0 }),
                            ],
                          }),
                        ],
                      }),
                  ),
                }),
            ),
          }),
        );
        break;
      case 'decision':
        children.push(
          new Paragraph({
            children: [new TextRun({ text: 'Beslut', bold: true })],
            indent: { left: level * 360 },
          }),
        );
        children.push(...blocks(block.blocks, level + 1));
        if (block.votes) {
          children.push(
            new Paragraph({
              indent: { left: (level + 1) * 360 },
              children: [
                new TextRun({
                  text: `Röstning: ${block.votes.for ?? 0} för, ${block.votes.against ?? 0} emot, ${block.votes.abstain ?? 0} avstår.`,
                  italics: true,
                }),
              ],
            }),
          );
        }
        if (block.reservations) {
          children.push(
            new Paragraph({
              indent: { left: (level + 1) * 360 },
              children: [
                new TextRun({ text: `Reservation: ${block.reservations}`, italics: true }),
              ],
            }),
          );
        }
        break;
      case 'assignment':
        children.push(
          new Paragraph({
            indent: { left: level * 360 },
            children: [
              new TextRun({ text: 'Uppdrag: ', bold: true }),
              new TextRun(`${block.assignee} – `),
              ...runs(block.runs),
              ...(block.dueDate ? [new TextRun(` (senast ${block.dueDate})`)] : []),
            ],
          }),
        );
        break;
    }
  }
  return children;
}

/** The protocol as a Word document with real headings, lists and tables (boards go on in Word). */
export async function renderDocx(protocol: Protocol): Promise<Buffer> {
  const heading = protocol.kind === 'minutes' ? 'Protokoll' : 'Kallelse och föredragningslista';
  const body: Child[] = [
    new Paragraph({ children: [new TextRun({ text: protocol.organ, color: '555555' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(heading)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(protocol.title)] }),
  ];
  for (const line of [
    protocol.minutesNumber && `Protokoll nr ${protocol.minutesNumber}`,
    protocol.date && `Datum: ${protocol.date}`,
    protocol.time && `Tid: ${protocol.time}`,
    protocol.place && `Plats: ${protocol.place}`,
    protocol.videoLink && `Videolänk: ${protocol.videoLink}`,
    ...officerLines(protocol),
  ]) {
    if (line) body.push(new Paragraph(line));
  }
  if (protocol.corrections.length > 0) {
    const frame = { style: BorderStyle.SINGLE, size: 8, color: '1D3F6E', space: 4 };
    const border = { top: frame, bottom: frame, left: frame, right: frame };
    body.push(
      new Paragraph({
        border,
        children: [new TextRun({ text: correctedHeading, bold: true, color: '1D3F6E' })],
      }),
      ...correctionLines(protocol).map((line) => new Paragraph({ border, text: line })),
      new Paragraph({ border, children: [new TextRun({ text: correctedNote, italics: true })] }),
    );
  }
  for (const group of protocol.attendance) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(group.heading)] }),
    );
    for (const person of group.people) {
      const details = [person.organisation, person.role, person.presence, person.note]
        .filter(Boolean)
        .join(', ');
      body.push(
        new Paragraph({
          text: `${person.name}${details ? ` (${details})` : ''}`,
          numbering: { reference: 'bullets', level: 0 },
        }),
      );
    }
  }
  for (const paragraph of protocol.paragraphs) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [
          new TextRun(
            `§ ${paragraph.label} ${paragraph.title}${paragraph.added ? ' (tillägg)' : ''}`,
          ),
        ],
      }),
    );
    if (paragraph.presenter)
      body.push(
        new Paragraph({
          children: [new TextRun({ text: `Föredragande: ${paragraph.presenter}`, italics: true })],
        }),
      );
    if (paragraph.proposal)
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: `Förslag till beslut: ${paragraph.proposal}`, italics: true }),
          ],
        }),
      );
    for (const attachment of paragraph.attachments)
      body.push(
        new Paragraph({
          children: [new TextRun({ text: `Bilaga: ${attachment}`, italics: true })],
        }),
      );
    body.push(...blocks(paragraph.blocks));
  }
  if (protocol.followUp.length > 0) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(followUpHeading)] }),
      ...protocol.followUp.map(
        (followUp) =>
          new Paragraph({
            text: followUpLine(followUp),
            numbering: { reference: 'bullets', level: 0 },
          }),
      ),
    );
  }
  if (protocol.signatures.length > 0) {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Underskrifter')] }),
    );
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: {
          top: none,
          bottom: none,
          left: none,
          right: none,
          insideHorizontal: none,
          insideVertical: none,
        },
        rows: [
          new TableRow({
            children: protocol.signatures.map(
              (signature) =>
                new TableCell({
                  children: [
                    new Paragraph({ text: '' }),
                    new Paragraph({
                      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000' } },
                      children: [new TextRun(signature.name)],
                    }),
                    new Paragraph({
                      children: [new TextRun({ text: roleLabels[signature.role], italics: true })],
                    }),
                    new Paragraph({
                      children: [
                        new TextRun({
                          text: signature.signedAt
                            ? `Signerat ${signature.signedAt}`
                            : 'Ej signerat',
                          size: 18,
                        }),
                      ],
                    }),
                  ],
                }),
            ),
          }),
        ],
      }),
    );
  }
  if (protocol.adjustedOn) body.push(new Paragraph(`Justeringsdatum: ${protocol.adjustedOn}`));
  if (protocol.posting) {
    const p = protocol.posting;
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Anslag/bevis')] }),
      new Paragraph('Protokollet är justerat. Justeringen har tillkännagivits genom anslag.'),
      new Paragraph(`Organ: ${p.organ}`),
      new Paragraph(`Sammanträdesdatum: ${p.meetingDate ?? ''}`),
      new Paragraph(`Anslaget under tiden: ${p.postedFrom} – ${p.postedTo}`),
      new Paragraph(`Förvaringsplats för protokollet: ${p.storagePlace}`),
    );
  }
  const document = new Document({
    creator: 'Justera',
    title: `${heading}: ${protocol.title}`,
    description: protocol.organ,
    styles: { default: { document: { run: { font: 'Cambria', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
        {
          reference: 'numbered',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: `${protocol.organ} · ${heading}${protocol.date ? ` · ${protocol.date}` : ''}`,
                    size: 16,
                    color: '555555',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
