/**
 * Browser tests of the workbench: Debian's chromium (/usr/bin/chromium, never a downloaded browser) driven by
 * playwright-core, the workbench started in-process on a free port. Helpers read what a user sees: the grid's
 * cells, the emulated Google's space cards, the sidebar frame.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startWorkbench, type RunningWorkbench, type StartOptions } from '../../emulator/workbench/server';

export const CHROMIUM = '/usr/bin/chromium';
/** Another build to serve (e.g. one with a stub sidebar while src/ui is being written); default dist/. */
export const DIST = resolve(process.env.WORKBENCH_DIST ?? 'dist');
export const ARTIFACTS = resolve('test-artifacts/browser');

/** Why the browser tests can't run here, or '' when they can. */
function skipReason(): string {
  if (!existsSync(CHROMIUM)) {
    return `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests; .ci/run does.`;
  }
  // Until the sidebar's build exists, there is no dist/Sidebar.html to drive; once it exists, a missing file fails.
  if (!existsSync(join(DIST, 'Sidebar.html')) && !existsSync(resolve('scripts/build-ui.mjs'))) {
    return `${join(DIST, 'Sidebar.html')} doesn't exist yet (no scripts/build-ui.mjs): set WORKBENCH_DIST to a build with a sidebar.`;
  }
  return '';
}

const reason = skipReason();
if (reason) console.warn(`Skipping the browser tests: ${reason}`);
export const describeBrowser: jest.Describe = reason ? describe.skip : describe;

export function launchChromium(): Promise<Browser> {
  // launch() gives every browser a fresh temporary user-data-dir, removed on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      // The sidebar frame is sandboxed (opaque origin, as in Apps Script). Chromium would put it in a process of
      // its own, and under jest playwright-core's clicks into such an out-of-process frame never finish (they
      // do from plain node); keeping it in the page's process changes nothing the tests check.
      '--disable-features=IsolateSandboxedIframes',
    ],
  });
}

export interface Session {
  workbench: RunningWorkbench;
  page: Page;
  /** uncaught errors of the page and its frames */
  errors: string[];
  /** texts of native dialogs (confirm/alert), each accepted */
  dialogs: string[];
  close(): Promise<void>;
}

/** A fresh workbench (instant answers unless told otherwise) and a page showing it, ready. */
export async function openWorkbench(browser: Browser, options: StartOptions = {}): Promise<Session> {
  const workbench = await startWorkbench({ port: 0, distDir: DIST, speed: 0, ...options });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(workbench.url);
  await page.waitForSelector('body[data-ready="true"]');
  return {
    workbench, page, errors, dialogs,
    close: async () => {
      await context.close();
      await workbench.close();
    },
  };
}

/**
 * One browser and one workbench for the tests of a describe block: opened before them (then `prepare`),
 * closed after. Read the session through the returned object, once the tests run.
 */
export function suiteWorkbench(options: StartOptions = {}, prepare?: (session: Session) => void | Promise<void>): { readonly session: Session } {
  let browser: Browser | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    session = await openWorkbench(browser, options);
    await prepare?.(session);
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
  });
  return {
    get session(): Session {
      if (!session) throw new Error('The workbench is not open yet: read the session inside a test.');
      return session;
    },
  };
}

/** Extensions › Chat Roster › caption. */
export async function menu(page: Page, caption: string): Promise<void> {
  await page.click('#menu-extensions-button');
  await page.click('[data-menu="Chat Roster"]');
  await page.getByRole('menuitem', { name: caption, exact: true }).click();
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#sidebar-frame');
}

/** Waits until the sidebar has nothing under way (its #app[data-state] is 'idle'). */
export async function sidebarIdle(page: Page): Promise<void> {
  await sidebar(page).locator('#app[data-state="idle"]').waitFor();
}

/** Preview in the sidebar, then wait for the plan. */
export async function previewFromSidebar(page: Page): Promise<void> {
  const bar = sidebar(page);
  await sidebarIdle(page);
  await bar.locator('#preview').click();
  await bar.locator('#plan [data-space]').first().waitFor();
  await sidebarIdle(page);
}

/**
 * Apply in the sidebar as an administrator does: Preview first when Apply isn't offered yet, then Apply,
 * and "Yes, apply" when the sidebar asks to confirm removals. Resolves once the run has started.
 */
export async function applyFromSidebar(page: Page): Promise<void> {
  const bar = sidebar(page);
  await sidebarIdle(page);
  if (await bar.locator('#apply').isDisabled()) await previewFromSidebar(page);
  await bar.locator('#apply').click();
  // The click handler shows the confirmation synchronously when there are removals.
  if (await bar.locator('#confirm').isVisible()) await bar.locator('#confirm-apply').click();
}

