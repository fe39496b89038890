import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { emailFor, testPassword } from './accounts.ts';
import {
  closeBrowserAndServer,
  launchChromium,
  openPerson,
  type TrackedPage,
  waitForConnection,
  waitForEditorText,
} from './browser.ts';
import { viewScreenshot } from './workspacePage.ts';

// Issue 4, requirement 7, as one story on one empty server, every step through the product's
// own screens (no API calls): the first person signs up and creates a board, invites a second
// person by link (another browser), makes him chair, and both write in the same §; then a third
// person joins by invitation as an observer and reads along in a read-only editor.

let server: ServerProcess;
let browser: Browser;
const people: TrackedPage[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const person of people) await person.context.close();
  await closeBrowserAndServer(browser, server);
});

async function person(): Promise<TrackedPage> {
  const tracked = await openPerson(browser);
  people.push(tracked);
  return tracked;
}

/** The admin makes an invitation link on the board page and returns it. */
async function inviteLink(page: Page, boardUrl: string): Promise<string> {
  await page.goto(boardUrl);
  await page.getByRole('button', { name: 'Skapa inbjudningslänk' }).click();
  const link = page.getByLabel('Inbjudningslänk', { exact: true });
  await link.waitFor();
  return link.inputValue();
}

/** A new person opens the invitation link and creates their account from it. */
async function acceptInvitation(link: string, name: string): Promise<TrackedPage> {
  const invited = await person();
  await invited.page.goto(link);
  await invited.page.getByRole('heading', { name: 'Inbjudan till en styrelse' }).waitFor();
  await invited.page.getByLabel('Namn').fill(name);
  await invited.page.getByLabel('E-postadress').fill(emailFor(name));
  await invited.page.getByLabel('Nytt lösenord').fill(testPassword);
  await invited.page.getByRole('button', { name: 'Skapa konto och gå med' }).click();
  await invited.page.getByText('Din roll: Medlem').waitFor();
  return invited;
}

