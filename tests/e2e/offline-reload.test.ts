import type { Browser, Locator, Page } from 'playwright-core';
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

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;
const people: Person[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  board = await TestBoard.create(server, browser, 'Anna Andersson');
  people.push(board.admin);
});

afterAll(async () => {
  for (const person of people) await person.context.close();
  await closeBrowserAndServer(browser, server);
});

function firstBody(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Protokolltext för § 1' });
}

async function appendToFirstBody(page: Page, text: string): Promise<void> {
  await firstBody(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('a meeting reopened without a network', () => {
  it('reloads offline from the cached app shell and the IndexedDB copy, keeps typing, and stores everything once back online', async () => {
    const anna = board.admin;
    const meetingId = await board.createMeeting('Extra styrelsemöte');
    await board.setRole(meetingId, anna, 'secretary');
    await anna.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(anna.page, 'saved');
    await waitForEditorText(anna.page, ['förklarar mötet öppnat']);
    // The service worker has installed (and precached the app shell) once it controls the page.
    await anna.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await appendToFirstBody(anna.page, ' Skrivet med nät.');
    await waitForConnection(anna.page, 'saved');

    await anna.context.setOffline(true);
    await waitForConnection(anna.page, 'offline');
    await appendToFirstBody(anna.page, ' Skrivet utan nät.');
    // y-indexeddb stores each change in its own transaction right after the keystroke; a
    // person does not reload within milliseconds of typing.
    await anna.page.waitForTimeout(500);

    const reloaded = await anna.page.reload();
    // The page came from the worker's cache: the worker itself has no network either.
    expect(reloaded?.fromServiceWorker()).toBe(true);
    const [worker] = anna.context.serviceWorkers();
    await expect(
      worker?.evaluate(() =>
        fetch('/healthz').then(
          () => 'reached the server',
          () => 'no network',
        ),
      ),
    ).resolves.toBe('no network');
    await waitForEditorText(anna.page, ['Skrivet med nät.', 'Skrivet utan nät.']);
    await waitForConnection(anna.page, 'offline');
    await appendToFirstBody(anna.page, ' Efter omladdning utan nät.');
    await viewScreenshot(anna.page, '07-reloaded-offline');

    await anna.context.setOffline(false);
    await waitForConnection(anna.page, 'connected');
    await waitForConnection(anna.page, 'saved');

    // Someone on another device, with nothing cached, gets all three from the server.
    const all = ['Skrivet med nät.', 'Skrivet utan nät.', 'Efter omladdning utan nät.'];
    const bertil = await board.invite('Bertil Berg');
    people.push(bertil);
    await bertil.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(bertil.page, 'connected');
    await waitForEditorText(bertil.page, all);
    expect(bertil.errors).toEqual([]);
    // Offline, the browser logs its failed requests as console errors; exceptions are not expected.
    expect(anna.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  }, 90_000);
});
