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

async function invite(name: string, viewport?: { width: number; height: number }) {
  const person = await board.invite(name, viewport);
  people.push(person);
  return person;
}

/** The body editor of the meeting's first § (Mötets öppnande), where these tests write. */
function firstBody(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Protokolltext för § 1' });
}

async function appendToFirstBody(page: Page, text: string, newLine: boolean): Promise<void> {
  await firstBody(page).click();
  await page.keyboard.press('Control+End');
  if (newLine) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

describe('two people writing the same minutes', () => {
  it('shows both texts, each other in presence, the shared title and a connected badge', async () => {
    const anna = board.admin;
    const bertil = await invite('Bertil Berg', { width: 420, height: 860 });
    const meetingId = await board.createMeeting('Styrelsemöte');
    await board.setRole(meetingId, anna, 'secretary');
    await board.setRole(meetingId, bertil, 'chair');

    // Both follow the meeting's link, signed in: no name to type, the account says who they are.
    await anna.page.goto(`${server.url}/m/${meetingId}`);
    await bertil.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(anna.page, 'saved');
    await waitForConnection(bertil.page, 'saved');
    for (const { page } of [anna, bertil]) {
      await expect(page.locator('.connection-badge').textContent()).resolves.toContain(
        'Alla ändringar sparade',
      );
    }

    // The first § holds the text the server's template wrote; both add a line to it.
    // Both editors must be up (they are created lazily) before anyone types into them.
    await waitForEditorText(anna.page, ['förklarar mötet öppnat']);
    await waitForEditorText(bertil.page, ['förklarar mötet öppnat']);
    await appendToFirstBody(anna.page, 'Anna: mötet öppnas kl. 18.00.', true);
    await appendToFirstBody(bertil.page, 'Bertil: dagordningen godkänns.', true);

    const both = ['Anna: mötet öppnas kl. 18.00.', 'Bertil: dagordningen godkänns.'];
    await waitForEditorText(anna.page, both);
    await waitForEditorText(bertil.page, both);
    // Each line went where its writer's caret was: a paragraph of its own after the template's
    // sentence, which is intact (a caret moved back by a remote edit once split it).
    for (const { page } of [anna, bertil]) {
      const blocks = await firstBody(page).evaluate((body) =>
        [...body.children].map((block) => {
          const copy = block.cloneNode(true) as Element;
          // The others' carets carry their names as text.
          for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
          return copy.textContent;
        }),
      );
      expect(blocks[0]).toBe('Ordföranden hälsar alla välkomna och förklarar mötet öppnat.');
      expect(blocks.slice(1).sort()).toEqual([...both].sort());
    }

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
    await anna.page.getByRole('button', { name: 'Mellanrubrik' }).click();
    await bertil.page.locator('.ProseMirror h3', { hasText: 'Anna: mötet öppnas' }).waitFor();
    await expect(
      anna.page.getByRole('button', { name: 'Mellanrubrik' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    // Put Anna's caret at the end so Bertil sees a caret with her name in the screenshot.
    await anna.page.keyboard.press('End');
    const caret = bertil.page.locator('.collaboration-carets__label', {
      hasText: 'Anna Andersson',
    });
    await caret.waitFor({ state: 'attached' });
    await caret.scrollIntoViewIfNeeded();
    await viewScreenshot(anna.page, '03-meeting-anna-desktop');
    await viewScreenshot(bertil.page, '04-meeting-bertil-narrow');

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

  it('keeps typing while offline, merges with what the other wrote meanwhile, both texts on both pages', async () => {
    const anna = board.admin;
    const cecilia = await invite('Cecilia Carlsson');
    const meetingId = await board.createMeeting('Arbetsutskott');
    await board.setRole(meetingId, anna, 'secretary');
    await board.setRole(meetingId, cecilia, 'adjuster');
    await anna.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(anna.page, 'connected');
    await cecilia.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(cecilia.page, 'connected');

    // Typing online: "saving" until the server confirms it stored the text, then "saved".
    const badge = cecilia.page.locator('.connection-badge');
    await waitForConnection(cecilia.page, 'saved');
    // Every status the badge shows, and everything its live region announces, while she types.
    await cecilia.page.evaluate(() => {
      const seen = { shown: [] as string[], announced: [] as string[] };
      (window as unknown as { badgeLog: typeof seen }).badgeLog = seen;
      const element = document.querySelector('.connection-badge');
      new MutationObserver(() => {
        seen.shown.push(element?.getAttribute('data-status') ?? '');
        seen.announced.push(element?.querySelector('[role="status"]')?.textContent ?? '');
      }).observe(element as Node, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await appendToFirstBody(cecilia.page, ' Skrivet med nät.', false);
    await waitForConnection(cecilia.page, 'saved');
    await expect(badge.textContent()).resolves.toContain('Alla ändringar sparade');
    const log = await cecilia.page.evaluate(
      () => (window as unknown as { badgeLog: { shown: string[]; announced: string[] } }).badgeLog,
    );
    expect(log.shown).toContain('saving');
    // A screen reader is not made to say "saving" on every keystroke.
    expect(new Set(log.announced)).toEqual(new Set(['Alla ändringar sparade']));
    await viewScreenshot(cecilia.page, '05-saved-online');

    await cecilia.context.setOffline(true);
    await waitForConnection(cecilia.page, 'offline');
    // Said in the visible text, not only in the tooltip.
    await expect(badge.locator('.connection-badge__label').textContent()).resolves.toBe(
      'Offline – dina ändringar sparas på den här enheten',
    );
    await appendToFirstBody(cecilia.page, ' Skrivet utan nät.', false);
    // Meanwhile the secretary, online, writes in the same § …
    await appendToFirstBody(anna.page, 'Skrivet av Anna under tiden.', true);
    await viewScreenshot(cecilia.page, '05-offline');
    // The longer offline text must still fit a phone's header.
    const desktop = cecilia.page.viewportSize();
    await cecilia.page.setViewportSize({ width: 390, height: 760 });
    await cecilia.page.evaluate(() => window.scrollTo(0, 0));
    await viewScreenshot(cecilia.page, '05-offline-narrow');
    const box = await badge.boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box)).toBe(true);
    if (desktop !== null) await cecilia.page.setViewportSize(desktop);
    // … which the offline page cannot have seen yet.
    await expect(firstBody(cecilia.page).textContent()).resolves.not.toContain('Skrivet av Anna');

    await cecilia.context.setOffline(false);
    await waitForConnection(cecilia.page, 'connected');
    await waitForEditorText(anna.page, ['Skrivet utan nät.', 'Skrivet av Anna under tiden.']);
    await waitForEditorText(cecilia.page, ['Skrivet utan nät.', 'Skrivet av Anna under tiden.']);
    // Back online, what was typed offline is stored on the server: saved again.
    await waitForConnection(cecilia.page, 'saved');

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
    await waitForConnection(david.page, 'connected');
    await david.page.getByText('Du kan läsa protokollet men inte ändra det.').waitFor();
    await expect(firstBody(david.page).getAttribute('contenteditable')).resolves.toBe('false');
    await expect(
      david.page.getByLabel('Sammanträdets rubrik').getAttribute('readonly'),
    ).resolves.not.toBeNull();
    await expect(david.page.locator('.agenda__add').count()).resolves.toBe(0);

    // He still sees what the secretary writes, as it is written.
    await appendToFirstBody(anna.page, ' Läses av David.', false);
    await waitForEditorText(david.page, ['Läses av David.']);
    await viewScreenshot(david.page, '06-read-only');
    expect(david.errors).toEqual([]);
  }, 60_000);
});
