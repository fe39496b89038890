import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { type Person, TestBoard } from './accounts.ts';
import {
  closeBrowserAndServer,
  screenshot as fullScreenshot,
  launchChromium,
  waitForConnection,
} from './browser.ts';
import { viewScreenshot } from './workspacePage.ts';

// The secretary (Anna) sets the meeting's place, times and officers while the meeting runs; the
// chair (Bertil) sees them as they are set and can change them too; an observer (Cecilia, on a
// phone-sized screen) reads them but has nothing to edit. Every write goes through the real
// server, which closes the socket (4422) on an update that does not fit the document.

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;
let anna: Person;
let bertil: Person;
let cecilia: Person;
let meetingId: string;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  board = await TestBoard.create(server, browser, 'Anna Andersson');
  anna = board.admin;
  bertil = await board.invite('Bertil Berg');
  cecilia = await board.invite('Cecilia Carlsson', { width: 420, height: 860 });
  meetingId = await board.createMeeting('Styrelsemöte');
  await board.setRole(meetingId, anna, 'secretary');
  await board.setRole(meetingId, bertil, 'chair');
  await board.setRole(meetingId, cecilia, 'observer');
  for (const person of [anna, bertil, cecilia]) {
    await person.page.goto(`${server.url}/m/${meetingId}`);
    await waitForConnection(person.page, 'connected');
    await person.page.locator('.agenda-item').first().waitFor();
  }
});

afterAll(async () => {
  for (const person of [anna, bertil, cecilia]) await person?.context.close();
  await closeBrowserAndServer(browser, server);
});

function details(page: Page): Locator {
  return page.getByRole('region', { name: 'Sammanträdet' });
}

/** The read-only value shown for a field ("Plats", "Ordförande", …). */
function shown(page: Page, label: string): Locator {
  return details(page)
    .locator('.meeting-details__row', { has: page.getByText(label, { exact: true }) })
    .locator('dd');
}

async function exported(person: Person, format: 'md' | 'html'): Promise<string> {
  const response = await person.context.request.get(
    `${server.url}/api/meetings/${meetingId}/export/${format}`,
  );
  expect(response.status()).toBe(200);
  return response.text();
}