/** The admin gives `name` a meeting role in the meeting's roles panel. */
async function setMeetingRole(page: Page, name: string, role: string): Promise<void> {
  await page.getByRole('button', { name: 'Roller' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roller i sammanträdet' });
  await dialog.getByLabel(name).selectOption(role);
  await dialog.getByRole('button', { name: 'Spara roller' }).click();
  await dialog.getByText('Rollerna är sparade.').waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens the meeting from the person's board page, as a member finds it. */
async function openFromBoard(page: Page, boardUrl: string, meetingUrl: string): Promise<void> {
  await page.goto(boardUrl);
  await page
    .getByRole('list', { name: 'Kommande' })
    .getByRole('link', { name: /Styrelsemöte/ })
    .click();
  await page.waitForURL(meetingUrl);
  await waitForConnection(page, 'connected');
}

async function appendToFirstSection(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Protokolltext för § 1' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

describe('a board from the first sign-up to a meeting with a chair and an observer', () => {
  it('signs up, creates a board, invites by link, assigns chair and observer, and both editors meet in one §', async () => {
    // 1. The first person on an empty server creates the first account (the instance admin).
    const anna = await person();
    await anna.page.goto(`${server.url}/`);
    await anna.page.getByRole('link', { name: 'Skapa det första kontot' }).click();
    await anna.page.getByLabel('Namn').fill('Anna Andersson');
    await anna.page.getByLabel('E-postadress').fill(emailFor('Anna Andersson'));
    await anna.page.getByLabel('Nytt lösenord').fill(testPassword);
    await anna.page.getByRole('button', { name: 'Skapa konto' }).click();

    // 2. She creates a board.
    await anna.page.getByRole('heading', { name: 'Styrelser', level: 1 }).waitFor();
    await anna.page.getByLabel('Styrelsens namn').fill('Styrelsen');
    await anna.page.getByLabel('Organisation').fill('Samordningsförbundet Testbygden');
    await anna.page.getByRole('button', { name: 'Skapa styrelse' }).click();
    await anna.page.getByRole('heading', { name: 'Styrelsen', level: 1 }).waitFor();
    const boardUrl = anna.page.url();

    // 3. She invites Bertil by link; he accepts in his own browser and creates his account.
    const bertil = await acceptInvitation(await inviteLink(anna.page, boardUrl), 'Bertil Berg');
    expect(bertil.page.url()).toBe(boardUrl);

    // 4. She creates a meeting (she is its secretary) and makes Bertil its chair.
    await anna.page.goto(boardUrl);
    await anna.page.getByRole('button', { name: 'Nytt sammanträde' }).click();
    await anna.page.getByLabel('Datum').fill('2099-05-14');
    await anna.page.getByRole('button', { name: 'Skapa och öppna' }).click();
    await anna.page.waitForURL(/\/m\/[\w-]+$/);
    const meetingUrl = anna.page.url();
    await waitForConnection(anna.page, 'connected');
    await anna.page.locator('.meeting-header__role', { hasText: 'Sekreterare' }).waitFor();
    await setMeetingRole(anna.page, 'Bertil Berg', 'chair');

    // 5. Bertil opens the same meeting as chair; both write in § 1 and see each other's text.
    await openFromBoard(bertil.page, boardUrl, meetingUrl);
    await bertil.page.locator('.meeting-header__role', { hasText: 'Ordförande' }).waitFor();
    for (const { page } of [anna, bertil])
      await waitForEditorText(page, ['förklarar mötet öppnat']);
    await appendToFirstSection(anna.page, 'Anna: sammanträdet öppnas kl. 18.00.');
    await appendToFirstSection(bertil.page, 'Bertil: dagordningen godkänns.');
    const both = ['Anna: sammanträdet öppnas kl. 18.00.', 'Bertil: dagordningen godkänns.'];
    for (const { page } of [anna, bertil]) await waitForEditorText(page, both);
    await waitForConnection(bertil.page, 'saved');
    await viewScreenshot(bertil.page, 'story-01-chair-and-secretary');

    // 6. A third person, Cecilia, joins by invitation; Anna makes her an observer.
    const cecilia = await acceptInvitation(
      await inviteLink(anna.page, boardUrl),
      'Cecilia Carlsson',
    );
    await anna.page.goto(meetingUrl);
    await waitForConnection(anna.page, 'connected');
    await setMeetingRole(anna.page, 'Cecilia Carlsson', 'observer');

    // 7. Cecilia reads the minutes, but every editor is read-only for her …
    await openFromBoard(cecilia.page, boardUrl, meetingUrl);
    await cecilia.page.locator('.meeting-header__role', { hasText: 'Observatör' }).waitFor();
    await cecilia.page.getByText('Du kan läsa protokollet men inte ändra det.').waitFor();
    await waitForEditorText(cecilia.page, both);
    const body = cecilia.page.getByRole('textbox', { name: 'Protokolltext för § 1' });
    await expect(body.getAttribute('contenteditable')).resolves.toBe('false');
    await expect(
      cecilia.page.locator('.ProseMirror[contenteditable="true"]').count(),
    ).resolves.toBe(0);
    await body.click();
    await cecilia.page.keyboard.type('Cecilia försöker skriva.');
    // … and what the editors write still reaches her live.
    await appendToFirstSection(bertil.page, 'Bertil: mötet fortsätter.');
    await waitForEditorText(cecilia.page, [...both, 'Bertil: mötet fortsätter.']);
    for (const { page } of [anna, bertil, cecilia]) {
      await expect(
        page.getByRole('textbox', { name: 'Protokolltext för § 1' }).textContent(),
      ).resolves.not.toContain('Cecilia försöker skriva.');
    }
    await cecilia.page.evaluate(() => window.scrollTo(0, 0));
    await viewScreenshot(cecilia.page, 'story-02-observer-read-only');
    for (const { errors } of [anna, bertil, cecilia]) expect(errors).toEqual([]);
  }, 180_000);
});
