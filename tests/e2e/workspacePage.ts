import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { screenshotDir } from './browser.ts';

/** Finding one's way around the meeting workspace, the way a person reads it. */

/** The agenda as "§ label title" lines, as the sidebar shows it. */
export function agenda(page: Page): Promise<string[]> {
  return page.locator('.agenda-item__main').evaluateAll((rows) =>
    rows.map((row) => {
      const label = row.querySelector('.agenda-item__label')?.textContent ?? '';
      const title = row.querySelector('.agenda-item__title')?.textContent ?? '';
      return `${label} ${title}`;
    }),
  );
}

/** The agenda row of the item with this label ("5", "5a"). */
export function agendaRow(page: Page, label: string): Locator {
  return page.locator('.agenda-item', {
    has: page.locator('.agenda-item__label', { hasText: new RegExp(`^§ ${label}$`) }),
  });
}

/** The § of the minutes with this label. */
export function section(page: Page, label: string): Locator {
  return page.locator('article.paragraph', {
    has: page.locator('.paragraph__number', { hasText: new RegExp(`^§ ${label}$`) }),
  });
}

/** A § body's editor, scrolled into view first: editors are created near the screen. */
export async function body(page: Page, label: string): Promise<Locator> {
  const paragraph = section(page, label);
  await paragraph.scrollIntoViewIfNeeded();
  const editor = paragraph.locator('.ProseMirror');
  await editor.waitFor();
  return editor;
}

/**
 * A screenshot of what the person sees: the viewport, not the full page, because the agenda,
 * the attendance and the toolbar stay in place (sticky) while the minutes scroll.
 */
export async function viewScreenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await target.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
