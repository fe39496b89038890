import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { emailFor, testPassword } from './accounts.ts';
import {
  closeBrowserAndServer,
  launchChromium,
  openPerson,
  screenshot,
  type TrackedPage,
  waitForConnection,
  waitForEditorText,
} from './browser.ts';

// One server and one story: the first person signs up in the browser, creates a board, invites
// a second person who creates their account from the link, and both meet in the same meeting.
// Every step goes through the product's own screens, nothing through the API directly.

let server: ServerProcess;
let browser: Browser;
const people: TrackedPage[] = [];

let anna: TrackedPage;
let bertil: TrackedPage;
let boardUrl = '';
let invitationUrl = '';
let meetingUrl = '';

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const person of people) await person.context.close();
  await closeBrowserAndServer(browser, server);
});

async function person(viewport?: { width: number; height: number }): Promise<TrackedPage> {
  const tracked = await openPerson(browser, viewport === undefined ? {} : { viewport });
  people.push(tracked);
  return tracked;
}

/** The element that has the keyboard focus, described by its accessible label or text. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null) return '';
    const labelled = element.id
      ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)
      : null;
    return (labelled?.textContent ?? element.textContent ?? '').trim();
  });
}

/**
 * Console errors that mean a bug. A wrong password gets 401, and Chromium logs that response
 * itself. (A signed-out page load no longer does: it asks GET /api/auth/session, always 200.)
 */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/status of 401/.test(error));
}

/** Names of the IndexedDB databases in which the browser keeps meetings for offline work. */
function localMeetingCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('justera:')),
  );
}

