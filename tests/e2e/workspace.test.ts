import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { type Person, TestBoard } from './accounts.ts';
import { closeBrowserAndServer, launchChromium, waitForConnection } from './browser.ts';
import { agenda, agendaRow, body, viewScreenshot as screenshot, section } from './workspacePage.ts';

// Two people run one meeting in two browsers: the secretary (Anna) and the chair (Bertil), both
// with write access. Everything one does must show up on the other's page, numbered the same.

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;
let anna: Person;
let bertil: Person;
let meetingId: string;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  board = await TestBoard.create(server, browser, 'Anna Andersson');
  anna = board.admin;
  bertil = await board.invite('Bertil Berg');
  meetingId = await board.createMeeting('Styrelsemöte');
  await board.setRole(meetingId, anna, 'secretary');
  await board.setRole(meetingId, bertil, 'chair');
  for (const person of [anna, bertil]) {
    // Confirmations (approve the agenda, remove an item) are answered yes.
    person.page.on('dialog', (dialog) => void dialog.accept());
    await openMeeting(person.page, meetingId);
  }
});

afterAll(async () => {
  await anna?.context.close();
  await bertil?.context.close();
  await closeBrowserAndServer(browser, server);
});

async function openMeeting(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/m/${id}`);
  await waitForConnection(page, 'connected');
  await page.locator('.agenda-item').first().waitFor();
}

async function itemMenu(page: Page, label: string, action: string): Promise<void> {
  await agendaRow(page, label).hover();
  await page.getByRole('button', { name: `Åtgärder för § ${label}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

const standardAgenda = [
  '§ 1 Mötets öppnande',
  '§ 2 Val av justerare',
  '§ 3 Godkännande av dagordning',
  '§ 4 Föregående mötesprotokoll',
  '§ 5 Rapporter',
  '§ 6 Beslutsärenden',
  '§ 7 Övriga frågor',
  '§ 8 Nästa sammanträde',
  '§ 9 Mötets avslutande',
];

describe('the meeting workspace with two people', () => {
  it('shows an item added by one in the other’s agenda, numbered, within a second', async () => {
    await expect.poll(() => agenda(anna.page)).toEqual(standardAgenda);
    await expect.poll(() => agenda(bertil.page)).toEqual(standardAgenda);
    await screenshot(anna.page, 'workspace-01-anna');

    // Timestamps taken in the pages themselves (one machine, one clock): Anna's click and the
    // moment "§ 10" appears in Bertil's agenda.
    await bertil.page.evaluate(() => {
      const marks = window as unknown as { seenAt?: number };
      const list = document.querySelector('.agenda__list');
      if (list === null) throw new Error('no agenda');
      new MutationObserver(() => {
        const labels = [...document.querySelectorAll('.agenda-item__label')];
        if (marks.seenAt === undefined && labels.some((label) => label.textContent === '§ 10')) {
          marks.seenAt = Date.now();
        }
      }).observe(list, { childList: true, subtree: true, characterData: true });
    });
    const add = anna.page.locator('.agenda__add');
    await add.evaluate((button) =>
      button.addEventListener(
        'click',
        () => {
          (window as unknown as { clickedAt?: number }).clickedAt = Date.now();
        },
        { capture: true, once: true },
      ),
    );
    await add.click();
    await agendaRow(bertil.page, '10').waitFor({ timeout: 5000 });
    const clickedAt = await anna.page.evaluate(
      () => (window as unknown as { clickedAt?: number }).clickedAt,
    );
    const seenAt = await bertil.page.evaluate(
      () => (window as unknown as { seenAt?: number }).seenAt,
    );
    expect(clickedAt).toBeTypeOf('number');
    expect(seenAt).toBeTypeOf('number');
    const latency = (seenAt ?? 0) - (clickedAt ?? 0);
    console.log(`add-item latency (Anna's click → "§ 10" in Bertil's agenda): ${latency} ms`);
    expect(latency).toBeLessThan(1000);

    // The new § waits for its title, which Anna types straight away.
    await expect
      .poll(() => anna.page.evaluate(() => document.activeElement?.className))
      .toContain('paragraph__title');
    await anna.page.keyboard.type('Extra ärende');
    await expect.poll(() => agenda(bertil.page)).toEqual([...standardAgenda, '§ 10 Extra ärende']);
  }, 60_000);

  it('merges text both type in the same § body and the same title', async () => {
    const [annaBody, bertilBody] = await Promise.all([
      body(anna.page, '2'),
      body(bertil.page, '2'),
    ]);
    await annaBody.click();
    await bertilBody.click();
    await Promise.all([
      anna.page.keyboard.type('Anna Andersson väljs till justerare. ', { delay: 15 }),
      bertil.page.keyboard.type('Mötet väljer också Cecilia Carlsson. ', { delay: 15 }),
    ]);
    for (const page of [anna.page, bertil.page]) {
      const text = section(page, '2').locator('.ProseMirror');
      await expect.poll(() => text.textContent()).toContain('Anna Andersson väljs till justerare.');
      await expect.poll(() => text.textContent()).toContain('Mötet väljer också Cecilia Carlsson.');
    }
    // Each sees the other's caret, with the name, in that body.
    await section(bertil.page, '2')
      .locator('.collaboration-carets__label', { hasText: 'Anna Andersson' })
      .waitFor();

    // Both edit the title of § 3 at once: Anna at the end, Bertil at the start.
    const annaTitle = section(anna.page, '3').getByRole('textbox', { name: /^Rubrik för/ });
    const bertilTitle = section(bertil.page, '3').getByRole('textbox', { name: /^Rubrik för/ });
    await annaTitle.click();
    await anna.page.keyboard.press('End');
    await bertilTitle.click();
    await bertil.page.keyboard.press('Home');
    await Promise.all([
      anna.page.keyboard.type(' och tid', { delay: 25 }),
      bertil.page.keyboard.type('Val och ', { delay: 25 }),
    ]);
    const merged = 'Val och Godkännande av dagordning och tid';
    await expect.poll(() => annaTitle.inputValue()).toBe(merged);
    await expect.poll(() => bertilTitle.inputValue()).toBe(merged);
    // Bertil's caret stayed where he typed, not at the end where Anna's text arrived.
    await expect
      .poll(() => bertilTitle.evaluate((input: HTMLInputElement) => input.selectionStart))
      .toBe('Val och '.length);
    await screenshot(bertil.page, 'workspace-02-bertil-merged');
    expect(anna.errors).toEqual([]);
    expect(bertil.errors).toEqual([]);
  }, 60_000);

  it('inserts a § 5a and a new § 3 live, renumbering on both pages', async () => {
    await anna.page.getByRole('button', { name: 'Godkänn föredragningslistan' }).click();
    await bertil.page.getByText(/Godkänd kl\./).waitFor();

    await itemMenu(anna.page, '5', 'Lägg till underpunkt');
    await anna.page.keyboard.type('Cresco+');
    await expect.poll(() => agenda(bertil.page)).toContain('§ 5a Cresco+');
    await agendaRow(bertil.page, '5a').getByText('Tillägg').waitFor();
    await bertil.page.getByText('Tillägg: § 5a').waitFor();

    await itemMenu(anna.page, '2', 'Infoga punkt efter');
    await anna.page.keyboard.type('Anmälan av jäv');
    const expected = [
      '§ 1 Mötets öppnande',
      '§ 2 Val av justerare',
      '§ 3 Anmälan av jäv',
      '§ 4 Val och Godkännande av dagordning och tid',
      '§ 5 Föregående mötesprotokoll',
      '§ 6 Rapporter',
      '§ 6a Cresco+',
      '§ 7 Beslutsärenden',
      '§ 8 Övriga frågor',
      '§ 9 Nästa sammanträde',
      '§ 10 Mötets avslutande',
      '§ 11 Extra ärende',
    ];
    await expect.poll(() => agenda(anna.page)).toEqual(expected);
    await expect.poll(() => agenda(bertil.page)).toEqual(expected);
    // The minutes follow the same numbering.
    await section(bertil.page, '6a').getByRole('textbox', { name: 'Rubrik för § 6a' }).waitFor();
    await agendaRow(bertil.page, '6a').scrollIntoViewIfNeeded();
    await screenshot(bertil.page, 'workspace-03-renumbered');
  }, 60_000);

  it('adds a decision with a vote through the "/" menu', async () => {
    const editor = await body(bertil.page, '7');
    await editor.click();
    await bertil.page.keyboard.press('Control+End');
    await bertil.page.keyboard.type('Delårsrapporten presenteras.');
    await bertil.page.keyboard.press('Enter');
    await bertil.page.keyboard.type('/bes');
    const menu = bertil.page.getByRole('listbox', { name: 'Infoga' });
    await menu.getByRole('option', { name: /^Beslut/ }).waitFor();
    await screenshot(bertil.page, 'workspace-04-slash-menu');
    await bertil.page.keyboard.press('Enter');
    await bertil.page.keyboard.type('Styrelsen godkänner delårsrapporten.');
    const decision = section(bertil.page, '7').locator('.block-view--decision');
    await decision.getByRole('button', { name: 'Omröstning' }).click();
    await decision.getByLabel('Ja').fill('5');
    await decision.getByLabel('Nej').fill('1');
    await decision.getByLabel('Avstår').fill('0');

    // Anna sees the decision block with its text and vote, and nothing was refused.
    const annaDecision = section(anna.page, '7').locator('.block-view--decision');
    await section(anna.page, '7').scrollIntoViewIfNeeded();
    await annaDecision.getByText('Styrelsen godkänner delårsrapporten.').waitFor();
    await expect.poll(() => annaDecision.getByLabel('Ja').inputValue()).toBe('5');
    await expect.poll(() => annaDecision.getByLabel('Nej').inputValue()).toBe('1');
    await expect.poll(() => annaDecision.getByLabel('Avstår').inputValue()).toBe('0');
    await expect(
      section(bertil.page, '7').locator('.ProseMirror').textContent(),
    ).resolves.not.toContain('/bes');
    await waitForConnection(anna.page, 'connected');
    await waitForConnection(bertil.page, 'connected');
    await screenshot(section(anna.page, '7'), 'workspace-05-decision');

    // A table from the toolbar, with a row added: Anna sees it, and the server took it.
    await section(bertil.page, '7').getByText('Delårsrapporten presenteras.').click();
    await bertil.page.keyboard.press('End');
    await bertil.page.keyboard.press('Enter');
    await bertil.page.getByRole('button', { name: 'Infoga tabell' }).click();
    await bertil.page.keyboard.type('Budget');
    await bertil.page.getByRole('button', { name: '+ Rad' }).click();
    const annaTable = section(anna.page, '7').locator('table');
    await annaTable.getByText('Budget').waitFor();
    await expect.poll(() => annaTable.locator('tr').count()).toBe(4);
    await waitForConnection(bertil.page, 'connected');
    expect(anna.errors).toEqual([]);
    expect(bertil.errors).toEqual([]);
  }, 60_000);

  it('moves items by keyboard and by drag and drop, on both pages', async () => {
    // Alt+↑ on the focused "Övriga frågor" moves it above "Beslutsärenden".
    await agendaRow(anna.page, '8').locator('.agenda-item__main').focus();
    await anna.page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => agenda(bertil.page))
      .toEqual(expect.arrayContaining(['§ 7 Övriga frågor', '§ 8 Beslutsärenden']));
    // Focus stays on the moved item, so it can be moved again.
    await expect
      .poll(() => anna.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Övriga frågor');

    // Drag "Anmälan av jäv" (§ 3) and drop it on the upper half of § 2.
    const source = agendaRow(anna.page, '3');
    const target = agendaRow(anna.page, '2');
    await target.scrollIntoViewIfNeeded();
    await source.dragTo(target, { targetPosition: { x: 40, y: 4 } });
    await expect.poll(() => agenda(bertil.page)).toContain('§ 2 Anmälan av jäv');
    await expect.poll(() => agenda(bertil.page)).toContain('§ 3 Val av justerare');
  }, 60_000);

  it('records attendance with partial presence and shows who is in which §', async () => {
    const panel = anna.page.getByRole('complementary', { name: 'Närvaro' });
    await panel.getByRole('button', { name: 'Lägg till person' }).click();
    await panel.getByLabel('Namn', { exact: true }).fill('Bertil Berg');
    await panel.getByLabel('Organisation').fill('Testförbundet');
    await panel.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await panel.getByLabel('Namn', { exact: true }).fill('Cecilia Carlsson');
    await panel.getByLabel('Kategori').selectOption('ersattare');
    await panel.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await panel.getByRole('button', { name: 'Stäng' }).click();

    // Cecilia leaves after § 4: she was present for § 1–4.
    await agendaRow(anna.page, '4').locator('.agenda-item__main').click();
    await panel.getByRole('button', { name: 'Ändra Cecilia Carlsson' }).click();
    await panel.getByRole('button', { name: 'Gick efter § 4' }).click();
    const bertilPanel = bertil.page.getByRole('complementary', { name: 'Närvaro' });
    await bertilPanel.getByText('§ 1–4').waitFor();
    await bertilPanel.getByRole('heading', { name: /^Ersättare/ }).waitFor();
    await bertilPanel.getByRole('heading', { name: /^Beslutande/ }).waitFor();

    // Bertil arrives at § 3: present from § 3 to the last § (§ 11), on both pages at once.
    await agendaRow(anna.page, '3').locator('.agenda-item__main').click();
    await panel.getByRole('button', { name: 'Ändra Bertil Berg' }).click();
    await panel
      .locator('.attendee', { hasText: 'Bertil Berg' })
      .getByRole('button', { name: 'Kom vid § 3' })
      .click();
    for (const side of [panel, bertilPanel]) {
      const row = side.locator('.attendee', { hasText: 'Bertil Berg' });
      await expect.poll(() => row.locator('.attendee__range').textContent()).toBe('§ 3–11');
      // Cecilia's departure is untouched.
      await expect
        .poll(() =>
          side
            .locator('.attendee', { hasText: 'Cecilia Carlsson' })
            .locator('.attendee__range')
            .textContent(),
        )
        .toBe('§ 1–4');
    }
    await screenshot(bertilPanel, 'workspace-06a-arrival-bertil');

    // Presence: Bertil sees Anna's initials at the § she works in.
    await body(anna.page, '6').then((editor) => editor.click());
    await agendaRow(bertil.page, '6')
      .locator('.agenda-item__presence', { hasText: 'AA' })
      .waitFor();
    await screenshot(bertil.page, 'workspace-06-attendance-presence');
  }, 60_000);

  it('shows each person the § the other is working in, and follows them to the next', async () => {
    // Anna writes in § 6, Bertil in § 8: each sees the other there, by initials and by name.
    await body(anna.page, '6').then((editor) => editor.click());
    await body(bertil.page, '8').then((editor) => editor.click());
    const annaOnBertils = agendaRow(bertil.page, '6');
    const bertilOnAnnas = agendaRow(anna.page, '8');
    await annaOnBertils.locator('.agenda-item__presence', { hasText: 'AA' }).waitFor();
    await annaOnBertils.getByText('Här nu: Anna Andersson').waitFor({ state: 'attached' });
    await bertilOnAnnas.locator('.agenda-item__presence', { hasText: 'BB' }).waitFor();
    await bertilOnAnnas.getByText('Här nu: Bertil Berg').waitFor({ state: 'attached' });
    // Nobody is shown to themselves, and nowhere else.
    await expect.poll(() => bertil.page.locator('.agenda-item__presence').count()).toBe(1);
    await expect.poll(() => anna.page.locator('.agenda-item__presence').count()).toBe(1);
    await expect(
      bertil.page.locator('.agenda-item__presence', { hasText: 'BB' }).count(),
    ).resolves.toBe(0);

    // Anna moves on to § 2: Bertil's agenda follows her there.
    await body(anna.page, '2').then((editor) => editor.click());
    await agendaRow(bertil.page, '2')
      .locator('.agenda-item__presence', { hasText: 'AA' })
      .waitFor();
    await expect.poll(() => annaOnBertils.locator('.agenda-item__presence').count()).toBe(0);
    await agendaRow(bertil.page, '2').scrollIntoViewIfNeeded();
    await screenshot(bertil.page, 'workspace-06b-presence-follows');
    expect(anna.errors).toEqual([]);
    expect(bertil.errors).toEqual([]);
  }, 60_000);

  it('shows the kind and presenter one person sets in the other’s agenda sidebar', async () => {
    // § 6 (Rapporter) becomes Anna's current §, which opens its kind and presenter fields.
    await agendaRow(anna.page, '6').locator('.agenda-item__main').click();
    const details = section(anna.page, '6');
    // Each field sits inside its label, so its name begins with the label's text; the
    // presenter field suggests names from a list, which makes it a combobox too.
    await details.getByRole('combobox', { name: /^Typ/ }).selectOption('discussion');
    await details.getByRole('combobox', { name: /^Föredragande/ }).fill('Cecilia Carlsson');
    const row = agendaRow(bertil.page, '6');
    await expect
      .poll(() => row.locator('.agenda-item__details').textContent())
      .toBe('Diskussion · Cecilia Carlsson');
    await expect(row.locator('.agenda-item__title').textContent()).resolves.toBe('Rapporter');
    // The other items keep their own kind, and show no presenter.
    await expect
      .poll(() => agendaRow(bertil.page, '7').locator('.agenda-item__details').textContent())
      .not.toContain('Cecilia Carlsson');
    await row.scrollIntoViewIfNeeded();
    await screenshot(bertil.page.locator('.agenda'), 'workspace-06c-kind-presenter-sidebar');
    expect(anna.errors).toEqual([]);
    expect(bertil.errors).toEqual([]);
  }, 60_000);

  it('has keyboard shortcuts for new items and a help dialog', async () => {
    const { page } = anna;
    await (await body(page, '1')).click();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => agenda(bertil.page)).toContain('§ 2 Namnlös punkt');
    await page.keyboard.type('Ny punkt via tangentbordet');
    await expect.poll(() => agenda(bertil.page)).toContain('§ 2 Ny punkt via tangentbordet');

    await page.locator('.agenda-item__main').first().focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Kortkommandon' });
    await dialog.waitFor();
    await screenshot(page, 'workspace-07-shortcuts');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(anna.errors).toEqual([]);
    expect(bertil.errors).toEqual([]);
  }, 60_000);
});

