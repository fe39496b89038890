import { unzipSync } from 'fflate';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

/** One run of text on a PDF page, with its position (PDF units, origin at the bottom left). */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
}

/** The text runs of every page of a PDF with their positions, and the page heights. */
export async function pdfPageRuns(
  bytes: Uint8Array,
): Promise<Array<{ height: number; runs: PdfTextRun[] }>> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: Array<{ height: number; runs: PdfTextRun[] }> = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [{ text: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]) }]
        : [],
    );
    pages.push({ height: page.view[3] ?? 0, runs });
  }
  await pdf.destroy();
  return pages;
}

/**
 * The fonts a PDF's pages draw text with, as the reader loads them: name and whether the font
 * program is in the file (missingFile: the reader has to substitute a system font).
 */
export async function pdfFontsUsed(
  bytes: Uint8Array,
): Promise<Array<{ name: string; missingFile: boolean }>> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const fonts = new Map<string, { name: string; missingFile: boolean }>();
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const operators = await page.getOperatorList();
    operators.fnArray.forEach((fn, index) => {
      if (fn !== OPS.setFont) return;
      const loadedName = String(operators.argsArray[index]?.[0]);
      const font = page.commonObjs.get(loadedName) as { name: string; missingFile: boolean };
      fonts.set(font.name, { name: font.name, missingFile: font.missingFile });
    });
  }
  await pdf.destroy();
  return [...fonts.values()];
}

/** The text of an HTML export: tags stripped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The text of a Markdown export as a reader sees it: escapes and emphasis markers removed. */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/^(#+|>|-|\d+\.) /gm, '')
    .replace(/(?<!\\)(\*+|~~)/g, '')
    .replace(/\\([\\*_`[\]#<>])/g, '$1');
}
