import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { TestBoard } from './accounts.ts';
import { closeBrowserAndServer, launchChromium, openPerson, screenshot } from './browser.ts';

let server: ServerProcess;
let browser: Browser;
let board: TestBoard;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  board = await TestBoard.create(server, browser, 'Anna Andersson');
});

afterAll(async () => {
  await board?.admin.context.close();
  await closeBrowserAndServer(browser, server);
});

describe('opening a meeting that cannot be opened', () => {
  it('explains an invalid meeting id instead of connecting', async () => {
    const { context, page } = await openPerson(browser);
    try {
      await page.goto(`${server.url}/m/inte%20giltigt!`);
      await page.getByRole('heading', { name: 'Ogiltigt mötes-id' }).waitFor();
      await expect(page.locator('main').textContent()).resolves.toContain('”inte giltigt!”');
      await screenshot(page, '08-invalid-id');
    } finally {
      await context.close();
    }
  }, 30_000);

  it('sends a signed-out visitor to sign in instead of reconnecting forever', async () => {
    const meetingId = await board.createMeeting('Styrelsemöte');
    const { context, page } = await openPerson(browser);
    try {
      await page.goto(`${server.url}/m/${meetingId}`);
      await page.waitForURL(`${server.url}/login?next=${encodeURIComponent(`/m/${meetingId}`)}`);
      await page.getByRole('heading', { name: 'Logga in' }).waitFor();
      await expect(page.locator('.connection-badge').count()).resolves.toBe(0);
      await screenshot(page, '09-signed-out');
    } finally {
      await context.close();
    }
  }, 30_000);

  it('says so when a signed-in member opens a meeting that does not exist', async () => {
    const { page } = board.admin;
    await page.goto(`${server.url}/m/finns-inte`);
    await page.getByRole('heading', { name: 'Sammanträdet kan inte öppnas' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Det finns inget sammanträde med mötes-id finns-inte.',
    );
  }, 30_000);
});
