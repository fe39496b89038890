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

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(runs: Run[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text).replace(/\n/g, '<br>');
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.underline) html = `<u>${html}</u>`;
      if (run.strike) html = `<s>${html}</s>`;
      return html;
    })
    .join('');
}

function blocks(list: Block[]): string {
  return list.map(blockHtml).join('\n');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inline(block.runs)}</p>`;
    case 'heading':
      return `<h${Math.min(6, block.level + 2)}>${inline(block.runs)}</h${Math.min(6, block.level + 2)}>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${blocks(item)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocks(block.blocks)}</blockquote>`;
    case 'table':
      return `<table>${block.rows
        .map((row, index) => {
          const cell = block.headerRow && index === 0 ? 'th' : 'td';
          return `<tr>${row.map((text) => `<${cell}>${escapeHtml(text)}</${cell}>`).join('')}</tr>`;
        })
        .join('')}</table>`;
    case 'decision': {
      const votes = block.votes
        ? `<p class="votes">Röstning: ${block.votes.for ?? 0} för, ${block.votes.against ?? 0} emot, ${block.votes.abstain ?? 0} avstår.</p>`
        : '';
      const reservation = block.reservations
        ? `<p class="reservation">Reservation: ${escapeHtml(block.reservations)}</p>`
        : '';
      return `<section class="decision"><h4>Beslut</h4>${blocks(block.blocks)}${votes}${reservation}</section>`;
    }
    case 'assignment':
      return `<p class="assignment"><strong>Uppdrag:</strong> ${escapeHtml(block.assignee)} — ${inline(block.runs)}${block.dueDate ? ` (senast ${escapeHtml(block.dueDate)})` : ''}</p>`;
  }
}

const styles = `body{font-family:"Noto Serif",Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
.meta{color:#444}.decision{border-left:3px solid #1d3f6e;padding-left:.8rem;margin:.6rem 0}.decision h4{margin:.2rem 0}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left}
.corrected{border:2px solid #1d3f6e;padding:.2rem 1rem;margin:1rem 0}.corrected h2{border:none;margin-top:.4rem}
.signatures td{border:none;padding:1.5rem 2rem 0 0;vertical-align:bottom}.line{border-top:1px solid #333;min-width:12rem}
@media print{body{margin:0}}`;

/** The protocol as a standalone HTML page for preview and printing. */
export function renderHtml(protocol: Protocol): string {
  const heading = protocol.kind === 'minutes' ? 'Protokoll' : 'Kallelse och föredragningslista';
  const attendance = protocol.attendance
    .map(
      (group) =>
        `<h3>${escapeHtml(group.heading)}</h3><ul>${group.people
          .map((person) => {
            const details = [person.organisation, person.role, person.presence, person.note]
              .filter(Boolean)
              .join(', ');
            return `<li>${escapeHtml(person.name)}${details ? ` (${escapeHtml(details)})` : ''}</li>`;
          })
          .join('')}</ul>`,
    )
    .join('');
  const paragraphs = protocol.paragraphs
    .map((paragraph) => {
      const facts = [
        paragraph.presenter &&
          `<p class="meta">Föredragande: ${escapeHtml(paragraph.presenter)}</p>`,
        paragraph.proposal &&
          `<p class="meta">Förslag till beslut: ${escapeHtml(paragraph.proposal)}</p>`,
        ...paragraph.attachments.map(
          (attachment) => `<p class="meta">Bilaga: ${escapeHtml(attachment)}</p>`,
        ),
      ]
        .filter(Boolean)
        .join('');
      return `<section><h2>§ ${escapeHtml(paragraph.label)} ${escapeHtml(paragraph.title)}${paragraph.added ? ' <small>(tillägg)</small>' : ''}</h2>${facts}${blocks(paragraph.blocks)}</section>`;
    })
    .join('\n');
  const corrected =
    protocol.corrections.length > 0
      ? `<aside class="corrected"><h2>${correctedHeading}</h2>${correctionLines(protocol)
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('')}<p class="meta">${correctedNote}</p></aside>`
      : '';
  const followUp =
    protocol.followUp.length > 0
      ? `<section class="follow-up"><h2>${followUpHeading}</h2><ul>${protocol.followUp
          .map((entry) => `<li>${escapeHtml(followUpLine(entry))}</li>`)
          .join('')}</ul></section>`
      : '';
  const signatures =
    protocol.signatures.length > 0
      ? `<table class="signatures"><tr>${protocol.signatures
          .map(
            (signature) =>
              `<td><div class="line">${escapeHtml(signature.name)}</div>${roleLabels[signature.role]}<br><small>${signature.signedAt ? `Signerat ${escapeHtml(signature.signedAt)}` : 'Ej signerat'}</small></td>`,
          )
          .join('')}</tr></table>`
      : '';
  const posting = protocol.posting
    ? `<section class="posting"><h2>Anslag/bevis</h2><p>Protokollet är justerat. Justeringen har tillkännagivits genom anslag.</p><p>Organ: ${escapeHtml(protocol.posting.organ)}<br>Sammanträdesdatum: ${escapeHtml(protocol.posting.meetingDate ?? '')}<br>Anslaget under tiden: ${escapeHtml(protocol.posting.postedFrom)} – ${escapeHtml(protocol.posting.postedTo)}<br>Förvaringsplats för protokollet: ${escapeHtml(protocol.posting.storagePlace)}</p></section>`
    : '';
  const officerList = officerLines(protocol);
  const officers =
    officerList.length > 0
      ? `<p class="meta officers">${officerList.map(escapeHtml).join(' · ')}</p>`
      : '';
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(heading)}: ${escapeHtml(protocol.title)}</title><style>${styles}</style></head>
<body><header><p class="meta">${escapeHtml(protocol.organ)}${protocol.minutesNumber ? ` — nr ${escapeHtml(protocol.minutesNumber)}` : ''}</p><h1>${escapeHtml(heading)}: ${escapeHtml(protocol.title)}</h1>
<p class="meta">${[protocol.date && `Datum: ${escapeHtml(protocol.date)}`, protocol.time && `Tid: ${escapeHtml(protocol.time)}`, protocol.place && `Plats: ${escapeHtml(protocol.place)}`, protocol.videoLink && `Videolänk: ${escapeHtml(protocol.videoLink)}`].filter(Boolean).join(' · ')}</p>${officers}</header>
${corrected}
${attendance}
${paragraphs}
${followUp}
${signatures}
${protocol.adjustedOn ? `<p>Justeringsdatum: ${escapeHtml(protocol.adjustedOn)}</p>` : ''}
${posting}
</body></html>
`;
}
