import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../../src/demo/main.js';

// `npm run demo` in a real browser (issue 18): Debian's headless Chromium driven by playwright-core plays
// the whole story by clicking and typing in the page, the way a first-time visitor would: setup, two
// listeners, a request, the offer, a relayed conversation both ways, "One day later" and a check-in
// answer, and the HR viewer's insights with the chart. Screenshots go to SCREENSHOTS_DIR
// (test-output/screenshots by default); the README's pictures are copies of them.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? join(process.cwd(), 'test-output', 'screenshots');

const SAM = 'U0DEMOSEEK';
const ALEX = 'U0DEMOLIS1';
const JO = 'U0DEMOLIS2';
const DANA = 'U0DEMOCOOR';
const KIM = 'U0DEMOHRVW';

type Demo = Awaited<ReturnType<typeof startDemo>>;

// Generous timeouts: this shares two cores with the rest of the suite.
describe('the demo in a browser', { timeout: 90_000 }, () => {
  let demo: Demo;
  let browser: Browser;
  let page: Page;
  /** What the page alerted (the demo server refusing an action) and any error in the page's script. */
  const alerts: string[] = [];
  /** The confirm dialogs people agreed to (buttons with Block Kit's `confirm`). */
  const confirms: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH.`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    demo = await startDemo(0);
    // Flags: root in a container needs --no-sandbox; this machine has no network beyond localhost.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Fail with Playwright's own account of what it waited for, before the test's timeout.
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => alerts.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      if (dialog.type() === 'alert') alerts.push(dialog.message());
      if (dialog.type() === 'confirm') confirms.push(dialog.message());
      // A button's confirm dialog: the person agrees.
      void dialog.accept();
    });
    await page.goto(demo.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  const person = (id: string): Locator => page.locator(`section[data-person="${id}"]`);
  const modal = (id: string): Locator => person(id).locator('.modal');
  const messages = (id: string): Locator => person(id).locator('ol.dm');

  /** Does something that sends an action to the demo server, then waits for the page it reloads to. */
  async function acting(something: () => Promise<void>): Promise<void> {
    let answered = false;
    const reloaded = new Promise<void>((resolve) => {
      const onResponse = (response: { url(): string }) => {
        if (new URL(response.url()).pathname === '/act') answered = true;
      };
      const onLoad = () => {
        if (!answered) return;
        page.off('response', onResponse);
        page.off('load', onLoad);
        resolve();
      };
      page.on('response', onResponse);
      page.on('load', onLoad);
    });
    await something();
    await reloaded;
    expect(alerts).toEqual([]);
  }
  const click = (where: Locator, name: string | RegExp) => acting(() => where.getByRole('button', { name }).last().click());
  async function command(id: string, text: string): Promise<void> {
    await person(id).getByLabel('/peer').fill(text);
    await acting(() => person(id).getByRole('button', { name: 'Run' }).click());
  }
  async function write(id: string, text: string): Promise<void> {
    await person(id).getByLabel('Write to Peer Support').fill(text);
    await acting(() => person(id).getByRole('button', { name: 'Send' }).click());
  }
  /** A picture of one part of the page, the whole page, or (`'screen'`) what fits on the screen. */
  const shot = (name: string, what?: Locator | 'screen') =>
    what === 'screen' || what === undefined
      ? page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: what === undefined })
      : what.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

  it('greets a first-time visitor with five colleagues, where to start and nothing else yet', async () => {
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Peer Support for Slack');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Sam asks for a listener',
      'Alex listener',
      'Jo listener',
      'Dana coordinator (workspace admin)',
      'Kim HR viewer',
    ]);
    expect(await page.locator('.guide').innerText()).toContain('/peer setup');
    // The story starts on a weekday morning, whenever the demo runs.
    expect(await page.locator('header time').innerText()).toMatch(/^Tuesday .* 09:3\d/);
    await shot('first-minute');
    expect(alerts).toEqual([]);
  });

  it('lets the coordinator set up the initiative, keeping what they typed when the form refuses it', async () => {
    await command(DANA, 'setup');
    const form = modal(DANA);
    await expect(form.getByRole('heading', { name: 'Set up peer support' }).count()).resolves.toBe(1);
    await form.getByLabel('Name', { exact: true }).fill('Peer support at Acme');
    await form.getByLabel('Short description').fill('Colleagues who have been there, listening in confidence.');
    await form.getByLabel('Topics of lived experience').fill('Stress and burnout\nBereavement\nBeing a new parent');
    await form.getByLabel('Listener guidelines', { exact: true }).fill('Listen more than you speak. Never promise secrecy about a risk to life.');
    await form.getByLabel('HR viewers').selectOption(KIM);
    await form.getByLabel('Minimum group size for reports').fill('3');
    await form.getByLabel('First check-in after (days)').fill('1');
    await form.getByLabel('I agree').check();
    // A button inside the modal sends what is typed so far (view.state): the preview shows it.
    await click(form, 'Preview as a seeker');
    expect(await modal(DANA).getByRole('heading').first().innerText()).toMatch(/^Preview/);
    expect(await modal(DANA).getByLabel('What would you like to talk about?').innerText()).toContain('Being a new parent');
    await acting(() => modal(DANA).locator('button[data-kind="close"]').click());
    // The resources are still the template: refused inline, under the field, and nothing typed is lost.
    await click(modal(DANA), 'Create');
    const resources = modal(DANA).getByLabel('Support and crisis resources', { exact: true });
    await expect(resources.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await modal(DANA).locator('[data-error-for="resources"]').innerText()).toMatch(/^Please replace "<your/);
    await expect(modal(DANA).getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Peer support at Acme');
    await expect(modal(DANA).getByLabel('HR viewers').inputValue()).resolves.toBe(KIM);
    await shot('setup-errors', modal(DANA));

    await resources.fill('Acme employee assistance: 0800 123 456 (24 hours, every day)');
    await modal(DANA).getByLabel('Samaritans (UK and Ireland)').check();
    await click(modal(DANA), 'Create');
    await expect(modal(DANA).count()).resolves.toBe(0);
    expect(await messages(DANA).innerText()).toContain('Thank you for setting up Peer support at Acme');

    expect(await messages(KIM).innerText()).toContain('invited you to be an HR viewer');
    await click(messages(KIM), 'I agree and accept');
    expect(await messages(KIM).innerText()).toContain('You are now an HR viewer of Peer support at Acme');
  });

  it('takes two listeners through /peer listen', async () => {
    for (const [id, topic, introduction] of [
      [ALEX, 'Stress and burnout', 'I burnt out two years ago and found my way back.'],
      [JO, 'Bereavement', 'I lost my father last year.'],
    ] as const) {
      await command(id, 'listen');
      const form = modal(id);
      await form.getByLabel('Topics you have lived experience of').selectOption({ label: topic });
      await form.getByLabel('A short anonymous introduction').fill(introduction);
      await form.getByLabel('I have read the guidelines').check();
      await click(form, 'Volunteer');
      await expect(modal(id).count()).resolves.toBe(0);
      expect(await messages(id).innerText()).toContain('A coordinator will review your profile');
    }
  });

  it('lets the coordinator approve them, behind a confirmation', async () => {
    const asks = () => messages(DANA).locator('li.msg', { hasText: 'is waiting for approval' });
    await expect(asks().count()).resolves.toBe(2);
    for (const name of ['Alex', 'Jo']) await click(asks().filter({ hasText: `${name} has volunteered` }), 'Approve');
    // Each request now says who decided, with no buttons left.
    await expect(asks().count()).resolves.toBe(0);
    for (const id of [ALEX, JO]) expect(await messages(id).innerText()).toContain('a coordinator approved your listener profile');
  });

  it('pairs Sam with Alex: the request, the offer, accept', async () => {
    await command(SAM, 'request');
    const form = modal(SAM);
    await form.getByLabel('What would you like to talk about?').selectOption({ label: 'Stress and burnout' });
    await form.getByLabel('A note for your listener').fill('Work has been a lot lately.');
    await click(form, 'Find a listener');
    expect(await modal(SAM).innerText()).toContain('Request sent');
    await click(modal(SAM), 'Close');

    const offer = messages(ALEX);
    expect(await offer.innerText()).toContain('Work has been a lot lately.');
    await click(offer, 'Accept');
    expect(await messages(ALEX).innerText()).toContain("You're now listening to");
    expect(await messages(SAM).innerText()).toContain("You're now talking with");
    expect(await messages(SAM).innerText()).toContain('I burnt out two years ago and found my way back.');
    // Jo was never offered Sam's request (another topic) and sees nothing of it.
    expect(await person(JO).innerText()).not.toContain('Work has been a lot lately.');
  });

  it('relays a conversation both ways under pseudonyms, typed from the keyboard', async () => {
    const box = person(SAM).getByLabel('Write to Peer Support');
    await box.focus();
    await page.keyboard.type('Thank you for taking the time. Mondays are the worst.');
    await acting(() => page.keyboard.press('Enter'));
    // After the page reloads, the box Sam wrote in has the focus again.
    // (Page scripts are strings here: the tests compile without the DOM's types.)
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe(`${SAM}-dm`);
    const alexSees = await messages(ALEX).innerText();
    expect(alexSees).toContain('Mondays are the worst.');
    expect(alexSees).not.toContain('Sam');

    await write(ALEX, 'Mondays were hard for me too. What makes them heavy?');
    const samSees = await messages(SAM).innerText();
    expect(samSees).toContain('What makes them heavy?');
    expect(samSees).not.toContain('Alex');
  });

  it('brings the check-in one day later, and takes the answer', async () => {
    await click(page.locator('header'), 'One day later');
    expect(await page.locator('header time').innerText()).toMatch(/^Wednesday /);
    const samSees = messages(SAM);
    expect(await samSees.innerText()).toContain('How is it going with a colleague');
    await click(samSees, 'Helpful');
    expect(await messages(SAM).innerText()).toMatch(/thank/i);
    await shot('seeker', person(SAM));
  });

  it("shows the HR viewer's Home tab and insights with the chart, never a person", async () => {
    // Opening the Home tab is app_home_opened to the app; it stays open across the page's reloads.
    await acting(() => person(KIM).locator('details.home > summary').click());
    const home = person(KIM).locator('details.home');
    await expect(home.getAttribute('open')).resolves.toBe('');
    expect(await home.innerText()).toContain('Peer support at Acme');
    await command(KIM, 'insights');
    await expect(home.getAttribute('open')).resolves.toBe('');
    const kimSees = person(KIM);
    // "One moment…" first; the page reloads itself when the app has drawn the chart and updated the modal.
    const chart = kimSees.locator('img.bk-image-img');
    await chart.waitFor({ timeout: 20_000 });
    // The chart is the PNG the app uploaded, drawn by the browser.
    await expect(chart.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 100)).resolves.toBe(true);
    const text = await kimSees.innerText();
    for (const name of ['Sam', 'Alex', 'Jo']) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    await shot('hr-viewer', modal(KIM));
    await shot('whole-page');
  });

  it('stacks the five people on a phone, each readable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const boxes = await page.locator('section.person').evaluateAll((sections) => sections.map((s) => s.getBoundingClientRect().toJSON() as { x: number; width: number }));
    expect(boxes).toHaveLength(5);
    for (const box of boxes) {
      expect(box.x).toBe(boxes[0]!.x);
      expect(box.width).toBeLessThanOrEqual(390);
    }
    // Nothing wider than the screen: no sideways scrolling.
    const wide = await page.evaluate(
      "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391).map((e) => e.tagName + '.' + e.className + ': ' + Math.round(e.getBoundingClientRect().right))",
    );
    expect(wide).toEqual([]);
    await person(SAM).locator('ol.dm').scrollIntoViewIfNeeded();
    await shot('phone', 'screen');
  });
});