async function pathOf(page: Page): Promise<string> {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

describe('accounts, boards and roles in the browser', () => {
  it('sends a visitor to sign in, and lets the first person create the first account', async () => {
    anna = await person();
    const { page } = anna;
    await page.goto(`${server.url}/account`);
    await page.waitForURL(`${server.url}/login?next=%2Faccount`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await screenshot(page, 'accounts-01-login');

    await page.getByRole('link', { name: 'Skapa det första kontot' }).click();
    await page.getByRole('heading', { name: 'Skapa det första kontot' }).waitFor();
    expect(await pathOf(page)).toBe('/signup?next=%2Faccount');

    // Sending the empty form marks every field, announces it and puts the focus on the first.
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByText('Skriv ditt namn.').waitFor();
    await expect(page.getByLabel('Namn').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => focusedText(page)).toBe('Namn');
    await page.getByLabel('Nytt lösenord').fill('kort');
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByText('Lösenordet måste vara minst 10 tecken.').waitFor();
    await screenshot(page, 'accounts-02-signup-errors');

    await page.getByLabel('Namn').fill('Anna Andersson');
    await page.getByLabel('E-postadress').fill(emailFor('Anna Andersson'));
    await page.getByLabel('Nytt lösenord').fill(testPassword);
    await page.getByRole('button', { name: 'Skapa konto' }).click();

    // Back where she was heading: the account page, with her name from the server.
    await page.getByRole('heading', { name: 'Ditt konto' }).waitFor();
    expect(await pathOf(page)).toBe('/account');
    await page.locator('main').getByText(emailFor('Anna Andersson')).waitFor();
    await expect(page.locator('.user-menu__button').textContent()).resolves.toContain(
      'Anna Andersson',
    );
  }, 60_000);

  it('creates a board and an invitation link from the board page', async () => {
    const { page } = anna;
    await page.getByRole('link', { name: 'Justera – till startsidan' }).click();
    await page.getByRole('heading', { name: 'Styrelser', level: 1 }).waitFor();
    await page.getByText('Du är inte med i någon styrelse ännu.').waitFor();
    await screenshot(page, 'accounts-03-no-boards');

    await page.getByLabel('Styrelsens namn').fill('Styrelsen');
    await page.getByLabel('Organisation').fill('Samordningsförbundet Testbygden');
    await page.getByRole('button', { name: 'Skapa styrelse' }).click();
    await page.getByRole('heading', { name: 'Styrelsen', level: 1 }).waitFor();
    boardUrl = page.url();
    expect(new URL(boardUrl).pathname).toMatch(/^\/b\/[\w-]+$/);
    await page.getByText('Din roll: Administratör').waitFor();
    const directory = page.getByRole('table', { name: 'Ledamöter i Styrelsen' });
    await directory.getByRole('rowheader', { name: /Anna Andersson/ }).waitFor();

    await page.getByRole('button', { name: 'Skapa inbjudningslänk' }).click();
    const link = page.getByLabel('Inbjudningslänk', { exact: true });
    await link.waitFor();
    invitationUrl = await link.inputValue();
    expect(invitationUrl).toMatch(new RegExp(`^${server.url}/invitation/[\\w-]+$`));
    // The link takes the focus, selected, ready to copy.
    await expect.poll(() => focusedText(page)).toBe('Inbjudningslänk');
    await page.getByText('Som Medlem').waitFor();
    await page
      .getByRole('list', { name: 'Inbjudningslänkar du har skapat' })
      .getByText(/^Gäller till /)
      .waitFor();
    // The board's list of invitations shows it too, open, with a way to withdraw it.
    await page
      .getByRole('list', { name: 'Skickade inbjudningar' })
      .getByRole('button', { name: 'Dra tillbaka inbjudan: Vem som helst med länken' })
      .waitFor();
    await screenshot(page, 'accounts-04-board-invitation');
    expect(unexpected(anna.errors)).toEqual([]);
  }, 60_000);

  it('lets the invited person create an account from the link and join the board', async () => {
    bertil = await person({ width: 420, height: 860 });
    const { page } = bertil;
    await page.goto(invitationUrl);
    await page.getByRole('heading', { name: 'Inbjudan till en styrelse' }).waitFor();
    await page.getByLabel('Namn').fill('Bertil Berg');
    await page.getByLabel('E-postadress').fill(emailFor('Bertil Berg'));
    await page.getByLabel('Nytt lösenord').fill(testPassword);
    await screenshot(page, 'accounts-05-invitation-narrow');
    await page.getByRole('button', { name: 'Skapa konto och gå med' }).click();

    await page.getByRole('heading', { name: 'Styrelsen', level: 1 }).waitFor();
    expect(page.url()).toBe(boardUrl);
    await page.getByText('Din roll: Medlem').waitFor();
    // Members see the directory but not the invitation form.
    await expect(page.getByRole('button', { name: 'Skapa inbjudningslänk' }).count()).resolves.toBe(
      0,
    );
    expect(unexpected(bertil.errors)).toEqual([]);
  }, 60_000);

  it('lets the admin give a member a title in the directory, by keyboard', async () => {
    const { page } = anna;
    await page.goto(boardUrl);
    const directory = page.getByRole('table', { name: 'Ledamöter i Styrelsen' });
    await directory.getByRole('button', { name: 'Ändra Bertil Berg' }).focus();
    await page.keyboard.press('Enter');
    // The row turns into a form with the focus on its first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ersättare');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Region Testbygden');
    await screenshot(page, 'accounts-05b-member-edit');
    await page.keyboard.press('Enter');
    await page.getByText('Ändringen för Bertil Berg är sparad.').waitFor();
    await directory.getByRole('cell', { name: 'Ersättare' }).waitFor();
    await directory.getByRole('cell', { name: 'Region Testbygden' }).waitFor();
    await expect.poll(() => focusedText(page)).toBe('Ändra Bertil Berg');
    expect(unexpected(anna.errors)).toEqual([]);
  }, 60_000);

  it('explains a used invitation and a closed sign-up to a third person', async () => {
    const cecilia = await person();
    const { page } = cecilia;
    // The link's preview (GET /api/invitations/:token) says at once that it was used: no form
    // to fill in first.
    await page.goto(invitationUrl);
    await page.getByRole('heading', { name: 'Inbjudan har redan använts' }).waitFor();
    await expect(page.getByLabel('Namn').count()).resolves.toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Inbjudan har redan använts');
    await screenshot(page, 'accounts-06-invitation-used');

    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Namn').fill('Cecilia Carlsson');
    await page.getByLabel('E-postadress').fill(emailFor('Cecilia Carlsson'));
    await page.getByLabel('Nytt lösenord').fill(testPassword);
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByRole('heading', { name: 'Registreringen är stängd' }).waitFor();
    await page.getByText('Be en administratör i din styrelse om en inbjudningslänk.').waitFor();
    await screenshot(page, 'accounts-07-signup-closed');
  }, 60_000);

  it('lets the instance admin open sign-up on the account page, and close it again', async () => {
    const { page } = anna;
    await page.goto(`${server.url}/account`);
    const settings = page.getByRole('region', { name: 'Servern' });
    const open = settings.getByRole('checkbox', { name: 'Tillåt nya konton utan inbjudan' });
    await expect.poll(() => open.isEnabled()).toBe(true);
    await expect(open.isChecked()).resolves.toBe(false);
    await open.check();
    await settings
      .getByText('Registreringen är öppen: vem som helst kan skapa ett konto.')
      .waitFor();
    await screenshot(page, 'accounts-07b-open-signup');

    // A visitor without an invitation now finds a way to create an account from the sign-in page.
    const cecilia = await person();
    await cecilia.page.goto(`${server.url}/login`);
    await cecilia.page.getByRole('link', { name: 'Skapa ett konto' }).click();
    await cecilia.page.getByRole('heading', { name: 'Skapa ett konto' }).waitFor();
    await cecilia.page.getByLabel('Namn').fill('Cecilia Carlsson');
    await cecilia.page.getByLabel('E-postadress').fill(emailFor('Cecilia Carlsson'));
    await cecilia.page.getByLabel('Nytt lösenord').fill(testPassword);
    await screenshot(cecilia.page, 'accounts-07c-signup-open');
    await cecilia.page.getByRole('button', { name: 'Skapa konto' }).click();
    await cecilia.page.getByRole('heading', { name: 'Styrelser', level: 1 }).waitFor();
    // Her account is an ordinary one: on no board, and without the server's settings.
    await cecilia.page.getByText('Du är inte med i någon styrelse ännu.').waitFor();
    await cecilia.page.goto(`${server.url}/account`);
    await cecilia.page.getByRole('heading', { name: 'Ditt konto' }).waitFor();
    await expect(cecilia.page.getByRole('region', { name: 'Servern' }).count()).resolves.toBe(0);

    // Closed again, the next visitor is turned away.
    await open.uncheck();
    await settings.getByText('Registreringen är stängd: nya konton bara via inbjudan.').waitFor();
    await page.reload();
    await expect.poll(() => open.isEnabled()).toBe(true);
    await expect(open.isChecked()).resolves.toBe(false);
    const david = await person();
    await david.page.goto(`${server.url}/signup`);
    await david.page.getByLabel('Namn').fill('David Dahl');
    await david.page.getByLabel('E-postadress').fill(emailFor('David Dahl'));
    await david.page.getByLabel('Nytt lösenord').fill(testPassword);
    await david.page.getByRole('button', { name: 'Skapa konto' }).click();
    await david.page.getByRole('heading', { name: 'Registreringen är stängd' }).waitFor();
    expect(unexpected(anna.errors)).toEqual([]);
    expect(unexpected(cecilia.errors)).toEqual([]);
  }, 60_000);

  it('creates a meeting from the board page and opens it with the creator as secretary', async () => {
    const { page } = anna;
    await page.goto(boardUrl);
    await page.getByRole('button', { name: 'Nytt sammanträde' }).click();
    // The form opens with the focus in its first field, the title following the kind.
    await expect.poll(() => focusedText(page)).toBe('Rubrik');
    await expect(page.getByLabel('Rubrik').inputValue()).resolves.toBe('Styrelsemöte');
    await page.getByLabel('Typ av sammanträde').selectOption('workingCommittee');
    await expect(page.getByLabel('Rubrik').inputValue()).resolves.toBe('Arbetsutskott');
    await page.getByLabel('Rubrik').fill('Styrelsemöte 14 maj');
    await page.getByLabel('Typ av sammanträde').selectOption('board');
    await expect(page.getByLabel('Rubrik').inputValue()).resolves.toBe('Styrelsemöte 14 maj');
    await page.getByLabel('Datum').fill('2099-05-14');
    await page.getByLabel('Starttid').fill('18:00');
    await page.getByLabel('Plats').fill('Kommunhuset, sal 2');
    await page.getByLabel('Första paragrafnummer (§)').fill('0');
    await page.getByRole('button', { name: 'Skapa och öppna' }).click();
    await page.getByText('Skriv ett heltal från 1 och uppåt.').waitFor();
    await page.getByLabel('Första paragrafnummer (§)').fill('47');
    await screenshot(page, 'accounts-08-new-meeting-form');
    await page.getByRole('button', { name: 'Skapa och öppna' }).click();

    await page.waitForURL(/\/m\/[\w-]+$/);
    meetingUrl = page.url();
    await waitForConnection(page, 'connected');
    await expect(page.getByLabel('Sammanträdets rubrik').inputValue()).resolves.toBe(
      'Styrelsemöte 14 maj',
    );
    await page.locator('.meeting-header__role', { hasText: 'Sekreterare' }).waitFor();
    await page.getByRole('link', { name: 'Styrelsen' }).waitFor();
    expect(unexpected(anna.errors)).toEqual([]);
  }, 60_000);

  it('offers the board’s members, with title and organisation, when adding an attendee', async () => {
    const { page } = anna;
    const panel = page.getByRole('complementary', { name: 'Närvaro' });
    await panel.getByRole('button', { name: 'Lägg till person' }).click();
    const name = panel.getByLabel('Namn', { exact: true });
    // The name field suggests the member directory: each member with title and organisation.
    const suggestions = await name.evaluate((input: HTMLInputElement) =>
      [...(input.list?.options ?? [])].map(
        (option) => `${option.value}|${option.getAttribute('label') ?? ''}`,
      ),
    );
    expect(suggestions).toEqual(['Anna Andersson|', 'Bertil Berg|Ersättare, Region Testbygden']);
    // Choosing Bertil brings his organisation, and his title makes him an ersättare.
    await name.fill('Bertil Berg');
    await expect(panel.getByLabel('Organisation').inputValue()).resolves.toBe('Region Testbygden');
    await expect(panel.getByLabel('Kategori').inputValue()).resolves.toBe('ersattare');
    await screenshot(page, 'accounts-08b-attendee-from-directory');
    await panel.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await panel.getByRole('button', { name: 'Stäng' }).click();
    const deputies = panel.getByRole('region', { name: /^Ersättare/ });
    await deputies.locator('.attendee__name', { hasText: 'Bertil Berg' }).waitFor();
    await deputies.getByText('Ersättare, Region Testbygden').waitFor();

    // The rest of the directory (Anna) in one go, as beslutande.
    await panel.getByRole('button', { name: 'Lägg till styrelsens ledamöter (1)' }).click();
    await panel
      .getByRole('region', { name: /^Beslutande/ })
      .locator('.attendee__name', { hasText: 'Anna Andersson' })
      .waitFor();
    await expect(
      panel.getByRole('button', { name: /^Lägg till styrelsens ledamöter/ }).count(),
    ).resolves.toBe(0);
    expect(unexpected(anna.errors)).toEqual([]);
  }, 60_000);

  it('lets the admin make the second person an observer in the roles panel', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Roller' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roller i sammanträdet' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Anna Andersson').inputValue()).resolves.toBe('secretary');
    await expect(dialog.getByLabel('Bertil Berg').inputValue()).resolves.toBe('member');
    await dialog.getByLabel('Bertil Berg').selectOption('observer');
    await dialog.getByRole('button', { name: 'Spara roller' }).click();
    await dialog.getByText('Rollerna är sparade.').waitFor();
    await expect(dialog.getByLabel('Bertil Berg').inputValue()).resolves.toBe('observer');
    await screenshot(page, 'accounts-09-roles-dialog');

    // Escape closes the dialog and the focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedText(page)).toBe('Roller');
    expect(unexpected(anna.errors)).toEqual([]);
  }, 60_000);

  it('shows the observer the secretary’s text live in a read-only editor', async () => {
    const { page } = bertil;
    // Bertil finds the meeting on his board page, among the upcoming ones.
    await page.goto(boardUrl);
    const upcoming = page.getByRole('list', { name: 'Kommande' });
    await upcoming.getByRole('link', { name: /Styrelsemöte 14 maj/ }).click();
    await page.waitForURL(meetingUrl);
    await waitForConnection(page, 'connected');
    await page.locator('.meeting-header__role', { hasText: 'Observatör' }).waitFor();
    await page.getByText('Du kan läsa protokollet men inte ändra det.').waitFor();
    // Every editor of the minutes (one per §) is read-only for him.
    await page.locator('.ProseMirror').first().waitFor();
    await expect(page.locator('.ProseMirror[contenteditable="true"]').count()).resolves.toBe(0);
    await expect(page.locator('.ProseMirror[contenteditable="false"]').count()).resolves.toBe(
      await page.locator('.ProseMirror').count(),
    );

    const secretary = anna.page;
    await secretary.locator('.ProseMirror').first().click();
    await secretary.keyboard.press('Control+End');
    await secretary.keyboard.press('Enter');
    await secretary.keyboard.type('Anna: sammanträdet öppnas kl. 18.00.');
    await waitForEditorText(page, ['Anna: sammanträdet öppnas kl. 18.00.']);
    await expect(
      secretary.locator('.ProseMirror').first().getAttribute('contenteditable'),
    ).resolves.toBe('true');

    // He sees the roles, but cannot change them.
    await page.getByRole('button', { name: 'Roller' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roller i sammanträdet' });
    await dialog.getByText('Observatör').first().waitFor();
    await expect(dialog.locator('select').count()).resolves.toBe(0);
    await screenshot(page, 'accounts-10-observer-roles-narrow');
    await dialog.getByRole('button', { name: 'Stäng' }).last().click();

    await screenshot(secretary, 'accounts-11-meeting-secretary');
    await screenshot(page, 'accounts-12-meeting-observer-narrow');
    expect(unexpected(bertil.errors)).toEqual([]);
    expect(unexpected(anna.errors)).toEqual([]);
  }, 90_000);

  it('signs out from the user menu and back in to the page that was asked for', async () => {
    const { page } = bertil;
    await page.getByRole('button', { name: /Inloggad som Bertil Berg/ }).click();
    await screenshot(page, 'accounts-13-user-menu-narrow');
    // The meeting he had open is kept in this browser for offline work …
    await expect.poll(() => localMeetingCopies(page)).not.toEqual([]);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    // … and is gone once he signs out: the next person at this computer finds no minutes.
    await expect.poll(() => localMeetingCopies(page)).toEqual([]);

    // Signed out, the meeting sends him to sign in, and back to the meeting afterwards.
    await page.goto(meetingUrl);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.getByLabel('E-postadress').fill(emailFor('Bertil Berg'));
    await page.getByLabel('Lösenord').fill('fel lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Fel e-postadress eller lösenord.').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Lösenord');
    await page.getByLabel('Lösenord').fill(testPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(meetingUrl);
    await waitForConnection(page, 'connected');
    await waitForEditorText(page, ['Anna: sammanträdet öppnas kl. 18.00.']);
    expect(unexpected(bertil.errors)).toEqual([]);
  }, 60_000);

  it('changes the password on the account page', async () => {
    const { page } = bertil;
    await page.goto(`${server.url}/account`);
    await page.getByLabel('Nuvarande lösenord').fill(testPassword);
    await page.getByLabel('Nytt lösenord').fill('ett helt nytt lösenord');
    await page.getByLabel('Upprepa det nya lösenordet').fill('ett annat lösenord');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenorden är inte likadana.').waitFor();
    await page.getByLabel('Upprepa det nya lösenordet').fill('ett helt nytt lösenord');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenordet är bytt. Andra enheter har loggats ut.').waitFor();
    await screenshot(page, 'accounts-14-password-changed-narrow');
  }, 60_000);

  it('shows the board page in English', async () => {
    const { page } = anna;
    await page.goto(boardUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Meetings' }).waitFor();
    await page.getByText('Your role: Administrator').waitFor();
    await page.getByRole('list', { name: 'Upcoming' }).getByText('Board meeting').waitFor();
    await screenshot(page, 'accounts-15-board-english');
    await page.getByRole('button', { name: 'Svenska' }).click();
    expect(unexpected(anna.errors)).toEqual([]);
  }, 30_000);
});
