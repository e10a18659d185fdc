// The demo's create page (www/index.html) in headless Chromium: issues only once a field
// is touched or a submit was tried, the form's own wording from the library's codes and
// params, offers only of valid numbers, keyboard use, ARIA on the inputs, axe-core clean,
// pt-BR and zh-CN, 390 px and the dark theme (screenshots in test-results/).

import { afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harness, assertAccessible, screenshot, assertFitsWidth } from './browser.mjs';

const ctx = harness();
let page;

const credKeys = () => page.$$eval('[data-cred]', (els) => els.map((e) => e.dataset.cred));
const fieldAt = (pointer) => page.locator(`[data-pointer="${pointer}"]`);
const inputAt = (pointer) => fieldAt(pointer).locator('input');
const cred = (key) => page.locator(`[data-cred="${key}"] input`);
const issuesAt = (pointer) => fieldAt(pointer).locator('.issue');
/** The words of the first issue beside a field (without the icon and the hidden severity). */
const issueText = (pointer) => fieldAt(pointer).locator('.issue-text').first().textContent();
const createDisabled = async () => (await page.locator('#submit').getAttribute('aria-disabled')) === 'true';
/** Types into an input and leaves it (Tab), as a person does. */
const type = async (locator, text) => {
  await locator.fill(text);
  await locator.press('Tab');
};

