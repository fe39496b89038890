import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import {
  launchChromium,
  openPerson,
  screenshot,
  type TrackedPage,
  waitForConnection,
  waitForEditorText,
} from './browser.ts';

let server: ServerProcess;
let browser: Browser;
const people: TrackedPage[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const person of people) await person.context.close();
  await browser?.close();
  if (server !== undefined) {
    await server.stop();
    removeDataDir(server.dataDir);
  }
});

async function person(viewport?: { width: number; height: number }): Promise<TrackedPage> {
  const created = await openPerson(browser, viewport === undefined ? {} : { viewport });
  people.push(created);
  return created;
}

describe('two people writing the same minutes', () => {
  it('shows both texts, each other in presence, the shared title and a connected badge', async () => {
    const anna = await person();
    const bertil = await person({ width: 420, height: 860 });

    // Anna starts on the start page, chooses her name and creates a meeting.
    await anna.page.goto(`${server.url}/`);
    await screenshot(anna.page, '01-start-page');
    await anna.page.getByLabel('Ditt namn').fill('Anna Andersson');
    await anna.page.getByRole('button', { name: 'Nytt sammanträde' }).click();
    await anna.page.waitForURL(/\/m\/[a-z0-9]+$/);
    const meetingUrl = anna.page.url();

    // Bertil follows the link; having no name yet, he is asked for one first.
    await bertil.page.goto(meetingUrl);
    await bertil.page.getByRole('heading', { name: 'Gå med i sammanträdet' }).waitFor();
    await screenshot(bertil.page, '02-join-page');
    await bertil.page.getByLabel('Ditt namn').fill('Bertil Berg');
    await bertil.page.getByRole('button', { name: 'Gå med' }).click();

    await waitForConnection(anna.page, 'connected');
    await waitForConnection(bertil.page, 'connected');
    for (const { page } of [anna, bertil]) {
      await expect(page.locator('.connection-badge').textContent()).resolves.toContain('Ansluten');
    }

    await anna.page.locator('.ProseMirror').click();
    await anna.page.keyboard.type('Anna: mötet öppnas kl. 18.00.');
    await bertil.page.locator('.ProseMirror').click();
    await bertil.page.keyboard.press('Control+End');
    await bertil.page.keyboard.press('Enter');
    await bertil.page.keyboard.type('Bertil: dagordningen godkänns.');

    const both = ['Anna: mötet öppnas kl. 18.00.', 'Bertil: dagordningen godkänns.'];
    await waitForEditorText(anna.page, both);
    await waitForEditorText(bertil.page, both);

    // Presence: each sees the other (and themselves).
    await anna.page.locator('.presence').getByText('Bertil Berg').waitFor({ state: 'attached' });
    await bertil.page
      .locator('.presence')
      .getByText('Anna Andersson')
      .waitFor({ state: 'attached' });
    await expect(anna.page.locator('.presence__item').count()).resolves.toBe(2);
    await expect(bertil.page.locator('.presence__item').count()).resolves.toBe(2);

    // The title is shared as it is typed.
    await anna.page.getByLabel('Sammanträdets rubrik').fill('Styrelsemöte 14 maj');
    await expect
      .poll(() => bertil.page.getByLabel('Sammanträdets rubrik').inputValue(), { timeout: 10_000 })
      .toBe('Styrelsemöte 14 maj');
    await expect.poll(() => bertil.page.title()).toBe('Styrelsemöte 14 maj · Justera');

    // Formatting through the toolbar reaches the other side too.
    await anna.page.getByText('Anna: mötet öppnas kl. 18.00.').click();
    await anna.page.getByRole('button', { name: 'Rubrik 2' }).click();
    await bertil.page.locator('.ProseMirror h2', { hasText: 'Anna: mötet öppnas' }).waitFor();
    await expect(
      anna.page.getByRole('button', { name: 'Rubrik 2' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    // Put Anna's caret at the end so Bertil sees a caret with her name in the screenshot.
    await anna.page.keyboard.press('End');
    await bertil.page
      .locator('.collaboration-carets__label', { hasText: 'Anna Andersson' })
      .waitFor();
    await screenshot(anna.page, '03-meeting-anna-desktop');
    await screenshot(bertil.page, '04-meeting-bertil-narrow');

    // A reload restores the text (from IndexedDB and the server) and reconnects.
    await bertil.page.reload();
    await waitForEditorText(bertil.page, both);
    await waitForConnection(bertil.page, 'connected');

    expect(anna.errors).toEqual([]);
    expect(bertil.errors).toEqual([]);

    // When Bertil leaves, Anna's presence list shows only herself again.
    await bertil.context.close();
    await expect
      .poll(() => anna.page.locator('.presence__item').count(), { timeout: 15_000 })
      .toBe(1);
  }, 90_000);

  it('keeps typing while offline and delivers the text when the network is back', async () => {
    const anna = await person();
    const bertil = await person();
    const meetingUrl = `${server.url}/m/offline-e2e`;
    for (const [tracked, name] of [
      [anna, 'Anna Andersson'],
      [bertil, 'Bertil Berg'],
    ] as const) {
      await tracked.page.goto(meetingUrl);
      await tracked.page.getByLabel('Ditt namn').fill(name);
      await tracked.page.getByRole('button', { name: 'Gå med' }).click();
      await waitForConnection(tracked.page, 'connected');
    }

    await bertil.context.setOffline(true);
    await waitForConnection(bertil.page, 'offline');
    await expect(bertil.page.locator('.connection-badge').textContent()).resolves.toContain(
      'Offline',
    );
    await bertil.page.locator('.ProseMirror').click();
    await bertil.page.keyboard.type('Skrivet utan nät.');
    await screenshot(bertil.page, '05-offline');

    await bertil.context.setOffline(false);
    await waitForConnection(bertil.page, 'connected');
    await waitForEditorText(anna.page, ['Skrivet utan nät.']);

    // Offline, the browser's own WebSocket failures are logged as console errors; those are
    // expected here, uncaught exceptions are not.
    expect(anna.errors).toEqual([]);
    expect(bertil.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  }, 90_000);
});
