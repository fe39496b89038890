import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { removeDataDir, type ServerProcess } from '../helpers/serverProcess.ts';

const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = resolve(import.meta.dirname, 'screenshots');

/** Launches the Debian Chromium (see scripts/ensure-chromium.sh) headless. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: run \`sh scripts/ensure-chromium.sh\``);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors the page produced. */
  errors: string[];
}

/** A fresh browser profile (its own localStorage and IndexedDB): one person on one device. */
export async function openPerson(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Waits until the editor's text contains every one of `texts`. */
export async function waitForEditorText(page: Page, texts: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const text = document.querySelector('.ProseMirror')?.textContent ?? '';
      return expected.every((part) => text.includes(part));
    },
    texts,
    { timeout: 15_000 },
  );
}

/** Waits for the connection badge to show `status` (its data-status attribute). */
export async function waitForConnection(page: Page, status: string): Promise<void> {
  // "connected" is either connected state: everything saved, or a change on its way.
  const selector =
    status === 'connected'
      ? '.connection-badge[data-status="saved"], .connection-badge[data-status="saving"]'
      : `.connection-badge[data-status="${status}"]`;
  await page.locator(selector).first().waitFor({ timeout: 15_000 });
}

/** Closes what a test file opened: the browser, then the server, whose data directory goes. */
export async function closeBrowserAndServer(
  browser: Browser | undefined,
  server: ServerProcess | undefined,
): Promise<void> {
  await browser?.close();
  if (server === undefined) return;
  await server.stop();
  removeDataDir(server.dataDir);
}
