import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { type Person, TestBoard } from './accounts.ts';
import {
  closeBrowserAndServer,
  launchChromium,
  waitForConnection,
  waitForEditorText,
} from './browser.ts';
import { viewScreenshot } from './workspacePage.ts';

// The meeting's activity view: the chair writes in § 1 in her browser, and the secretary, in
// his, opens "Aktivitet" from the meeting header with the keyboard and sees who changed what.

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;
let secretary: Person;
let chair: Person;
let meetingId = '';

beforeAll(async () => {
  // The activity log is written in batches; a short interval keeps the test quick.
  server = await startServerProcess({ env: { ACTIVITY_FLUSH_MS: '100' } });
  browser = await launchChromium();
  board = await TestBoard.create(server, browser, 'Sven Sekreterare');
  secretary = board.admin;
  chair = await board.invite('Cecilia Ordförande');
  meetingId = await board.createMeeting('Styrelsemöte december');
  await board.setRole(meetingId, chair, 'chair');
}, 60_000);

afterAll(async () => {
  for (const person of [secretary, chair]) await person?.context.close();
  await closeBrowserAndServer(browser, server);
});

const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the activity view of a meeting', () => {
  it('lists an edit with its author and the § it changed, and works from the keyboard', async () => {
    await chair.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(chair.page, 'connected');
    await waitForEditorText(chair.page, ['förklarar mötet öppnat']);
    const firstBody = chair.page.getByRole('textbox', { name: 'Protokolltext för § 1' });
    await firstBody.click();
    await chair.page.keyboard.press('Control+End');
    await chair.page.keyboard.press('Enter');
    await chair.page.keyboard.type('Ordföranden hälsar alla välkomna.');

    const page = secretary.page;
    await page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(page, 'connected');
    await waitForEditorText(page, ['Ordföranden hälsar alla välkomna.']);

    // Opened from the keyboard; the dialog takes the focus.
    const trigger = page.getByRole('button', { name: 'Aktivitet', exact: true });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Aktivitet i sammanträdet' });
    await dialog.waitFor();
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog')))
      .toBe(true);

    // The log is written every 100 ms here: refresh until the chair's edit is listed.
    const entry = dialog.locator('.activity__entry', { hasText: 'Cecilia Ordförande' });
    await expect
      .poll(
        async () => {
          if ((await entry.count()) > 0) return true;
          await dialog.getByRole('button', { name: 'Uppdatera' }).click();
          return false;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(true);
    await expect(entry.first().textContent()).resolves.toMatch(
      /Cecilia Ordförande ändrade.*§ 1 Mötets öppnande/,
    );
    // Her batches of typing are one row, not one per batch the server wrote.
    await expect(entry.count()).resolves.toBe(1);
    // With the time of the change, machine-readable too.
    const at = await entry.first().locator('time').last().getAttribute('datetime');
    expect(Math.abs(Date.parse(at ?? '') - Date.now())).toBeLessThan(5 * 60_000);
    await viewScreenshot(page, 'activity-dialog');

    // Escape closes it and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedText(page)).toBe('Aktivitet');

    // The § in an entry leads there: Enter on it closes the view and focuses that §.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    const itemLink = entry.first().getByRole('button', { name: '§ 1 Mötets öppnande' });
    await itemLink.waitFor();
    await itemLink.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement
              ?.closest('article.paragraph')
              ?.querySelector('.paragraph__number')?.textContent ?? '',
        ),
      )
      .toBe('§ 1');

    // And in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    const english = page.getByRole('dialog', { name: 'Activity in the meeting' });
    await english.waitFor();
    await expect(
      english.locator('.activity__entry', { hasText: 'Cecilia Ordförande' }).first().textContent(),
    ).resolves.toMatch(/Cecilia Ordförande changed.*§ 1 Mötets öppnande/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Svenska' }).click();

    expect(secretary.errors).toEqual([]);
    expect(chair.errors).toEqual([]);
  });
});
