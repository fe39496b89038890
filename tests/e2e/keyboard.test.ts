import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { TestBoard } from './accounts.ts';
import { closeBrowserAndServer, launchChromium, waitForConnection } from './browser.ts';
import { agenda, viewScreenshot } from './workspacePage.ts';

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  // The first account of a server creates the board; later people are invited.
  board = await TestBoard.create(server, browser, 'Karin Tangent');
});

afterAll(async () => {
  await board?.admin.context.close();
  await closeBrowserAndServer(browser, server);
});

/**
 * The accessible name (aria-label or text) of the focused element. Callers poll it: Tiptap moves
 * focus into the editor on the next animation frame.
 */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim();
  });
}

describe('keyboard use', () => {
  it('reaches the minutes by skip link and formats text from the toolbar without a mouse', async () => {
    const { page, errors } = board.admin;
    const meetingId = await board.createMeeting('Styrelsemöte');
    await board.setRole(meetingId, board.admin, 'secretary');
    await page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(page, 'connected');
    await page.locator('.ProseMirror').first().waitFor();

    // The first Tab stop is the skip link; following it lands in the minutes.
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('Hoppa till protokollet');
    await viewScreenshot(page, '10-skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Protokoll');
    // Then: the toolbar (one stop), the help button, and the first § title.
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('Fetstil');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('Kortkommandon');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('Rubrik för § 1');
    // Enter in a title goes on to the § body, at its end.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Protokolltext för § 1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Punkt ett');

    // Alt+F10 moves to the toolbar; arrows move inside it; Enter applies and returns.
    await page.keyboard.press('Alt+F10');
    await expect.poll(() => focusedName(page)).toBe('Fetstil');
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(page)).toBe('Punktlista');
    await viewScreenshot(page, '11-toolbar-focus');
    await page.keyboard.press('Enter');
    await page.locator('.ProseMirror ul li', { hasText: 'Punkt ett' }).waitFor();
    await expect.poll(() => focusedName(page)).toBe('Protokolltext för § 1');

    // Back in the toolbar, focus returns to the last used button, which now shows as pressed;
    // Escape goes back to the text.
    await page.keyboard.press('Alt+F10');
    await expect.poll(() => focusedName(page)).toBe('Punktlista');
    await expect(
      page.getByRole('button', { name: 'Punktlista' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Protokolltext för § 1');
    expect(errors).toEqual([]);
  }, 60_000);

  it('runs the agenda and inserts decisions and assignments from the keyboard', async () => {
    const { page, errors } = board.admin;
    const meetingId = await board.createMeeting('Styrelsemöte');
    await board.setRole(meetingId, board.admin, 'secretary');
    await page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(page, 'connected');
    await page.locator('.agenda-item').first().waitFor();

    // Alt+L goes to the current item in the agenda; ↓ to the next; Alt+↓ moves it down.
    await page.keyboard.press('Alt+L');
    await expect.poll(() => focusedName(page)).toContain('Mötets öppnande');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedName(page)).toContain('Val av justerare');
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => agenda(page))
      .toEqual(expect.arrayContaining(['§ 2 Godkännande av dagordning', '§ 3 Val av justerare']));
    await expect.poll(() => focusedName(page)).toContain('Val av justerare');
    // Alt+→ makes it a sub-item of the item above: § 2a.
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => agenda(page)).toContain('§ 2a Val av justerare');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => agenda(page)).toContain('§ 3 Val av justerare');

    // Enter goes to the §; Alt+N adds an item after it and puts the caret in its title.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedName(page)).toBe('Rubrik för § 4');
    await page.keyboard.type('Ekonomisk rapport');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Protokolltext för § 4');

    // Alt+B inserts a decision at the caret, "/" + "upp" + Enter an assignment.
    await page.keyboard.type('Kassören redovisar.');
    await page.keyboard.press('Alt+B');
    await page.keyboard.type('Styrelsen lägger rapporten till handlingarna.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/upp');
    await page.getByRole('option', { name: /^Uppdrag/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kassören skickar rapporten till revisorerna.');
    const section = page.locator('article.paragraph', { hasText: 'Ekonomisk rapport' });
    await section
      .locator('.block-view--decision', { hasText: 'lägger rapporten till handlingarna' })
      .waitFor();
    await section
      .locator('.block-view--assignment', { hasText: 'skickar rapporten till revisorerna' })
      .waitFor();
    // Who and by when: the assignment's fields are attributes the server checks.
    const assignment = section.locator('.block-view--assignment');
    await assignment.getByLabel('Ansvarig').fill('Kassören');
    await assignment.getByLabel('Klart senast').fill('2024-06-30');
    await viewScreenshot(page, '13-keyboard-blocks');

    // Alt+PageDown goes on to the next §'s text.
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(() => focusedName(page)).toBe('Protokolltext för § 5');
    await waitForConnection(page, 'connected');
    expect(errors).toEqual([]);
  }, 60_000);
});