/**
 * Every row of the grid as [row number, cell texts]. A sheet over 1,000 rows is drawn only around where it is
 * scrolled (spacer rows stand in for the rest), so then the grid is scrolled through as a user would, a
 * view's height at a time, and put back where it was; read again if the sheet was refreshed meanwhile
 * (body[data-sheet-version]), so the rows are one moment's, as a single read of a short grid is. A string, not a function: the tests' tsconfig has no DOM types.
 */
const READ_GRID = `(async () => {
  const scroller = document.getElementById('grid-scroll');
  let byRow = new Map();
  const read = () => {
    for (const tr of document.querySelectorAll('#grid tbody tr')) {
      const cells = Array.from(tr.querySelectorAll('td[data-row]'));
      if (cells.length) byRow.set(Number(cells[0].dataset.row), cells.map((td) => td.textContent || ''));
    }
  };
  read();
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const saved = scroller.scrollTop;
  for (let attempt = 0; attempt < 20 && document.querySelector('#grid tr.spacer'); attempt++) {
    const version = document.body.dataset.sheetVersion;
    byRow = new Map();
    for (let top = 0; ; ) {
      scroller.scrollTop = top;
      await frame();
      read();
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      // Next, the last row drawn at the top of the view: the rows drawn then start at or above it.
      const rows = document.querySelectorAll('#grid tbody tr:not(.spacer):not(.frozen)');
      const last = rows[rows.length - 1];
      top = Math.max(top + scroller.clientHeight, last ? last.offsetTop - 60 : 0);
    }
    scroller.scrollTop = saved;
    await frame();
    if (document.body.dataset.sheetVersion === version) break;
  }
  return Array.from(byRow.keys()).sort((a, b) => a - b).map((row) => byRow.get(row));
})()`;

/** The grid as shown: text of every cell, trailing empty rows and columns dropped. */
export async function gridRows(page: Page): Promise<string[][]> {
  const rows = (await page.evaluate(READ_GRID)) as string[][];
  while (rows.length && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  const width = Math.max(0, ...rows.map((row) => row.reduce((last, cell, i) => (cell !== '' ? i + 1 : last), 0)));
  return rows.map((row) => row.slice(0, width));
}

/** One column of the grid by its header (row 1), without the header. */
export async function gridColumn(page: Page, header: string): Promise<string[]> {
  const rows = await gridRows(page);
  const index = rows[0]?.indexOf(header) ?? -1;
  if (index < 0) throw new Error(`no ${header} column in the grid: ${JSON.stringify(rows[0])}`);
  return rows.slice(1).map((row) => row[index] ?? '');
}

/** Waits until the grid's column satisfies `test` (the grid refreshes after every server call). */
export async function waitForColumn(page: Page, header: string, test: (cells: string[]) => boolean, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let cells: string[] = [];
  for (;;) {
    cells = await gridColumn(page, header).catch(() => []);
    if (cells.length && test(cells)) return cells;
    if (Date.now() > deadline) throw new Error(`timed out waiting on the ${header} column; it shows ${JSON.stringify(counts(cells))}`);
    await page.waitForTimeout(100);
  }
}

export function counts(cells: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const cell of cells) result[cell] = (result[cell] ?? 0) + 1;
  return result;
}

export interface ShownMember {
  member: string;
  role: string;
  state: string;
}

/** The members the emulated Google view shows for a space ('spaces/…'). */
export function shownMembers(page: Page, space: string): Promise<ShownMember[]> {
  return page.$$eval(`.space[data-space="${space}"] tr`, (trs) => trs.map((tr) => {
    const cells = tr.querySelectorAll('td');
    return { member: cells[0]?.textContent ?? '', role: cells[1]?.textContent ?? '', state: cells[2]?.textContent ?? '' };
  }));
}

/** Double-clicks a cell (1-based), types the value and presses Enter; resolves once the grid is refreshed. */
export async function typeIntoCell(page: Page, row: number, column: number, value: string): Promise<void> {
  await page.dblclick(`#grid td[data-row="${row}"][data-column="${column}"]`);
  const input = page.locator(`#grid td[data-row="${row}"][data-column="${column}"] input`);
  await input.fill(value);
  const refreshed = page.waitForResponse((response) => response.url().includes('/api/sheet?name='));
  await input.press('Enter');
  await refreshed;
}

/** Clicks a sheet tab. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

/**
 * Waits until no execution is under way (the page lists them in body[data-running]) and the page has shown
 * what the last one left (body[data-refreshing] while it reads the sheet and the Google view again).
 */
export async function idle(page: Page): Promise<void> {
  // A string, not a function: the tests' tsconfig has no DOM types.
  await page.waitForFunction('!document.body.dataset.running && !document.body.dataset.refreshing');
}

/** Whether an execution is under way. */
export async function running(page: Page): Promise<string> {
  return String(await page.evaluate('document.body.dataset.running'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
