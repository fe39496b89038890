import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { type Person, TestBoard } from './accounts.ts';
import { launchChromium, screenshot, waitForConnection, waitForEditorText } from './browser.ts';

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
  await browser?.close();
  if (server !== undefined) {
    await server.stop();
    removeDataDir(server.dataDir);
  }
});

async function invite(name: string, viewport?: { width: number; height: number }) {
  const person = await board.invite(name, viewport);
  people.push(person);
  return person;
}

describe('two people writing the same minutes', () => {
  it('shows both texts, each other in presence, the shared title and a connected badge', async () => {
    const anna = board.admin;
    const bertil = await invite('Bertil Berg', { width: 420, height: 860 });
    const meetingId = await board.createMeeting('Styrelsemöte');
    await board.setRole(meetingId, anna, 'secretary');
    await board.setRole(meetingId, bertil, 'chair');

    // Anna starts on the start page: her display name and the meeting's id.
    await anna.page.goto(`${server.url}/`);
    await screenshot(anna.page, '01-start-page');
    await anna.page.getByLabel('Ditt namn').fill('Anna Andersson');
    await anna.page.getByLabel('Mötes-id').fill(meetingId);
    await anna.page.getByRole('button', { name: 'Öppna', exact: true }).click();
    await anna.page.waitForURL(`${server.url}/m/${meetingId}`);

    // Bertil follows the link; having no display name in this browser yet, he is asked first.
    await bertil.page.goto(`${server.url}/m/${meetingId}`);
    await bertil.page.getByRole('heading', { name: 'Gå med i sammanträdet' }).waitFor();
    await screenshot(bertil.page, '02-join-page');
    await bertil.page.getByLabel('Ditt namn').fill('Bertil Berg');
    await bertil.page.getByRole('button', { name: 'Gå med' }).click();

    await waitForConnection(anna.page, 'connected');
    await waitForConnection(bertil.page, 'connected');
    for (const { page } of [anna, bertil]) {
      await expect(page.locator('.connection-badge').textContent()).resolves.toContain('Ansluten');
    }

    // The minutes pane shows the first agenda item's body, which the server's template filled.
    await waitForEditorText(anna.page, ['förklarar mötet öppnat']);
    for (const [person, text] of [
      [anna, 'Anna: mötet öppnas kl. 18.00.'],
      [bertil, 'Bertil: dagordningen godkänns.'],
    ] as const) {
      await person.page.locator('.ProseMirror').click();
      await person.page.keyboard.press('Control+End');
      await person.page.keyboard.press('Enter');
      await person.page.keyboard.type(text);
    }

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
    await expect(anna.page.getByLabel('Sammanträdets rubrik').inputValue()).resolves.toBe(
      'Styrelsemöte',
    );
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
    const anna = board.admin;
    const cecilia = await invite('Cecilia Carlsson');
    const meetingId = await board.createMeeting('Arbetsutskott');
    await board.setRole(meetingId, anna, 'secretary');
    await board.setRole(meetingId, cecilia, 'adjuster');
    await anna.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(anna.page, 'connected');
    await cecilia.page.goto(`${server.url}/m/${meetingId}`);
    await cecilia.page.getByLabel('Ditt namn').fill('Cecilia Carlsson');
    await cecilia.page.getByRole('button', { name: 'Gå med' }).click();
    await waitForConnection(cecilia.page, 'connected');

    await cecilia.context.setOffline(true);
    await waitForConnection(cecilia.page, 'offline');
    await expect(cecilia.page.locator('.connection-badge').textContent()).resolves.toContain(
      'Offline',
    );
    await cecilia.page.locator('.ProseMirror').click();
    await cecilia.page.keyboard.press('Control+End');
    await cecilia.page.keyboard.type(' Skrivet utan nät.');
    await screenshot(cecilia.page, '05-offline');

    await cecilia.context.setOffline(false);
    await waitForConnection(cecilia.page, 'connected');
    await waitForEditorText(anna.page, ['Skrivet utan nät.']);

    // Offline, the browser's own failed requests are logged as console errors; those are
    // expected here, uncaught exceptions are not.
    expect(anna.errors).toEqual([]);
    expect(cecilia.errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  }, 90_000);

  it('lets a board member without a writing role read along but not type', async () => {
    const anna = board.admin;
    const david = await invite('David Dahl');
    const meetingId = await board.createMeeting('Beredning');
    await board.setRole(meetingId, anna, 'secretary');
    await anna.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(anna.page, 'connected');

    await david.page.goto(`${server.url}/m/${meetingId}`);
    await david.page.getByLabel('Ditt namn').fill('David Dahl');
    await david.page.getByRole('button', { name: 'Gå med' }).click();
    await waitForConnection(david.page, 'connected');
    await david.page.getByText('Du kan läsa protokollet men inte ändra det.').waitFor();
    await expect(david.page.locator('.ProseMirror').getAttribute('contenteditable')).resolves.toBe(
      'false',
    );
    await expect(
      david.page.getByLabel('Sammanträdets rubrik').getAttribute('readonly'),
    ).resolves.not.toBeNull();

    // He still sees what the secretary writes, as it is written.
    await anna.page.locator('.ProseMirror').click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.type(' Läses av David.');
    await waitForEditorText(david.page, ['Läses av David.']);
    await screenshot(david.page, '06-read-only');
    expect(david.errors).toEqual([]);
  }, 60_000);
});
