import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { TestBoard } from './accounts.ts';
import { closeBrowserAndServer, launchChromium, waitForConnection } from './browser.ts';
import { viewScreenshot } from './workspacePage.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

describe('language', () => {
  it('is Swedish by default, even in an English browser, and switches to English', async () => {
    // Playwright's default locale is en-US: the app must still start in Swedish.
    const board = await TestBoard.create(server, browser, 'Alex Reader');
    const { context, page, errors } = board.admin;
    try {
      const meetingId = await board.createMeeting('Board meeting');
      await board.setRole(meetingId, board.admin, 'secretary');

      await page.goto(`${server.url}/m/${meetingId}`);
      await waitForConnection(page, 'connected');
      await page.getByRole('heading', { name: 'Föredragningslista' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('sv');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Agenda' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await expect(
        page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      await waitForConnection(page, 'saved');
      await expect(page.locator('.connection-badge').textContent()).resolves.toContain(
        'All changes saved',
      );
      await page.getByRole('textbox', { name: 'Minutes of § 1' }).waitFor();
      await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
      await page.getByRole('complementary', { name: 'Attendance' }).waitFor();
      await viewScreenshot(page, '07-meeting-english');

      // The choice is remembered over a reload.
      await page.reload();
      await page.getByLabel('Meeting title').waitFor();
      await page.getByRole('heading', { name: 'Agenda' }).waitFor();
      await page.getByRole('button', { name: 'Svenska' }).click();
      await page.getByLabel('Sammanträdets rubrik').waitFor();
      await page.getByRole('textbox', { name: 'Protokolltext för § 1' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
