// The demo admin form in a real browser: Debian's headless Chromium, driven by
// playwright-core, against the page served by scripts/serve-demo.mjs on a free port.
// Saves a screenshot to test-results/demo-form.png (git-ignored).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-demo.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = `${root}test-results`;
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

let server;
let browser;
let page;
const problems = [];

before(async () => {
  const started = await startServer({ port: 0 });
  server = started.server;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  // en-US: the form's default country for national numbers is the browser's region.
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(started.url);
  await page.waitForSelector('html[data-ready="true"]');
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

const credKeys = () => page.$$eval('[data-cred]', (els) => els.map((e) => e.dataset.cred));
const fieldAt = (pointer) => page.locator(`[data-pointer="${pointer}"]`);
const inputAt = (pointer) => fieldAt(pointer).locator('input');
const cred = (key) => page.locator(`[data-cred="${key}"] input`);

describe('the demo admin form', () => {
  it('loads the wasm package and starts with nothing to send', async () => {
    assert.match(await page.locator('#version').textContent(), /channel-rules \d+\.\d+\.\d+/);
    assert.equal(await page.locator('#submit').isDisabled(), true);
    assert.equal(await page.locator('#preview').textContent(), '{}');
  });

  it("shows the picked provider's credential fields, as the rules define them", async () => {
    await page.selectOption('#provider', 'twilio');
    assert.deepEqual(await credKeys(), ['account_sid', 'auth_token']);
    assert.equal(await cred('account_sid').getAttribute('type'), 'password');

    await page.selectOption('#provider', 'general');
    assert.deepEqual(await credKeys(), ['api_key', 'api_send_url', 'api_secret', 'api_verify_url']);
    assert.equal(await cred('api_send_url').getAttribute('type'), 'url');

    await page.click('[data-family="facebook"]');
    assert.deepEqual(await credKeys(), ['access_token', 'app_secret', 'page_name']);
    assert.equal(await cred('page_name').getAttribute('type'), 'text');
    assert.equal(await page.locator('[data-pointer="/dids"]').count(), 0, 'no rule yet');

    await page.click('[data-family="sms"]');
    await page.selectOption('#provider', 'general');
    assert.deepEqual(await credKeys(), ['api_key', 'api_send_url', 'api_secret', 'api_verify_url']);
  });

  it('shows an error beside a malformed DID, and takes it away once fixed', async () => {
    await page.click('#add-did');
    const did = inputAt('/dids/0/did_number');
    await did.fill('+1 212 555 1234');
    const issue = fieldAt('/dids/0/did_number').locator('.issue');
    await issue.first().waitFor();
    assert.equal(await issue.count(), 1);
    assert.match(await issue.getAttribute('class'), /\berror\b/);
    assert.match(await issue.textContent(), /E\.164/);
    assert.match(await fieldAt('/dids/0/did_number').getAttribute('class'), /has-error/);
    assert.equal(await did.getAttribute('aria-invalid'), 'true');

    await did.fill('+12125551234');
    assert.equal(await issue.count(), 0);
    assert.doesNotMatch(await fieldAt('/dids/0/did_number').getAttribute('class'), /has-error/);
  });

  it('offers the corrected number as a one-click fix', async () => {
    const did = inputAt('/dids/0/did_number');
    await did.fill('+1 (212) 555-1234');
    await fieldAt('/dids/0/did_number').locator('.fix').click();
    assert.equal(await did.inputValue(), '+12125551234');
    assert.equal(await fieldAt('/dids/0/did_number').locator('.issue').count(), 0);
  });

  it('reads a national number with the chosen country, and offers it in international form', async () => {
    const did = inputAt('/dids/0/did_number');
    assert.equal(await page.locator('#region').inputValue(), 'US', "the browser's region (en-US)");
    await did.fill('(212) 555-1234');
    const fix = fieldAt('/dids/0/did_number').locator('.fix');
    assert.equal(await fix.textContent(), 'Use +12125551234', 'not +2125551234, which dropping the brackets gives');
    await page.selectOption('#region', 'GB');
    await did.fill('020 7946 0857');
    assert.equal(await fix.textContent(), 'Use +442079460857');
    await fix.click();
    assert.equal(await did.inputValue(), '+442079460857');
    assert.equal(await fieldAt('/dids/0/did_number').locator('.issue').count(), 0);
    await page.selectOption('#region', '');
    await did.fill('020 7946 0857');
    await fieldAt('/dids/0/did_number').locator('.issue').first().waitFor();
    assert.equal(await fix.count(), 0, 'without a country there is no international form to offer');
    await did.fill('+12125551234');
  });

  it('enables submit once the channel is valid, and never shows a secret', async () => {
    await inputAt('/name').fill('Front desk SMS');
    await page.locator('[data-pointer="/webhook_url_type"] select').selectOption('fqdn');
    await cred('api_key').fill('myAPIKey456');
    await cred('api_send_url').fill('https://api.example.com/message/send');
    await page.locator('[data-pointer="/dids/0/destination_type"] select').selectOption('queue');
    assert.equal(await page.locator('#submit').isDisabled(), true, 'a queue needs its id');
    assert.match(await fieldAt('/dids/0/destination_id').locator('.badge').textContent(), /required/);
    await inputAt('/dids/0/destination_id').fill('4');
    await page.locator('[data-pointer="/dids/0"] .btn-link').click();
    await page.locator('[data-pointer="/dids/0/members/0/type"] select').selectOption('extension');
    await inputAt('/dids/0/members/0/value').fill('137');

    await page.waitForFunction(() => !document.querySelector('#submit').disabled);
    assert.match(await page.locator('#status').textContent(), /Ready to create/);
    assert.equal(await page.locator('#summary li').count(), 0);

    const preview = await page.locator('#preview').textContent();
    assert.ok(!preview.includes('myAPIKey456'), 'raw secret in the preview');
    assert.ok(!preview.includes('bXlBUElLZXk0NTY='), 'encoded secret in the preview');
    assert.match(preview, /"api_send_url"/);
    assert.match(preview, /https:\/\/api\.example\.com\/message\/send/);
    assert.match(preview, /"destination_id": "4"/);

    await page.click('#submit');
    await page.locator('#submitted').waitFor();
    assert.match(await page.locator('#submitted').textContent(), /Payload is valid/);
  });

  it('styles warnings apart from errors, and lets a warning through', async () => {
    await inputAt('/dids/0/did_number').fill('+15567778888');
    const issue = fieldAt('/dids/0/did_number').locator('.issue');
    await issue.first().waitFor();
    assert.match(await issue.getAttribute('class'), /\bwarning\b/);
    assert.equal(await page.locator('#submit').isDisabled(), false, 'warnings do not block');

    await cred('api_send_url').fill('http://api.example.com/message/send');
    const error = page.locator('[data-cred="api_send_url"] .issue');
    await error.first().waitFor();
    assert.match(await error.getAttribute('class'), /\berror\b/);
    assert.equal(await page.locator('#submit').isDisabled(), true);
    const colour = (l) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(await colour(issue.first()), await colour(error.first()));

    await cred('api_send_url').fill('https://api.example.com/message/send');
    await inputAt('/dids/0/did_number').fill('+12125551234');
    await page.waitForFunction(() => !document.querySelector('#submit').disabled);
  });

  it('removes a routing rule', async () => {
    await page.click('#add-did');
    assert.equal(await page.locator('article.rule').count(), 2);
    await page.locator('[data-pointer="/dids/1"] .rule-head button').click();
    assert.equal(await page.locator('article.rule').count(), 1);
    assert.equal(await page.locator('#submit').isDisabled(), false);
  });

  it('renders messages in another locale', async () => {
    await inputAt('/name').fill('');
    await page.locator('#locale').selectOption('pt-BR');
    const text = await fieldAt('/name').locator('.issue').textContent();
    await page.locator('#locale').selectOption('en');
    const en = await fieldAt('/name').locator('.issue').textContent();
    assert.notEqual(text, en);
    await inputAt('/name').fill('Front desk SMS');
  });

  it('saves a screenshot', async () => {
    mkdirSync(shots, { recursive: true });
    // One warning and one error left in, so the picture shows how both look.
    await inputAt('/dids/0/did_number').fill('+15567778888');
    await cred('api_key').fill('');
    await cred('api_key').blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}/demo-form.png`, fullPage: true });
    await page.locator('.layout').screenshot({ path: `${shots}/demo-form-layout.png` });
  });

  it('logged no page errors, console errors or failed requests', () => {
    assert.deepEqual(problems, []);
  });
});