describe('the meeting details and officers', () => {
  it('are set by the secretary, seen live by the chair, read-only for an observer and printed in the minutes', async () => {
    // Everyone on the board is at the meeting, and a guest who is not a member.
    const attendance = anna.page.getByRole('complementary', { name: 'Närvaro' });
    await attendance.getByRole('button', { name: 'Lägg till styrelsens ledamöter (3)' }).click();
    await attendance.getByRole('button', { name: 'Lägg till person' }).click();
    await attendance.getByLabel('Namn', { exact: true }).fill('Anita Löfgren');
    await attendance.getByLabel('Organisation', { exact: true }).fill('Skövde kommun');
    await attendance.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await attendance.getByRole('button', { name: 'Stäng' }).click();

    const panel = details(anna.page);
    await panel.getByLabel('Plats', { exact: true }).fill('Stadshuset, sal 3');
    await panel.getByLabel('Börjar', { exact: true }).fill('18:00');
    await panel.getByLabel('Slutar', { exact: true }).fill('20:15');
    await panel.getByLabel('Videolänk', { exact: true }).fill('https://meet.example/styrelsen');

    await panel.getByLabel('Ordförande', { exact: true }).selectOption({ label: 'Bertil Berg' });
    await panel
      .getByLabel('Sekreterare', { exact: true })
      .selectOption({ label: 'Anna Andersson' });
    // Adjusters: one chosen with the mouse, one with the keyboard only (choose, then Enter).
    const chooseAdjuster = panel.getByLabel('Välj justerare …', { exact: true });
    await chooseAdjuster.selectOption({ label: 'Anita Löfgren, Skövde kommun' });
    await panel.getByRole('button', { name: 'Lägg till justerare' }).click();
    await chooseAdjuster.focus();
    await chooseAdjuster.selectOption({ label: 'Cecilia Carlsson' });
    await anna.page.keyboard.press('Enter');
    const annaAdjusters = panel.getByRole('list', { name: 'Justerare' });
    await expect
      .poll(() => annaAdjusters.locator('li .meeting-details__adjuster-name').allTextContents())
      .toEqual(['Anita Löfgren', 'Cecilia Carlsson']);
    // The status line says it the way the minutes do.
    await expect
      .poll(() => anna.page.locator('.status-message').textContent())
      .toContain('Cecilia Carlsson väljs till justerare.');

    // The chair sees it all as it was set, in his own (editable) fields.
    const chairPanel = details(bertil.page);
    await expect
      .poll(() => chairPanel.getByLabel('Plats', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('Stadshuset, sal 3');
    await expect
      .poll(() => chairPanel.getByLabel('Börjar', { exact: true }).inputValue())
      .toBe('18:00');
    await expect
      .poll(() => chairPanel.getByLabel('Slutar', { exact: true }).inputValue())
      .toBe('20:15');
    await expect
      .poll(() => chairPanel.getByLabel('Videolänk', { exact: true }).inputValue())
      .toBe('https://meet.example/styrelsen');
    const chairSelect = chairPanel.getByLabel('Ordförande', { exact: true });
    await expect
      .poll(() =>
        chairSelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
      )
      .toBe('Bertil Berg');
    const bertilAdjusters = chairPanel.getByRole('list', { name: 'Justerare' });
    await expect
      .poll(() => bertilAdjusters.locator('.meeting-details__adjuster-name').allTextContents())
      .toEqual(['Anita Löfgren', 'Cecilia Carlsson']);
    await viewScreenshot(anna.page, 'details-01-secretary');
    // The secretary on a phone-sized screen: the same fields, one under the other.
    await anna.page.setViewportSize({ width: 420, height: 860 });
    await panel.scrollIntoViewIfNeeded();
    await viewScreenshot(anna.page, 'details-01b-secretary-narrow');
    await anna.page.setViewportSize({ width: 1280, height: 860 });

    // Folded away, the panel leaves one line: date, time and place. The keyboard opens it again.
    const toggle = panel.getByRole('button', { name: 'Sammanträdet' });
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await panel.getByText('tisdag 14 maj 2024 · 18:00–20:15 · Stadshuset, sal 3').waitFor();
    await expect(panel.getByLabel('Plats', { exact: true }).isVisible()).resolves.toBe(false);
    await toggle.focus();
    await anna.page.keyboard.press('Enter');
    await panel.getByLabel('Plats', { exact: true }).waitFor();

    // The chair takes Cecilia off the adjusters; the secretary sees it go.
    await chairPanel
      .getByRole('button', { name: 'Ta bort Cecilia Carlsson som justerare' })
      .click();
    await expect
      .poll(() => annaAdjusters.locator('.meeting-details__adjuster-name').allTextContents())
      .toEqual(['Anita Löfgren']);

    // The observer reads everything and has nothing to change.
    const observer = details(cecilia.page);
    await expect
      .poll(() => shown(cecilia.page, 'Plats').textContent(), { timeout: 10_000 })
      .toBe('Stadshuset, sal 3');
    await expect.poll(() => shown(cecilia.page, 'Datum').textContent()).toBe('tisdag 14 maj 2024');
    await expect.poll(() => shown(cecilia.page, 'Tid').textContent()).toBe('18:00–20:15');
    await expect.poll(() => shown(cecilia.page, 'Ordförande').textContent()).toBe('Bertil Berg');
    await expect
      .poll(() => shown(cecilia.page, 'Sekreterare').textContent())
      .toBe('Anna Andersson');
    await expect.poll(() => shown(cecilia.page, 'Justerare').textContent()).toBe('Anita Löfgren');
    await expect(
      observer.locator('input, select, textarea, button:not(.meeting-details__toggle)').count(),
    ).resolves.toBe(0);
    await observer.scrollIntoViewIfNeeded();
    await viewScreenshot(cecilia.page, 'details-02-observer-narrow');
    await fullScreenshot(cecilia.page, 'details-03-observer-narrow-full');
    await viewScreenshot(bertil.page, 'details-04-chair');

    // The server took every write: nobody was refused, and it is all saved.
    for (const person of [anna, bertil, cecilia]) {
      await waitForConnection(person.page, 'saved');
      await expect(person.page.locator('.notice--error').count()).resolves.toBe(0);
    }

    // The minutes name the place, the time and the officers, in Markdown and HTML.
    const markdown = await exported(anna, 'md');
    for (const text of [
      'Tid: 18:00–20:15',
      'Plats: Stadshuset, sal 3',
      'Videolänk: https://meet.example/styrelsen',
      'Ordförande: Bertil Berg',
      'Sekreterare: Anna Andersson',
      'Justerare: Anita Löfgren',
    ])
      expect(markdown).toContain(text);
    expect(markdown).not.toContain('Justerare: Anita Löfgren, Cecilia');
    const html = await exported(cecilia, 'html');
    expect(html).toContain('Plats: Stadshuset, sal 3');
    expect(html).toContain(
      'Ordförande: Bertil Berg · Sekreterare: Anna Andersson · Justerare: Anita Löfgren',
    );

    for (const person of [anna, bertil, cecilia]) expect(person.errors).toEqual([]);
  }, 90_000);

  it('stays read-only for an adjuster, who corrects the text but not the header', async () => {
    // Elected adjuster while her page is open: the server moves her socket to the new role
    // (close code 4000) and the page asks again what she may do, without a reload.
    await board.setRole(meetingId, cecilia, 'adjuster');
    await cecilia.page
      .getByText('Som justerare kan du rätta rubriker')
      .waitFor({ timeout: 15_000 });
    // The role in the header follows too.
    await cecilia.page.locator('.meeting-header__role', { hasText: 'Justerare' }).waitFor();
    await waitForConnection(cecilia.page, 'saved');
    const panel = details(cecilia.page);
    await expect.poll(() => shown(cecilia.page, 'Plats').textContent()).toBe('Stadshuset, sal 3');
    await expect(
      panel.locator('input, select, textarea, button:not(.meeting-details__toggle)').count(),
    ).resolves.toBe(0);
    expect(cecilia.errors).toEqual([]);
  }, 30_000);

  it('shows the panel in English when the language is switched', async () => {
    await bertil.page.getByRole('button', { name: 'English' }).click();
    const panel = bertil.page.getByRole('region', { name: 'Meeting details' });
    await panel.getByRole('heading', { name: 'Officers of the meeting' }).waitFor();
    await expect(panel.getByLabel('Place', { exact: true }).inputValue()).resolves.toBe(
      'Stadshuset, sal 3',
    );
    await panel.getByRole('button', { name: 'Remove Anita Löfgren as adjuster' }).waitFor();
    await viewScreenshot(bertil.page, 'details-05-chair-english');
    await bertil.page.getByRole('button', { name: 'Svenska' }).click();
  }, 30_000);
});
