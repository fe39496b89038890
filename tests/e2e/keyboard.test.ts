import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { TestBoard } from './accounts.ts';
import { launchChromium, screenshot, waitForConnection } from './browser.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server !== undefined) {
    await server.stop();
    removeDataDir(server.dataDir);
  }
});

/**
 * The accessible name (aria-label or text) of the focused element. Callers poll it: Tiptap moves
 * focus into the editor on the next animation frame.
 */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute('aria-label') ?? active?.textContent ?? '';
  });
}

describe('keyboard use', () => {
  it('reaches the minutes by skip link and formats text from the toolbar without a mouse', async () => {
    const board = await TestBoard.create(server, browser, 'Karin Tangent');
    const { context, page, errors } = board.admin;
    try {
      const meetingId = await board.createMeeting('Styrelsemöte');
      await board.setRole(meetingId, board.admin, 'secretary');
      await page.goto(`${server.url}/m/${meetingId}`);
      await page.getByLabel('Ditt namn').fill('Karin Tangent');
      await page.keyboard.press('Enter');
      await waitForConnection(page, 'connected');
      await page.locator('.ProseMirror').waitFor();

      // The first Tab stop is the skip link; following it lands in the text.
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedName(page)).toBe('Hoppa till protokollet');
      await screenshot(page, '10-skip-link');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('Protokollet');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Punkt ett');

      // Alt+F10 moves to the toolbar; arrows move inside it; Enter applies and returns.
      await page.keyboard.press('Alt+F10');
      await expect.poll(() => focusedName(page)).toBe('Fetstil');
      for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowRight');
      await expect.poll(() => focusedName(page)).toBe('Punktlista');
      await screenshot(page, '11-toolbar-focus');
      await page.keyboard.press('Enter');
      await page.locator('.ProseMirror ul li', { hasText: 'Punkt ett' }).waitFor();
      await expect.poll(() => focusedName(page)).toBe('Protokollet');

      // Back in the toolbar, focus returns to the last used button, which now shows as pressed;
      // Escape goes back to the text.
      await page.keyboard.press('Alt+F10');
      await expect.poll(() => focusedName(page)).toBe('Punktlista');
      await expect(
        page.getByRole('button', { name: 'Punktlista' }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => focusedName(page)).toBe('Protokollet');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
