// The demo's edit page (www/edit.html) in headless Chromium: a channel's current state
// loaded (the bundled example, or pasted JSON), routing rules changed, what the update
// would delete or clear listed before Save, and the body Save sends being the one
// `completeUpdate` writes (checked against the package itself, in Node).

import { afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { completeUpdate } from '../../pkg/node.js';
import { harness, assertAccessible, screenshot, assertFitsWidth } from './browser.mjs';

const CURRENT = JSON.parse(readFileSync(new URL('../../examples/yeastar/current-sms.json', import.meta.url), 'utf8'));
const ctx = harness();
let page;

const rule = (n) => page.locator('article.rule').nth(n);
const saveBlocked = async () => (await page.locator('#submit').getAttribute('aria-disabled')) === 'true';
const preview = async () => JSON.parse(await page.locator('#preview').textContent());
const hazards = () => page.locator('#hazard-list li').allTextContents();

describe('the edit page', () => {
  // Inside the suite: the harness's own before hook (the browser) runs first.
  before(async () => {
    page = await ctx.open('/edit.html');
  });

  // Every state a test leaves the page in is scanned too, besides the scans inside tests.
  afterEach(async (t) => {
    if (page && !page.isClosed()) await assertAccessible(page, `edit page, after: ${t.name}`);
  });

  it('starts with nothing loaded and nothing to save', async () => {
    assert.equal(await saveBlocked(), true);
    assert.equal(await page.locator('article.rule').count(), 0);
    await assertAccessible(page, 'edit page, empty');
  });

  it('says why pasted text cannot be loaded', async () => {
    await page.locator('#paste').fill('{"id": 267, "dids": [');
    await page.click('#load-paste');
    assert.match(await page.locator('#load-error').textContent(), /not JSON/);
    assert.equal(await page.locator('#paste').getAttribute('aria-invalid'), 'true');
    await page.locator('#paste').fill('[1, 2]');
    await page.click('#load-paste');
    assert.match(await page.locator('#load-error').textContent(), /JSON object/);
  });

  it('loads pasted JSON of what the PBX returns', async () => {
    const pasted = { ...CURRENT, name: 'Pasted channel', dids: CURRENT.dids.slice(1) };
    await page.locator('#paste').fill(JSON.stringify(pasted));
    await page.click('#load-paste');
    assert.equal(await page.locator('#load-error').textContent(), '');
    assert.equal(await page.locator('article.rule').count(), 1);
    assert.deepEqual(await preview(), completeUpdate(pasted, {}).payload);
  });

  it('loads the bundled example: every rule, and the body that changes nothing', async () => {
    await page.click('#load-example');
    await page.waitForFunction(() => document.querySelectorAll('article.rule').length === 2);
    assert.match(await page.locator('#loaded').textContent(), /Front desk SMS/);
    assert.deepEqual(await preview(), completeUpdate(CURRENT, {}).payload);
    assert.deepEqual(await hazards(), []);
    assert.match(await page.locator('#hazards-none').textContent(), /Nothing is deleted or cleared/);
    assert.match(await page.locator('#status').textContent(), /No changes yet/);
    assert.equal(await saveBlocked(), true, 'nothing to save');
    await assertAccessible(page, 'edit page, example loaded');
  });

  it('lists what a change clears before Save, and asks for a confirmation', async () => {
    // By keyboard: the select keeps the focus while the page follows the change.
    const destination = rule(0).locator('[data-pointer="/dids/0/destination_type"] select');
    await destination.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await destination.inputValue(), 'api');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-pointer]')?.dataset.pointer), '/dids/0/destination_type');
    assert.equal(await rule(0).locator('[data-pointer="/dids/0/destination_id"]').isHidden(), true, 'an API destination takes no id');
    assert.deepEqual(await hazards(), ['Clears Destination ID of the rule for +12125551234.']);
    assert.deepEqual(await preview(), completeUpdate(CURRENT, { dids: [{ id: 5, destination_type: 'api', destination_id: null }] }).payload);
    assert.equal(await page.locator('#confirm-row').isVisible(), true);
    assert.equal(await saveBlocked(), true, 'not before the admin confirms');
    assert.match(await page.locator('#status').textContent(), /Confirm what this update deletes/);
  });

  it('lists a deleted rule, and keeps the others whole', async () => {
    const toggle = rule(1).locator('[data-action=delete]');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await hazards(), [
      'Clears Destination ID of the rule for +12125551234.',
      'Deletes the routing rule for +442079460857 (id 3).',
    ]);
    const body = await preview();
    assert.equal(body.dids.length, 1);
    assert.deepEqual(body.dids[0].members, CURRENT.dids[0].members, 'members the change leaves out are kept');
    await assertAccessible(page, 'edit page, hazards listed');
  });

  it('sends the body completeUpdate writes, as the preview shows it', async () => {
    await page.locator('#confirm').check();
    assert.equal(await saveBlocked(), false);
    await page.click('#submit');
    await page.locator('#sent').waitFor();
    await assertAccessible(page, 'edit page, sent');
    const sent = JSON.parse(await page.locator('#sent-body').textContent());
    const changes = { dids: [{ id: 5, destination_type: 'api', destination_id: null }, { id: 3, delete: true }] };
    const expected = completeUpdate(CURRENT, changes);
    assert.deepEqual(sent, expected.payload);
    assert.deepEqual(sent, await preview());
    assert.deepEqual(expected.report.issues.map((i) => i.code).sort(), ['update.clears_field', 'update.removes_item']);
  });

  it("shows a current rule's issues at once, normalises a number on blur, and blocks Save for errors", async () => {
    await rule(1).locator('[data-action=delete]').click(); // keep rule 3 again
    const did = page.locator('[data-pointer="/dids/1/did_number"] input');
    await did.fill('+44 20 7946');
    const issue = page.locator('[data-pointer="/dids/1/did_number"] .issue');
    await issue.first().waitFor();
    assert.match(await issue.locator('.issue-text').first().textContent(), /missing digits/);
    assert.equal(await did.getAttribute('aria-invalid'), 'true');
    assert.equal(await saveBlocked(), true);
    await assertAccessible(page, 'edit page, an error shown');
    // Rule 2 given rule 1's number: the repeat is named on the rule that repeats it.
    await did.fill('+12125551234');
    assert.match(await issue.locator('.issue-text').first().textContent(), /Repeats Rule 1/);
    await did.fill('+44 20 7946 0857');
    await did.press('Tab');
    assert.equal(await did.inputValue(), '+442079460857', 'separators taken out on blur');
    assert.equal(await issue.count(), 0);
  });

  it("refuses a new rule for a number a current rule routes, in the page's words", async () => {
    await page.click('#add-did');
    const fresh = rule(2);
    await fresh.locator('input').first().fill('+442079460857');
    const issue = fresh.locator('.issue-text').first();
    await issue.waitFor();
    assert.match(await issue.textContent(), /Rule 2 · \+442079460857 already routes this number/);
    assert.equal(await saveBlocked(), true);
    assert.deepEqual((await preview()).dids.map((d) => d.did_number), ['+12125551234', '+442079460857'], 'not sent, so rule 3 is not overwritten');
    await rule(1).locator('[data-action=delete]').click();
    assert.match(await rule(2).locator('.issue-text').first().textContent(), /is deleted on save/);
    await rule(1).locator('[data-action=delete]').click();
    await rule(2).locator('[aria-label="Remove New rule 1"]').click();
    assert.equal(await page.locator('article.rule').count(), 2);
  });

  it('adds a new rule, sent after the current ones', async () => {
    await page.click('#add-did');
    const fresh = rule(2);
    await fresh.locator('input').first().fill('+12125550000');
    await fresh.locator('select').first().selectOption('extension');
    await fresh.locator('input').nth(1).fill('138');
    const body = await preview();
    assert.equal(body.dids.at(-1).did_number, '+12125550000');
    assert.equal(body.dids.at(-1).id, undefined);
  });

  it('reads in pt-BR, hazards included', async () => {
    await page.locator('#locale').selectOption('pt-BR');
    assert.equal(await page.locator('h1').textContent(), 'Editar canal de mensagens');
    assert.deepEqual(await hazards(), ['Apaga o campo “ID do destino” da regra de +12125551234.']);
    assert.equal(await page.locator('[data-pointer="/dids/1/destination_type"] label > span').first().textContent(), 'Destino');
    await assertAccessible(page, 'edit page, pt-BR');
    await page.locator('#locale').selectOption('en');
  });

  it('is usable with the keyboard alone: every action is reached by Tab', async () => {
    const reached = new Set();
    await page.locator('#load-example').focus();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.dataset.action || document.activeElement.className));
    }
    for (const id of ['load-paste', 'add-did', 'delete', 'confirm', 'submit']) assert.ok(reached.has(id), `Tab reaches ${id}`);
  });

  it('keeps its words in another locale: the load error too', async () => {
    await page.locator('#paste').fill('not json');
    await page.click('#load-paste');
    await page.locator('#locale').selectOption('zh-CN');
    assert.match(await page.locator('#load-error').textContent(), /这不是 JSON/);
    await assertAccessible(page, 'edit page, zh-CN');
    await page.locator('#locale').selectOption('en');
    await page.locator('#paste').fill('');
  });

  it('fits a 390 px screen and has a dark theme (screenshots)', async () => {
    for (const scheme of ['light', 'dark']) {
      for (const width of [1280, 390]) {
        await screenshot(page, 'edit', width, scheme);
        if (width === 390) {
          await assertFitsWidth(page);
          assert.ok(await page.locator('#submit').isVisible(), 'Save is reachable');
        }
        await assertAccessible(page, `edit page, ${width} px, ${scheme}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no page errors, console errors or failed requests', () => {
    assert.deepEqual(ctx.problems, []);
  });
});
