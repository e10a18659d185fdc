// Each entry of the npm package built into a page by a bundler and run in headless
// Chromium: the main entry (top-level await) with Vite 8, and `channel-rules/init` (no
// top-level await) with Vite 8 and with Vite 6, whose default build target predates
// top-level await: the main entry fails to build there, which is what the init entry is for.
// Last, Vite 6's dev server with no configuration over the package as npm installs it (a
// copy in node_modules, which the dev server pre-bundles), the wasm URL given by `?url`.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here('../../target/entries');
const alias = [
  { find: /^channel-rules\/init$/, replacement: here('../../pkg/init.js') },
  { find: /^channel-rules$/, replacement: here('../../pkg/index.js') },
];
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Builds `page` (main.html or init.html) with the Vite module given, into target/entries/NAME. */
async function build(vite, name, page) {
  await vite.build({
    configFile: false,
    base: './',
    root: here('.'),
    logLevel: 'silent',
    resolve: { alias },
    build: { outDir: join(out, name), emptyOutDir: true, rollupOptions: { input: here(page) } },
  });
  return join(out, name);
}

let server;
let base;
let browser;
before(async () => {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  server = createServer(async (req, res) => {
    try {
      const body = await readFile(join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
      res.writeHead(200, { 'content-type': types[extname(req.url)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
});
after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

/** Opens the built page (under `root`, by default this test's server) and returns what it wrote into #result. */
async function run(name, page, root = base) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`${root}/${name ? `${name}/` : ''}${page}`);
  await tab.waitForFunction(() => document.querySelector('#result').textContent !== 'loading');
  const result = JSON.parse(await tab.locator('#result').textContent());
  await tab.close();
  assert.deepEqual(errors, []);
  return result;
}

const expected = (result) => {
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.equal(result.valid, true);
  assert.deepEqual(result.invalid, ['/dids/0/did_number phone.e164']);
};

describe('a page built with each entry', () => {
  it('main entry, Vite 8', async () => {
    await build(await import('vite'), 'vite8-main', 'main.html');
    expected(await run('vite8-main', 'main.html'));
  });

  it('init entry, Vite 8', async () => {
    await build(await import('vite'), 'vite8-init', 'init.html');
    expected(await run('vite8-init', 'init.html'));
  });

  it('init entry, Vite 6 (default target, no top-level await)', async () => {
    await build(await import('vite6'), 'vite6-init', 'init.html');
    expected(await run('vite6-init', 'init.html'));
  });

  it('main entry, Vite 6: the build fails on top-level await, as the init entry says', async () => {
    await assert.rejects(build(await import('vite6'), 'vite6-main', 'main.html'), /top-level await/i);
  });

  it('init entry, Vite 6 dev server, no configuration, the package installed from its tarball', async () => {
    const app = join(out, 'vite6-dev');
    const installed = join(app, 'node_modules', 'channel-rules');
    await rm(app, { recursive: true, force: true });
    await mkdir(installed, { recursive: true });
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', app], { cwd: here('../../pkg'), encoding: 'utf8' }).trim();
    execFileSync('tar', ['xzf', join(app, tarball), '-C', installed, '--strip-components=1']);
    for (const f of ['init-url.html', 'init-url.js', 'show.js']) await cp(here(f), join(app, f));
    // An app of its own (Vite keeps its pre-bundled deps under the nearest package.json's
    // node_modules/.vite, which would otherwise be this repository's, kept across runs).
    await writeFile(join(app, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: { 'channel-rules': 'file:' + tarball } }));
    const { createServer: viteServer } = await import('vite6');
    const dev = await viteServer({ configFile: false, root: app, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await dev.listen();
    try {
      expected(await run('', 'init-url.html', dev.resolvedUrls.local[0].replace(/\/$/, '')));
    } finally {
      await dev.close();
    }
  });
});
