import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { TestBoard } from './accounts.ts';
import {
  closeBrowserAndServer,
  launchChromium,
  waitForConnection,
  waitForEditorText,
} from './browser.ts';
import { viewScreenshot } from './workspacePage.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  // The smallest message limit the server accepts, so one pasted paragraph exceeds it.
  server = await startServerProcess({ env: { MAX_MESSAGE_BYTES: '1024' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

describe('a connection the server refuses for good', () => {
  it('says why, locks the text, and recovers after discarding the local change', async () => {
    const board = await TestBoard.create(server, browser, 'Anna Andersson');
    const { context, page } = board.admin;
    try {
      const meetingId = await board.createMeeting('Styrelsemöte');
      await board.setRole(meetingId, board.admin, 'secretary');
      await page.goto(`${server.url}/m/${meetingId}`);
      await waitForConnection(page, 'connected');

      const body = page.getByRole('textbox', { name: 'Protokolltext för § 1' });
      await body.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Kort text.');
      // One insertion of 3000 characters is one Yjs update larger than the 1 KiB limit: 4413.
      await page.keyboard.insertText(' lång'.repeat(600));

      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain(
        'Servern nekade anslutningen: ändringen är för stor',
      );
      await expect(alert.textContent()).resolves.toContain('Kod 4413');
      await waitForConnection(page, 'refused');
      await expect(body.getAttribute('contenteditable')).resolves.toBe('false');
      // Nothing else may be changed either: no structural actions, read-only titles.
      await expect(page.locator('.agenda__add').count()).resolves.toBe(0);
      await expect(
        page.getByRole('textbox', { name: 'Rubrik för § 1' }).getAttribute('readonly'),
      ).resolves.not.toBeNull();
      await viewScreenshot(page, '12-refused');

      page.once('dialog', (dialog) => void dialog.accept());
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Kasta lokala ändringar och ladda om' }).click(),
      ]);
      await waitForConnection(page, 'connected');
      // The short text reached the server before the large change and is still there.
      await waitForEditorText(page, ['Kort text.']);
      await expect(page.locator('.ProseMirror').first().textContent()).resolves.not.toContain(
        'lång',
      );
    } finally {
      await context.close();
    }
  }, 60_000);
});
