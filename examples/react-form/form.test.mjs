// The typed react-hook-form example (examples/react-form/), as built by `vite build` into
// target/react-form/, driven once in Debian's headless Chromium: a bad DID shows its error
// beside the field, and a good one submits the payload.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dist = fileURLToPath(new URL('../../target/react-form/', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let server;
let browser;
let page;
const problems = [];

before(async () => {
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(dist, path.endsWith('/') ? 'index.html' : path);
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('form');
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

describe('the react-hook-form example', () => {
  it("shows a bad DID's error beside the field, from the Standard Schema resolver", async () => {
    const did = page.getByLabel('DID number');
    await did.fill('+1 212');
    await page.getByRole('button', { name: 'Create' }).click();
    const error = page.locator('#did-error');
    await error.waitFor();
    assert.match(await error.textContent(), /E\.164/);
    assert.equal(await did.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('[data-sent]').count(), 0, 'nothing is sent');
  });

  it('submits the typed payload once the DID is right', async () => {
    await page.getByLabel('DID number').fill('+12125551234');
    await page.getByRole('button', { name: 'Create' }).click();
    const sent = JSON.parse(await page.locator('[data-sent]').textContent());
    assert.equal(sent.dids[0].did_number, '+12125551234');
    assert.equal(await page.locator('#did-error').count(), 0);
    assert.deepEqual(problems, []);
  });
});
