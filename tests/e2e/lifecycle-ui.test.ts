import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttendee, readItems, setItemBody, setMeta } from '../../shared/doc/index.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, type SyncClient, waitFor } from '../helpers/syncClient.ts';
import { type Person, TestBoard } from './accounts.ts';
import {
  closeBrowserAndServer,
  launchChromium,
  openPerson,
  screenshot,
  type TrackedPage,
} from './browser.ts';

// One meeting from draft to posted, in the browsers of the three people who sign it: the
// secretary runs the lifecycle, the chair and the adjuster sign in their own browsers, a
// signed-out visitor verifies the downloaded PDF, and after a correction the history shows what
// changed. The minutes' text is written over the sync socket (as in the integration tests), so
// this test depends on the workspace's editor only for being read-only when locked.

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;
let secretary: Person;
let chair: Person;
let adjuster: Person;
let visitor: TrackedPage;
let meetingId = '';
let writer: SyncClient | null = null;
const downloads = mkdtempSync(join(tmpdir(), 'justera-downloads-'));
let signedPdf = '';

const decisionText = 'Styrelsen beslutar att fastställa budgeten för 2027.';
const correctedText =
  'Styrelsen beslutar att fastställa budgeten för 2027 med ett överskott på 50 000 kronor.';

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  board = await TestBoard.create(server, browser, 'Sara Sekreterare');
  secretary = board.admin;
  chair = await board.invite('Carl Ordförande');
  // The adjuster signs on a phone-sized screen.
  adjuster = await board.invite('Jenny Justerare', { width: 420, height: 860 });
  // The creator of a meeting is its secretary.
  meetingId = await board.createMeeting('Styrelsemöte maj');
  await board.setRole(meetingId, chair, 'chair');
  await board.setRole(meetingId, adjuster, 'adjuster');

  // The secretary's minutes: a decision and an assignment in "Beslutsärenden".
  const response = await secretary.context.request.post(`${server.url}/api/auth/tokens`);
  const { token } = (await response.json()) as { token: string };
  writer = connectClient(server.syncUrl, meetingId, 'Sara Sekreterare', token);
  await writer.synced;
  writeDecision(decisionText);
  // Stored on the server (the register reads storage) before the story starts.
  const deadline = Date.now() + 10_000;
  while ((await decisionTexts()).length === 0) {
    if (Date.now() > deadline) throw new Error('the seeded decision never reached the register');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  writer?.destroy();
  for (const person of [secretary, chair, adjuster, visitor]) await person?.context.close();
  await closeBrowserAndServer(browser, server);
  rmSync(downloads, { recursive: true, force: true });
});

/** The page is the May meeting's workspace, opened at the § titled `title`, which is in view. */
async function expectSectionInView(page: Page, title: string): Promise<void> {
  await page.waitForURL(new RegExp(`/m/${meetingId}#item-`));
  const itemId = decodeURIComponent(new URL(page.url()).hash.slice('#item-'.length));
  if (writer === null) throw new Error('no writer');
  const item = readItems(writer.doc).find((entry) => entry.id === itemId);
  expect(item?.title).toBe(title);
  const section = page.locator(`[id="item-${itemId}"]`);
  await section.waitFor();
  await expect
    .poll(() =>
      section.evaluate((element) => {
        const { top } = element.getBoundingClientRect();
        return top >= 0 && top < window.innerHeight / 2;
      }),
    )
    .toBe(true);
}

function writeDecision(text: string): void {
  if (writer === null) throw new Error('no writer');
  const item = readItems(writer.doc).find((entry) => entry.title === 'Beslutsärenden');
  if (item === undefined) throw new Error('the standard agenda has no Beslutsärenden');
  setItemBody(writer.doc, item.id, [
    'Kassören redogör för budgetläget.',
    { type: 'decision', content: [text], votes: { for: 6, against: 1, abstain: 0 } },
    {
      type: 'assignment',
      assignee: 'Kassören',
      text: 'redovisa utfallet i mars',
      dueDate: '2027-03-31',
    },
  ]);
}

