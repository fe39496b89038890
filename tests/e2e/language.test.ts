import type { Browser } from 'playwright-core';
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

describe('language', () => {
  it('is Swedish by default, even in an English browser, and switches to English', async () => {
    // Playwright's default locale is en-US: the app must still start in Swedish.
    const board = await TestBoard.create(server, browser, 'Alex Reader');
    const { context, page, errors } = board.admin;
    try {
      const meetingId = await board.createMeeting('Board meeting');
      await board.setRole(meetingId, board.admin, 'secretary');

      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: 'Öppna ett sammanträde' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('sv');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Open a meeting' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await expect(
        page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');

      // The choice is remembered, and the meeting page speaks English too.
      await page.getByLabel('Your name').fill('Alex Reader');
      await page.getByLabel('Meeting ID').fill(meetingId);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await waitForConnection(page, 'connected');
      await expect(page.locator('.connection-badge').textContent()).resolves.toContain('Connected');
      await page.getByRole('textbox', { name: 'The minutes' }).waitFor();
      await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
      await screenshot(page, '07-meeting-english');

      await page.reload();
      await page.getByLabel('Meeting title').waitFor();
      await page.getByRole('button', { name: 'Svenska' }).click();
      await page.getByLabel('Sammanträdets rubrik').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