describe('the create page', () => {
  // Inside the suite: the harness's own before hook (the browser) runs first.
  before(async () => {
    page = await ctx.open('/index.html');
  });

  // Every state a test leaves the page in is scanned too, besides the scans inside tests.
  afterEach(async (t) => {
    if (page && !page.isClosed()) await assertAccessible(page, `create page, after: ${t.name}`);
  });

  it('starts pristine: no issue shown, the status not red, nothing to send', async () => {
    assert.match(await page.locator('#version').textContent(), /channel-rules \d+\.\d+\.\d+/);
    assert.equal(await page.locator('.issue:visible').count(), 0, 'no issue beside any field');
    assert.equal(await page.locator('#summary li').count(), 0, 'no issue in the sidebar');
    assert.match(await page.locator('#status').getAttribute('class'), /status-neutral/);
    assert.doesNotMatch(await page.locator('#status').textContent(), /error/i);
    assert.equal(await createDisabled(), true, 'required fields are empty');
    assert.equal(await page.locator('#preview').textContent(), '{}');
    await assertAccessible(page, 'create page, pristine');
  });

  it('shows a field its issue once it is left, in words for people, with ARIA on the input', async () => {
    const name = inputAt('/name');
    assert.equal(await name.getAttribute('aria-required'), 'true');
    assert.equal(await name.evaluate((el) => el.required), true);
    await name.focus();
    await name.press('Tab');
    const issue = issuesAt('/name');
    await issue.first().waitFor();
    assert.equal(await issueText('/name'), 'Channel name is required.', 'a label, not the wire name');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const described = (await name.getAttribute('aria-describedby')).split(' ');
    const issuesId = await fieldAt('/name').locator('ul.issues').getAttribute('id');
    assert.ok(described.includes(issuesId), 'the issue list describes the input itself');
    assert.equal(await page.locator('#summary li').count(), 1, 'the sidebar counts what shows');
    assert.match(await page.locator('#status').textContent(), /1 error to fix/);
    assert.equal(await issuesAt('/webhook_url_type').count(), 0, 'an untouched field stays quiet');
  });

  it('takes the kind with arrow keys, one Tab stop for the group', async () => {
    const radios = page.locator('[role=radio]');
    assert.deepEqual(await radios.evaluateAll((els) => els.map((e) => e.tabIndex)), [0, -1, -1]);
    await page.locator('[role=radio][aria-checked=true]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('[role=radio][aria-checked=true]').getAttribute('data-family'), 'whatsapp');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.family), 'whatsapp');
    assert.deepEqual(await credKeys(), ['access_token', 'app_secret']);
    await assertAccessible(page, 'create page, WhatsApp chosen by keyboard');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.family), 'sms');
    assert.deepEqual(await page.locator('[role=radio]').evaluateAll((els) => els.map((e) => e.tabIndex)), [0, -1, -1]);
  });

  it('treats a DID as a phone number before a provider is chosen (the family says so)', async () => {
    const fresh = await ctx.open('/index.html');
    await fresh.click('#add-did');
    const did = fresh.locator('[data-pointer="/dids/0/did_number"]');
    assert.match(await did.locator('.hint').textContent(), /international number/);
    assert.equal(await did.locator('input').getAttribute('inputmode'), 'tel');
    assert.equal(await fresh.locator('#region').count(), 1, 'the country of national numbers is offered');
    await did.locator('input').fill('+1 212 555 12');
    await did.locator('input').press('Tab');
    assert.match(await did.locator('.issue-text').first().textContent(), /missing digits/);
    await fresh.close();
  });

  it('keeps a click on a button below a field just left (the issue shown does not swallow it)', async () => {
    const fresh = await ctx.open('/index.html');
    await fresh.click('#add-did');
    await fresh.locator('[data-pointer="/dids/0/did_number"] input').fill('+1 212');
    await fresh.locator('[data-pointer="/dids/0"] .btn-link').click();
    assert.equal(await fresh.locator('[data-pointer="/dids/0/members/0"]').count(), 1, 'one click, one member');
    assert.equal(await fresh.locator('[data-pointer="/dids/0/did_number"] .issue').count(), 1, 'and the field left shows its issue');
    // Removing a member gives the focus to what took its place, else to "Add member".
    await fresh.locator('[data-pointer="/dids/0/members/0"] button').click();
    assert.match(await fresh.evaluate(() => document.activeElement.textContent), /Add member/);
    await fresh.close();
  });

  it('reaches every action with Tab', async () => {
    const fresh = await ctx.open('/index.html');
    await fresh.selectOption('#provider', 'twilio');
    await fresh.click('#add-did');
    await fresh.locator('[data-pointer="/dids/0"] .btn-link').click();
    await fresh.locator('#locale').focus();
    const reached = new Set();
    for (let i = 0; i < 60; i++) {
      await fresh.keyboard.press('Tab');
      reached.add(await fresh.evaluate(() => {
        const a = document.activeElement;
        return a.id || a.getAttribute('aria-label') || a.textContent.trim().slice(0, 20) || a.className;
      }));
    }
    for (const name of ['provider', 'region', 'add-did', 'submit', 'show-all', 'Show Account SID', 'Remove routing rule 1', 'Remove member 1', '+ Add member']) {
      assert.ok(reached.has(name), `Tab reaches ${name}`);
    }
    await fresh.close();
  });

  it("shows the picked provider's credential fields, ARIA on each input", async () => {
    await page.selectOption('#provider', 'twilio');
    assert.deepEqual(await credKeys(), ['account_sid', 'auth_token']);
    const sid = cred('account_sid');
    assert.equal(await sid.getAttribute('type'), 'password');
    assert.equal(await sid.getAttribute('aria-required'), 'true');
    const issuesId = await page.locator('[data-cred="account_sid"] ul.issues').getAttribute('id');
    assert.ok((await sid.getAttribute('aria-describedby')).split(' ').includes(issuesId));
    assert.equal(await page.locator('[data-cred="account_sid"] label').getAttribute('for'), await sid.getAttribute('id'));

    await page.selectOption('#provider', 'general');
    assert.deepEqual(await credKeys(), ['api_key', 'api_send_url', 'api_secret', 'api_verify_url']);
    assert.equal(await cred('api_send_url').getAttribute('type'), 'url');
    assert.equal(await cred('api_secret').getAttribute('aria-required'), 'false');
  });

  it('names the missing digits of a truncated number, offers nothing, and keeps Create disabled', async () => {
    await page.click('#add-did');
    const did = inputAt('/dids/0/did_number');
    await type(did, '+1 212 555 12');
    const issue = issuesAt('/dids/0/did_number');
    await issue.first().waitFor();
    assert.match(await issueText('/dids/0/did_number'), /missing digits/);
    assert.match(await issue.getAttribute('class'), /\berror\b/);
    assert.equal(await fieldAt('/dids/0/did_number').locator('.fix').count(), 0, 'no "Use +121255512": it is not a valid number');
    assert.equal(await did.inputValue(), '+1 212 555 12', 'not normalised on blur: the result would not be valid');
    assert.equal(await createDisabled(), true);

    // Without separators it is well-formed: a warning (never a block), still naming the digits.
    await type(did, '+121255512');
    await issue.first().waitFor();
    assert.match(await issueText('/dids/0/did_number'), /missing digits/);
    assert.match(await issue.getAttribute('class'), /\bwarning\b/);
    assert.equal(await fieldAt('/dids/0/did_number').locator('.fix').count(), 0);

  });

  it('normalises separators on blur when the number is valid, and offers it while typing', async () => {
    const did = inputAt('/dids/0/did_number');
    await type(did, '+1 (212) 555-1234');
    assert.equal(await did.inputValue(), '+12125551234', 'normalised on blur');
    assert.equal(await issuesAt('/dids/0/did_number').count(), 0);
    // A reading that changes the digits is offered, never written on blur.
    await type(did, '2125551234');
    assert.equal(await did.inputValue(), '2125551234', 'no country code added behind the admin\'s back');
    assert.equal(await fieldAt('/dids/0/did_number').locator('.fix').textContent(), 'Use +12125551234');
    await type(did, '+4402079460857');
    assert.equal(await did.inputValue(), '+4402079460857', 'no digit dropped on blur');
    assert.equal(await fieldAt('/dids/0/did_number').locator('.fix').textContent(), 'Use +442079460857');

    await did.fill('+44 20 7946 0857');
    const fix = fieldAt('/dids/0/did_number').locator('.fix');
    assert.equal(await fix.textContent(), 'Use +442079460857');
    await fix.click();
    assert.equal(await did.inputValue(), '+442079460857');
    assert.equal(await issuesAt('/dids/0/did_number').count(), 0);
  });

  it('reads a national number with the chosen country, offering only valid readings', async () => {
    const did = inputAt('/dids/0/did_number');
    assert.equal(await page.locator('#region').inputValue(), 'US', "the browser's region (en-US)");
    assert.match(await page.locator('#region option[value=US]').textContent(), /^United States \(US\)$/);
    await did.fill('(212) 555-1234');
    const fix = fieldAt('/dids/0/did_number').locator('.fix');
    assert.equal(await fix.textContent(), 'Use +12125551234', 'not +2125551234, which dropping the brackets gives');
    await page.selectOption('#region', 'GB');
    await did.fill('020 7946 0857');
    assert.equal(await fix.textContent(), 'Use +442079460857');
    await page.selectOption('#region', '');
    await did.fill('020 7946 0857');
    assert.equal(await fix.count(), 0, 'without a country there is no international form to offer');
    assert.match(await issueText('/dids/0/did_number'), /choose the country/);
    await page.selectOption('#region', 'US');
    await type(did, '+12125551234');
  });

  it('enables Create once the channel is valid, and never shows a secret', async () => {
    await type(inputAt('/name'), 'Front desk SMS');
    await page.locator('[data-pointer="/webhook_url_type"] select').selectOption('fqdn');
    await type(cred('api_key'), 'myAPIKey456');
    await type(cred('api_send_url'), 'https://api.example.com/message/send');
    await page.locator('[data-pointer="/dids/0/destination_type"] select').selectOption('queue');
    assert.equal(await createDisabled(), true, 'a queue needs its id');
    assert.match(await fieldAt('/dids/0/destination_id').locator('.badge').textContent(), /required/);
    assert.equal(await inputAt('/dids/0/destination_id').getAttribute('aria-required'), 'true');
    await type(inputAt('/dids/0/destination_id'), '4');
    await page.locator('[data-pointer="/dids/0"] .btn-link').click();
    await page.locator('[data-pointer="/dids/0/members/0/type"] select').selectOption('extension');
    await type(inputAt('/dids/0/members/0/value'), '137');

    await page.waitForFunction(() => document.querySelector('#submit').getAttribute('aria-disabled') === 'false');
    assert.match(await page.locator('#status').textContent(), /Ready to create/);
    const preview = await page.locator('#preview').textContent();
    assert.ok(!preview.includes('myAPIKey456'), 'raw secret in the preview');
    assert.ok(!preview.includes('bXlBUElLZXk0NTY='), 'encoded secret in the preview');
    assert.match(preview, /"destination_id": "4"/);
    await page.click('#submit');
    await page.locator('#submitted').waitFor();
    assert.match(await page.locator('#submitted').textContent(), /The payload is valid/);
    await assertAccessible(page, 'create page, valid, submitted');
  });

  it('lets a warning through, and styles it apart from an error', async () => {
    const did = inputAt('/dids/0/did_number');
    await type(did, '+15567778888');
    const issue = issuesAt('/dids/0/did_number');
    await issue.first().waitFor();
    assert.match(await issue.getAttribute('class'), /\bwarning\b/);
    assert.equal(await createDisabled(), false, 'warnings do not block');
    await type(cred('api_send_url'), 'http://api.example.com/message/send');
    const error = page.locator('[data-cred="api_send_url"] .issue');
    assert.equal(await error.locator('.issue-text').textContent(), 'Use an address that starts with https://.');
    assert.equal(await createDisabled(), true);
    const colour = (l) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(await colour(issue.first()), await colour(error.first()));
    await assertAccessible(page, 'create page, an error and a warning shown');
    await type(cred('api_send_url'), 'https://api.example.com/message/send');
    await type(did, '+12125551234');
  });

  it('switches labels, help and messages to pt-BR', async () => {
    await type(inputAt('/name'), '');
    await page.locator('#locale').selectOption('pt-BR');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt-BR');
    assert.equal(await fieldAt('/name').locator('label > span').first().textContent(), 'Nome do canal');
    assert.equal(await fieldAt('/name').locator('.hint').textContent(), 'Mostrado aos atendentes na caixa de entrada.');
    assert.equal(await issueText('/name'), 'Preencha: Nome do canal.');
    assert.equal(await page.locator('#submit').textContent(), 'Criar canal');
    assert.equal(await page.locator('h1').textContent(), 'Novo canal de mensagens');
    assert.match(await page.locator('#region option[value=US]').textContent(), /^Estados Unidos/);
    await assertAccessible(page, 'create page, pt-BR');
    await page.locator('#locale').selectOption('en');
    assert.equal(await issueText('/name'), 'Channel name is required.');
    await type(inputAt('/name'), 'Front desk SMS');
  });

  it('takes the browser language by default (zh-CN)', async () => {
    const zh = await ctx.open('/index.html', { locale: 'zh-CN' });
    assert.equal(await zh.locator('#locale').inputValue(), 'zh-CN');
    assert.equal(await zh.locator('[data-pointer="/name"] label > span').first().textContent(), '渠道名称');
    await zh.locator('[data-pointer="/name"] input').focus();
    await zh.locator('[data-pointer="/name"] input').press('Tab');
    assert.equal(await zh.locator('[data-pointer="/name"] .issue-text').textContent(), '请填写渠道名称。');
    await assertAccessible(zh, 'create page, zh-CN, an issue shown');
    await zh.close();
  });

  it('shows every issue, in the sidebar too, when Create is tried on an empty form', async () => {
    const fresh = await ctx.open('/index.html');
    // aria-disabled, not disabled: it keeps its Tab stop, and Enter on it tries the submit.
    await fresh.locator('#submit').focus();
    await fresh.keyboard.press('Enter');
    const shown = fresh.locator('.issue:visible');
    await shown.first().waitFor();
    assert.ok((await shown.count()) >= 2);
    assert.ok((await fresh.locator('#summary li').count()) >= 2);
    assert.match(await fresh.locator('#status').getAttribute('class'), /status-error/);
    assert.equal(await fresh.evaluate(() => document.activeElement.closest('[data-pointer]')?.dataset.pointer), '/name',
      'the first field with an error takes the focus');
    await assertAccessible(fresh, 'create page, submit tried on an empty form');
    await fresh.close();
  });

  it('fits a 390 px screen and has a dark theme (screenshots)', async () => {
    // One warning and one error left in, so the pictures show how both look.
    await type(inputAt('/dids/0/did_number'), '+121255512');
    assert.match(await issuesAt('/dids/0/did_number').getAttribute('class'), /\bwarning\b/);
    await cred('api_key').fill('');
    await cred('api_key').blur();
    assert.match(await page.locator('[data-cred="api_key"] .issue').getAttribute('class'), /\berror\b/);
    for (const scheme of ['light', 'dark']) {
      for (const width of [1280, 390]) {
        await screenshot(page, 'create', width, scheme);
        if (width === 390) {
          await assertFitsWidth(page);
          const region = await page.locator('#region').evaluate((el) => el.clientWidth);
          assert.ok(region >= 300, `the country select is ${region} px wide at 390 px`);
          assert.ok(await page.locator('#submit').isVisible(), 'Create is reachable');
        }
        await assertAccessible(page, `create page, ${width} px, ${scheme}`);
      }
    }
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, 'rgb(245, 246, 248)', 'the dark theme changes the page background');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no page errors, console errors or failed requests', () => {
    assert.deepEqual(ctx.problems, []);
  });
});