describe('the workspace by role', () => {
  it('lets an adjuster correct text but not the agenda, and a member only read', async () => {
    const cecilia = await board.invite('Cecilia Carlsson');
    const david = await board.invite('David Dahl');
    try {
      await board.setRole(meetingId, cecilia, 'adjuster');
      await openMeeting(cecilia.page, meetingId);
      await openMeeting(david.page, meetingId);
      const { page } = cecilia;
      await page.getByText('Som justerare kan du rätta').waitFor();
      await expect(page.locator('.agenda__add').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Lägg till person' }).count()).resolves.toBe(0);
      await expect(page.locator('.action-menu__button').count()).resolves.toBe(0);
      const title = section(page, '1').getByRole('textbox', { name: /^Rubrik för/ });
      await title.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' (justerad)');
      await expect
        .poll(() =>
          section(anna.page, '1')
            .getByRole('textbox', { name: /^Rubrik för/ })
            .inputValue(),
        )
        .toBe('Mötets öppnande (justerad)');
      await screenshot(page, 'workspace-08-adjuster');

      // A member reads along: nothing is editable.
      const read = david.page;
      await read.getByText('Du kan läsa protokollet men inte ändra det.').waitFor();
      await expect(read.locator('.agenda__add').count()).resolves.toBe(0);
      await expect(
        section(read, '1')
          .getByRole('textbox', { name: /^Rubrik för/ })
          .getAttribute('readonly'),
      ).resolves.not.toBeNull();
      await expect((await body(read, '1')).getAttribute('contenteditable')).resolves.toBe('false');
      expect(cecilia.errors).toEqual([]);
      expect(david.errors).toEqual([]);
    } finally {
      await cecilia.context.close();
      await david.context.close();
    }
  }, 60_000);
});
