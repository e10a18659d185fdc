// What the demo's browser tests share: Debian's headless Chromium driven by playwright-core
// against the pages served by scripts/serve-demo.mjs on a free port, an axe-core scan run
// in the page, and screenshots under the git-ignored test-results/.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-demo.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const shots = `${root}test-results`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// shared/TOOLCHAIN.md: without the background-networking flags Chromium floods the closed
// network with refused connections. Playwright gives every launch a fresh profile dir.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Starts the server and the browser for one test file; `ctx.open(path, options)` opens a
 * page (options: locale, viewport, colorScheme) and records its errors in `ctx.problems`.
 */
export function harness() {
  const ctx = { problems: [], url: '', browser: null, server: null };
  before(async () => {
    const started = await startServer({ port: 0 });
    ctx.server = started.server;
    ctx.url = started.url;
    ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  after(async () => {
    await ctx.browser?.close();
    await new Promise((done) => (ctx.server ? ctx.server.close(done) : done()));
  });
  ctx.open = async (path, { locale = 'en-US', viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) => {
    const context = await ctx.browser.newContext({ locale, viewport, colorScheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => ctx.problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') ctx.problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('requestfailed', (r) => ctx.problems.push(`request failed: ${r.url()}`));
    await page.goto(new URL(path, ctx.url).href);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  };
  return ctx;
}

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules and axe's best practices) and fails
 * on any serious or critical violation, naming each with the elements it found.
 */
export async function assertAccessible(page, state) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe-core: serious or critical violations (${state})`);
  return violations;
}

/** A full-page screenshot at `width` px in the light or dark theme: test-results/NAME-WIDTH-SCHEME.png. */
export async function screenshot(page, name, width, colorScheme) {
  mkdirSync(shots, { recursive: true });
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = `${shots}/${name}-${width}-${colorScheme}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * What a narrow screen must keep: no sideways scrolling, and no text squeezed to a word per
 * line (every issue's text, hint and label at least `min` px wide).
 */
export async function assertFitsWidth(page, min = 160) {
  const report = await page.evaluate((min) => {
    const doc = document.documentElement;
    const narrow = [...document.querySelectorAll('.issue-text, .hint, .label, .summary-msg, .hazard')]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().width < min && el.textContent.trim().length > 24)
      .map((el) => `${el.className}: ${Math.round(el.getBoundingClientRect().width)} px: ${el.textContent.slice(0, 40)}`);
    return { overflow: doc.scrollWidth - doc.clientWidth, narrow };
  }, min);
  assert.ok(report.overflow <= 0, `the page scrolls sideways by ${report.overflow} px`);
  assert.deepEqual(report.narrow, [], 'text squeezed narrower than a line of words');
}
