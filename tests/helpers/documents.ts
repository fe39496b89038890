import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF, as a reader's "select all, copy" would give it. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join(''),
    );
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text: pages.join('\n') };
}

/** The text of a DOCX's main document part (word/document.xml), tags stripped. */
export function docxText(bytes: Uint8Array): { text: string; xml: string } {
  const files = unzipSync(new Uint8Array(bytes));
  const part = files['word/document.xml'];
  if (!part) throw new Error('not a Word document: word/document.xml is missing');
  const xml = new TextDecoder().decode(part);
  const text = xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  return { text, xml };
}

/** Removes all whitespace, so text wrapped differently by a layout still compares equal. */
export const squash = (text: string) => text.replace(/\s+/g, '');