async function decisionTexts(): Promise<string[]> {
  const decisions = await apiGet<Array<{ text: string }>>(
    secretary,
    `/api/boards/${board.boardId}/decisions`,
  );
  return decisions.map((decision) => decision.text);
}

async function apiGet<T>(person: Person, path: string): Promise<T> {
  const response = await person.context.request.get(`${server.url}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Console errors that mean a bug (none are expected: signed-out pages no longer get 401s). */
function problems(person: TrackedPage): string[] {
  return person.errors;
}

function statusBadge(page: Page) {
  return page.locator('.lifecycle-bar .status-badge');
}

async function waitForStatus(page: Page, label: string): Promise<void> {
  await expect.poll(() => statusBadge(page).textContent(), { timeout: 15_000 }).toBe(label);
}

/** Opens the export menu and downloads the link with this name. */
async function download(page: Page, linkName: string): Promise<Download> {
  await page.getByRole('button', { name: 'Exportera' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName, exact: true }).click(),
  ]);
  return file;
}

async function openMeeting(person: Person): Promise<Page> {
  await person.page.goto(`${server.url}/m/${meetingId}`);
  await person.page.locator('.lifecycle-bar .status-badge').waitFor();
  return person.page;
}

describe('the lifecycle in the browser', () => {
  it('lets the secretary send the notice, run the session and lock the minutes', async () => {
    const page = await openMeeting(secretary);
    await waitForStatus(page, 'Utkast');
    await screenshot(page, 'lifecycle-01-draft');

    const notice = await download(page, 'Kallelse (PDF)');
    expect(notice.suggestedFilename()).toMatch(/^kallelse-2024-05-14-.*\.pdf$/);
    const noticePath = join(downloads, 'kallelse.pdf');
    await notice.saveAs(noticePath);
    expect(readFileSync(noticePath).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('button', { name: 'Markera kallelsen som skickad' }).click();
    await waitForStatus(page, 'Kallelse skickad');
    await page.getByRole('button', { name: 'Öppna sammanträdet' }).click();
    await waitForStatus(page, 'Sammanträdet pågår');
    await page.getByRole('button', { name: 'Avsluta sammanträdet' }).click();
    await waitForStatus(page, 'Protokoll upprättat');

    await page.getByRole('button', { name: 'Lås för justering' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lås protokollet för justering?' });
    await dialog.waitFor();
    await dialog.getByText('Carl Ordförande, ordförande').waitFor();
    await screenshot(page, 'lifecycle-02-lock-dialog');
    await dialog.getByRole('button', { name: 'Lås för justering' }).click();
    await waitForStatus(page, 'Låst för justering');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Låst för justering' }).waitFor();
    await page.getByText('Underskrifter: 0 av 3').waitFor();
    // Nobody edits locked minutes: the title is read-only here, as the server refuses updates.
    await expect
      .poll(() => page.getByLabel('Sammanträdets rubrik').getAttribute('readonly'))
      .not.toBeNull();
    await screenshot(page, 'lifecycle-03-locked');
    expect(problems(secretary)).toEqual([]);
  }, 90_000);

  it('collects three signatures, each in the signer’s own browser, seen live by the others', async () => {
    const secretaryPage = secretary.page;
    const chairPage = await openMeeting(chair);
    await waitForStatus(chairPage, 'Låst för justering');
    await chairPage.getByRole('button', { name: 'Skriv under' }).click();
    const dialog = chairPage.getByRole('dialog', { name: 'Skriva under protokollet?' });
    await dialog.getByText('Du skriver under som ordförande.', { exact: false }).waitFor();
    await screenshot(chairPage, 'lifecycle-04-sign-dialog');
    await dialog.getByRole('button', { name: 'Skriv under' }).click();
    await chairPage.getByText('Underskrifter: 1 av 3').waitFor();
    // The chair has signed: nothing left for the chair to do.
    await expect(chairPage.getByRole('button', { name: 'Skriv under' }).count()).resolves.toBe(0);

    // The secretary's page follows without a reload, and unlocking is gone after a signature.
    await secretaryPage.getByText('Underskrifter: 1 av 3').waitFor({ timeout: 15_000 });
    await expect.poll(() => secretaryPage.getByRole('button', { name: 'Lås upp' }).count()).toBe(0);

    const adjusterPage = await openMeeting(adjuster);
    await adjusterPage.getByRole('button', { name: 'Skriv under' }).click();
    await adjusterPage
      .getByRole('dialog', { name: 'Skriva under protokollet?' })
      .getByRole('button', { name: 'Skriv under' })
      .click();
    await adjusterPage.getByText('Underskrifter: 2 av 3').waitFor();

    await secretaryPage.getByText('Underskrifter: 2 av 3').waitFor({ timeout: 15_000 });
    await secretaryPage.getByRole('button', { name: 'Skriv under' }).click();
    const last = secretaryPage.getByRole('dialog', { name: 'Skriva under protokollet?' });
    await last.getByText('Du är den sista som skriver under').waitFor();
    await last.getByRole('button', { name: 'Skriv under' }).click();
    await waitForStatus(secretaryPage, 'Justerat');
    await secretaryPage.getByRole('heading', { name: /^Justerat / }).waitFor();
    await secretaryPage.getByText('Underskrifter: 3 av 3').waitFor();
    await waitForStatus(chairPage, 'Justerat');
    await screenshot(secretaryPage, 'lifecycle-05-signed');
    await screenshot(adjusterPage, 'lifecycle-05b-signed-adjuster');
    for (const person of [secretary, chair, adjuster]) expect(problems(person)).toEqual([]);
  }, 90_000);

  it('posts the adjusted minutes with their period and storage place', async () => {
    const page = secretary.page;
    await page.getByRole('button', { name: 'Anslå protokollet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anslå protokollet' });
    await dialog.waitFor();
    // The first field has the focus; an empty storage place is refused with a message.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('posted-from');
    await dialog.getByLabel('Anslaget från').fill('2024-05-20');
    await dialog.getByLabel('Anslaget till').fill('2024-06-10');
    await dialog.getByLabel('Förvaringsplats').fill('');
    await dialog.getByRole('button', { name: 'Anslå' }).click();
    await dialog.getByText('Skriv var protokollet förvaras.').waitFor();
    await dialog.getByLabel('Förvaringsplats').fill('Kansliet, Storgatan 1');
    await screenshot(page, 'lifecycle-06-post-dialog');
    await dialog.getByRole('button', { name: 'Anslå' }).click();
    await waitForStatus(page, 'Anslaget');
    await page
      .getByText('Anslaget 2024-05-20 – 2024-06-10. Förvaras: Kansliet, Storgatan 1.')
      .waitFor();
    await screenshot(page, 'lifecycle-07-posted');
  }, 60_000);

  it('downloads the signed PDF, which a signed-out visitor verifies; a changed copy fails', async () => {
    const page = secretary.page;
    const pdf = await download(page, 'PDF');
    expect(pdf.suggestedFilename()).toMatch(/^protokoll-2024-05-14-.*\.pdf$/);
    signedPdf = join(downloads, 'protokoll.pdf');
    await pdf.saveAs(signedPdf);

    // The issued files are listed in the menu too, with their checksum.
    await page.getByRole('button', { name: 'Exportera' }).click();
    await page.getByText('Utfärdade justerade filer').waitFor();
    // A PDF was issued at the last signature and again with the posting: the newest, the one
    // just downloaded, is in force; the first is listed as superseded.
    const sha = createHash('sha256').update(readFileSync(signedPdf)).digest('hex');
    const current = page
      .getByRole('list', { name: 'Utfärdade justerade filer' })
      .getByRole('link', { name: /^Justerat protokoll, PDF/ });
    await expect(current.getAttribute('href')).resolves.toMatch(new RegExp(`/${sha}$`));
    const superseded = page
      .getByRole('list', { name: 'Tidigare utfärdade (ersatta)' })
      .getByRole('link', { name: /^Justerat protokoll, PDF/ });
    await expect(superseded.count()).resolves.toBe(1);
    await screenshot(page, 'lifecycle-08-export-menu');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByRole('button', { name: 'Exportera' }).getAttribute('aria-expanded'))
      .toBe('false');

    visitor = await openPerson(browser);
    const verify = visitor.page;
    await verify.goto(`${server.url}/verify`);
    await verify.getByRole('heading', { name: 'Kontrollera ett justerat protokoll' }).waitFor();
    await verify.getByLabel('Protokollfil (PDF)').setInputFiles(signedPdf);
    const valid = verify.locator('.verify-result[data-valid="true"]');
    await valid.getByRole('heading', { name: 'Äkta justerat protokoll' }).waitFor();
    await valid.getByText('Styrelsemöte maj').waitFor();
    for (const name of ['Carl Ordförande', 'Jenny Justerare', 'Sara Sekreterare']) {
      await valid.getByText(name).waitFor();
    }
    await screenshot(verify, 'lifecycle-09-verify-valid');

    const bytes = readFileSync(signedPdf);
    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 2)] = (altered[Math.floor(altered.length / 2)] ?? 0) ^ 1;
    const alteredPath = join(downloads, 'protokoll-ändrat.pdf');
    writeFileSync(alteredPath, altered);
    await verify.getByLabel('Protokollfil (PDF)').setInputFiles(alteredPath);
    await verify
      .getByRole('heading', { name: 'Inte ett justerat protokoll från Justera' })
      .waitFor();
    await expect(verify.locator('.verify-result[data-valid="true"]').count()).resolves.toBe(0);
    await screenshot(verify, 'lifecycle-10-verify-invalid');
    // Signed out, and still no failed request in the console (the session endpoint answers 200).
    expect(problems(visitor)).toEqual([]);
  }, 60_000);

  it('corrects the signed minutes with a reason, and the history shows what changed', async () => {
    const page = secretary.page;
    await page.getByRole('button', { name: 'Rätta protokollet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rätta det justerade protokollet' });
    await dialog.getByRole('button', { name: 'Rätta protokollet' }).click();
    await dialog.getByText('Skriv varför protokollet rättas (minst 3 tecken).').waitFor();
    await dialog.getByLabel('Anledning till rättelsen').fill('Överskottet saknades i beslutet');
    await screenshot(page, 'lifecycle-11-correction-dialog');
    await dialog.getByRole('button', { name: 'Rätta protokollet' }).click();
    await waitForStatus(page, 'Protokoll upprättat');
    await expect.poll(() => page.locator('.lock-banner').count()).toBe(0);
    await expect
      .poll(() => page.getByLabel('Sammanträdets rubrik').getAttribute('readonly'))
      .toBeNull();

    // The secretary corrects the decision, enters the deputy who was missing from the
    // attendance list and the place (over the socket, like any writer). The decision goes last:
    // once the register shows it, the server has the other two as well.
    await waitFor(() => writer?.doc.getMap('meta').get('locked') === false, 'still locked');
    if (writer === null) throw new Error('no writer');
    addAttendee(writer.doc, { name: 'Anna Andersson', category: 'ersattare' });
    setMeta(writer.doc, { place: 'Föreningslokalen, Storgatan 1' });
    writeDecision(correctedText);
    await expect.poll(async () => (await decisionTexts()).join()).toContain('50 000 kronor');

    await page.getByRole('link', { name: 'Versioner' }).click();
    await page.getByRole('heading', { name: 'Versioner', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Justerat protokoll före rättelse/ });
    await row.getByText('Anledning: Överskottet saknades i beslutet').waitFor();
    await row
      .getByRole('link', {
        name: 'Jämför ”Justerat protokoll före rättelse” med protokollet som det är nu',
      })
      .click();
    await page.getByRole('heading', { name: 'Ändringar', exact: true }).waitFor();
    await page
      .getByText(/^Från ”Justerat protokoll före rättelse”, .* till protokollet som det är nu\.$/)
      .waitFor();
    const added = page.locator('ins.diff__added');
    await expect
      .poll(() => added.allTextContents())
      .toContainEqual(expect.stringContaining('50 000'));
    await page.locator('.diff__item', { hasText: 'Beslutsärenden' }).waitFor();
    // The header and the attendance list are part of what the adjuster reviews.
    await page.getByRole('heading', { name: 'Sammanträdet', level: 3 }).waitFor();
    const place = page.locator('.diff__value[data-field="place"]');
    await place.getByText('Plats:').waitFor();
    await place.getByText('(inget angivet)').waitFor();
    await expect
      .poll(() => place.locator('ins.diff__added').textContent())
      .toBe('tillagt: Föreningslokalen, Storgatan 1 (slut på ändringen) ');
    await page.getByRole('heading', { name: 'Närvaro', level: 3 }).waitFor();
    const deputy = page.locator('.diff__person[data-change="added"]');
    await deputy.getByText('Anna Andersson tillagd som ersättare').waitFor();
    await expect(deputy.locator('ins.diff__added').count()).resolves.toBe(1);
    await screenshot(page, 'lifecycle-12-history-diff');

    // A version as it was, and a save point of one's own.
    await page
      .getByRole('row', { name: /Låst för justering/ })
      .getByRole('link', { name: 'Visa versionen ”Låst för justering”' })
      .click();
    const version = page.locator('.version-document');
    await version.getByText(decisionText).waitFor();
    await expect(version.getByText('50 000').count()).resolves.toBe(0);
    await screenshot(page, 'lifecycle-13-history-version');

    await page.getByLabel('Namn på versionen').fill('Efter rättelsen');
    await page.getByRole('button', { name: 'Spara version' }).click();
    await page.getByText('Versionen ”Efter rättelsen” är sparad.').waitFor();
    await page.getByRole('row', { name: /Efter rättelsen/ }).waitFor();
    expect(problems(secretary)).toEqual([]);

    // The signed PDF still verifies as what it was, and says that a correction replaced it.
    const verify = visitor.page;
    await verify.getByLabel('Protokollfil (PDF)').setInputFiles(signedPdf);
    const valid = verify.locator('.verify-result[data-valid="true"]');
    await valid.getByText(/Protokollet rättades .*Överskottet saknades i beslutet/).waitFor();
    for (const name of ['Carl Ordförande', 'Jenny Justerare', 'Sara Sekreterare']) {
      await valid.getByText(name).waitFor();
    }
    await screenshot(verify, 'lifecycle-12b-verify-superseded');
  }, 90_000);

  it('searches the decision register and follows up an assignment', async () => {
    const page = secretary.page;
    // The next meeting's workspace lists May's open assignment, linking to its §.
    const june = await board.createMeeting('Styrelsemöte juni', '2024-06-11');
    await page.goto(`${server.url}/m/${june}`);
    const followUp = page.getByRole('region', { name: 'Uppföljning av uppdrag' });
    await followUp.getByText('redovisa utfallet i mars').waitFor();
    await screenshot(page, 'lifecycle-13-follow-up');
    await followUp.getByRole('link', { name: /Styrelsemöte maj/ }).click();
    await expectSectionInView(page, 'Beslutsärenden');

    await page.goto(`${server.url}/b/${board.boardId}`);
    await page.getByRole('link', { name: 'Beslutsregister och uppdrag' }).click();
    await page.getByRole('heading', { name: 'Beslutsregister', level: 1 }).waitFor();
    await page.getByLabel('Sök bland besluten').fill('överskott');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('1 beslut innehåller ”överskott”').waitFor();
    const entry = page.locator('.register-entry');
    await entry.getByText('50 000 kronor', { exact: false }).waitFor();
    await entry.getByText('Röster: 6 för, 1 emot, 0 avstår.').waitFor();
    await screenshot(page, 'lifecycle-14-register-search');
    // A decision links to its §, and the workspace scrolls there.
    await entry.getByRole('link', { name: /Beslutsärenden/ }).click();
    await expectSectionInView(page, 'Beslutsärenden');
    await page.goBack();
    await page.getByText('1 beslut innehåller ”överskott”').waitFor();
    await page.getByLabel('Sök bland besluten').fill('ingenting sådant');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Inga beslut matchar sökningen.').waitFor();

    await page.getByRole('tab', { name: 'Uppdrag' }).click();
    const checkbox = page.getByRole('checkbox', { name: 'Klart: redovisa utfallet i mars' });
    await checkbox.click();
    await page.getByText('Markerat som klart: redovisa utfallet i mars').waitFor();
    // Open assignments only (the default): the done one has left the list.
    await page.getByText('Inga uppdrag att visa.').waitFor();
    await page.getByRole('radio', { name: 'Klara' }).check();
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    await page.getByText(/^Klart \d/).waitFor();
    await screenshot(page, 'lifecycle-15-register-assignments');

    // The link leads back to the assignment's § in the meeting.
    await page
      .getByRole('link', { name: /Styrelsemöte maj/ })
      .first()
      .click();
    await expectSectionInView(page, 'Beslutsärenden');
    expect(problems(secretary)).toEqual([]);
  }, 60_000);

  it('works from the keyboard: dialogs keep and return the focus, tabs follow the arrow keys', async () => {
    const page = secretary.page;
    await page.goto(`${server.url}/m/${meetingId}`);
    await waitForStatus(page, 'Protokoll upprättat');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const lock = page.getByRole('button', { name: 'Lås för justering' });
    await lock.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Lås protokollet för justering?' });
    await dialog.waitFor();
    // The decision is the point of the dialog: its confirm button has the focus.
    await expect.poll(focused).toBe('Lås för justering');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null))
      .toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(focused).toBe('Lås för justering');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.lifecycle-bar') !== null))
      .toBe(true);
    await waitForStatus(page, 'Protokoll upprättat');

    // The export menu opens from the keyboard, and Escape gives the focus back to its button.
    const exportButton = page.getByRole('button', { name: 'Exportera' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('PDF');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Exportera');

    await page.goto(`${server.url}/b/${board.boardId}/register`);
    const decisionsTab = page.getByRole('tab', { name: 'Beslut' });
    await decisionsTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Uppdrag' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(focused).toBe('Uppdrag');
    expect(new URL(page.url()).search).toBe('?tab=assignments');
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe('Beslut');
    expect(problems(secretary)).toEqual([]);
  }, 60_000);

  it('lists the board’s invitations, previews a link before accepting, and withdraws one', async () => {
    const page = secretary.page;
    await page.goto(`${server.url}/b/${board.boardId}`);
    const sent = page.getByRole('list', { name: 'Skickade inbjudningar' });
    // The chair and the adjuster came in by invitation: two used links.
    await expect.poll(() => sent.getByText(/^Använd /).count()).toBe(2);
    await page.getByLabel('Bara för e-postadress').fill('ny.ledamot@example.test');
    await page.getByRole('button', { name: 'Skapa inbjudningslänk' }).click();
    const link = await page.getByLabel('Inbjudningslänk', { exact: true }).inputValue();
    const withdraw = sent.getByRole('button', {
      name: 'Dra tillbaka inbjudan: Bara för ny.ledamot@example.test',
    });
    await withdraw.waitFor();
    await screenshot(page, 'lifecycle-17-invitations');

    // Signed out, the link shows which board it is for and the role, before anything else.
    const preview = visitor.page;
    await preview.goto(link);
    await preview.locator('.invitation-details').getByText('Styrelsen').waitFor();
    await preview.getByText('Du bjuds in som Medlem.').waitFor();
    await preview
      .getByText('Inbjudan gäller en särskild e-postadress.', { exact: false })
      .waitFor();
    await screenshot(preview, 'lifecycle-18-invitation-preview');

    await withdraw.click();
    await page.getByText('Inbjudan är tillbakadragen. Länken fungerar inte längre.').waitFor();
    await expect.poll(() => withdraw.count()).toBe(0);
    await preview.reload();
    await preview.getByRole('heading', { name: 'Inbjudan är inte giltig' }).waitFor();
    expect(problems(secretary)).toEqual([]);
  }, 60_000);

  it('shows the lifecycle in English too', async () => {
    const page = chair.page;
    await page.goto(`${server.url}/m/${meetingId}`);
    await page.getByRole('button', { name: 'English' }).click();
    await waitForStatus(page, 'Minutes drafted');
    await page.getByRole('link', { name: 'Versions' }).waitFor();
    await screenshot(page, 'lifecycle-16-english');
    await page.getByRole('button', { name: 'Svenska' }).click();
  }, 30_000);
});
