import {
  type Block,
  correctedHeading,
  correctedNote,
  correctionLines,
  followUpHeading,
  followUpLine,
  officerLines,
  type Protocol,
  plain,
  type Run,
  roleLabels,
} from './protocol.ts';

function inline(runs: Run[]): string {
  return runs
    .map((run) => {
      let text = run.text.replace(/([\\*_`[\]#<>])/g, '\\$1').replace(/\n/g, '  \n');
      if (run.bold) text = `**${text}**`;
      if (run.italic) text = `*${text}*`;
      if (run.strike) text = `~~${text}~~`;
      return text;
    })
    .join('');
}

function blocks(list: Block[], indent = ''): string[] {
  const lines: string[] = [];
  for (const block of list) {
    switch (block.type) {
      case 'paragraph':
        lines.push(`${indent}${inline(block.runs)}`, '');
        break;
      case 'heading':
        lines.push(
          `${indent}${'#'.repeat(Math.min(6, block.level + 2))} ${inline(block.runs)}`,
          '',
        );
        break;
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '-';
          const [first = '', ...rest] = blocks(item, `${indent}   `).filter((line) => line !== '');
          lines.push(`${indent}${marker} ${first.trimStart()}`, ...rest);
        });
        lines.push('');
        break;
      case 'quote':
        lines.push(...blocks(block.blocks).map((line) => `${indent}> ${line}`), '');
        break;
      case 'table': {
        const [head = [], ...rest] = block.rows;
        const width = Math.max(...block.rows.map((row) => row.length), 1);
        const row = (cells: string[]) =>
          `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
        lines.push(row(head), `|${' --- |'.repeat(width)}`, ...rest.map(row), '');
        break;
      }
      case 'decision':
        lines.push(`${indent}**Beslut**`, '', ...blocks(block.blocks, indent));
        if (block.votes) {
          lines.push(
            `${indent}Röstning: ${block.votes.for ?? 0} för, ${block.votes.against ?? 0} emot, ${block.votes.abstain ?? 0} avstår.`,
            '',
          );
        }
        if (block.reservations) lines.push(`${indent}Reservation: ${block.reservations}`, '');
        break;
      case 'assignment':
        lines.push(
          `${indent}**Uppdrag:** ${block.assignee} — ${inline(block.runs)}${block.dueDate ? ` (senast ${block.dueDate})` : ''}`,
          '',
        );
        break;
    }
  }
  return lines;
}

/** The protocol as Markdown, for machines and quick reading. */
export function renderMarkdown(protocol: Protocol): string {
  const lines: string[] = [
    `# ${protocol.kind === 'minutes' ? 'Protokoll' : 'Kallelse och föredragningslista'}: ${protocol.title}`,
    '',
    `**${protocol.organ}**${protocol.minutesNumber ? ` — nr ${protocol.minutesNumber}` : ''}`,
    '',
    [
      protocol.date && `Datum: ${protocol.date}`,
      protocol.time && `Tid: ${protocol.time}`,
      protocol.place && `Plats: ${protocol.place}`,
      protocol.videoLink && `Videolänk: ${protocol.videoLink}`,
    ]
      .filter(Boolean)
      .join('  \n'),
    '',
  ];
  const officers = officerLines(protocol);
  if (officers.length > 0) lines.push(officers.join('  \n'), '');
  if (protocol.corrections.length > 0) {
    lines.push(
      `> **${correctedHeading}**`,
      '>',
      ...correctionLines(protocol).map((line) => `> ${line}  `),
      `> *${correctedNote}*`,
      '',
    );
  }
  for (const group of protocol.attendance) {
    lines.push(`## ${group.heading}`, '');
    for (const person of group.people) {
      const details = [person.organisation, person.role, person.presence, person.note]
        .filter(Boolean)
        .join(', ');
      lines.push(`- ${person.name}${details ? ` (${details})` : ''}`);
    }
    lines.push('');
  }
  for (const paragraph of protocol.paragraphs) {
    lines.push(
      `## § ${paragraph.label} ${paragraph.title}${paragraph.added ? ' (tillägg)' : ''}`,
      '',
    );
    if (paragraph.presenter) lines.push(`Föredragande: ${paragraph.presenter}`, '');
    if (paragraph.proposal) lines.push(`Förslag till beslut: ${paragraph.proposal}`, '');
    for (const attachment of paragraph.attachments) lines.push(`Bilaga: ${attachment}`, '');
    lines.push(...blocks(paragraph.blocks));
  }
  if (protocol.followUp.length > 0) {
    lines.push(`## ${followUpHeading}`, '');
    for (const followUp of protocol.followUp) lines.push(`- ${followUpLine(followUp)}`);
    lines.push('');
  }
  if (protocol.signatures.length > 0) {
    lines.push('## Underskrifter', '');
    for (const signature of protocol.signatures) {
      lines.push(
        `- ${roleLabels[signature.role]}: ${signature.name}${signature.signedAt ? ` (signerat ${signature.signedAt})` : ' (ej signerat)'}`,
      );
    }
    lines.push('');
  }
  if (protocol.adjustedOn) lines.push(`Justeringsdatum: ${protocol.adjustedOn}`, '');
  if (protocol.posting) {
    const p = protocol.posting;
    lines.push(
      '## Anslag/bevis',
      '',
      `Protokollet är justerat. Justeringen har tillkännagivits genom anslag.`,
      '',
      `Organ: ${p.organ}  \nSammanträdesdatum: ${p.meetingDate ?? ''}  \nAnslaget under tiden: ${p.postedFrom} – ${p.postedTo}  \nFörvaringsplats för protokollet: ${p.storagePlace}`,
      '',
    );
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export { plain };
