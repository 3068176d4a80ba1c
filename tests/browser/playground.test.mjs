// The playground, used as a person would: open it in headless Chromium,
// type the README's headline query, run it, and read the answer on the page.
// Run by scripts/browser-test.sh, which starts confgraph and sets
//   CONFGRAPH_URL   the playground's address (http://127.0.0.1:PORT/)
//   README          the README whose first ```graphql block is the query
//   ARTIFACTS_DIR   where playground.png goes (default: artifacts)
//   CHROMIUM        the browser (default: /usr/bin/chromium)
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';

const url = process.env.CONFGRAPH_URL;
const readme = process.env.README ?? new URL('../../README.md', import.meta.url).pathname;
const artifacts = process.env.ARTIFACTS_DIR || 'artifacts';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const wantTitle = 'Ask Me Anything: Microservices and Service Mesh';

// headlineQuery returns the first ```graphql block of the README.
async function headlineQuery() {
  const text = await readFile(readme, 'utf8');
  const m = text.match(/^```graphql\r?\n([\s\S]*?)^```/m);
  assert.ok(m, `${readme} has no \`\`\`graphql block`);
  return m[1].trim();
}

test('the playground runs the README headline query, documents the schema and autocompletes', async (t) => {
  assert.ok(url, 'CONFGRAPH_URL is not set (run scripts/browser-test.sh)');
  const query = await headlineQuery();
  const loopback = new Set([new URL(url).host]);

  const profile = await mkdtemp(path.join(tmpdir(), 'confgraph-chromium-'));
  // launchPersistentContext is how Playwright takes a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });

  // Anything the page needs from elsewhere, or fails to load, means the page
  // is not self-contained: requests off this server are refused and counted.
  const problems = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !loopback.has(u.host)) {
      problems.push(`request off the server: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !new URL(r.url()).pathname.startsWith('/graphql')) {
      problems.push(`HTTP ${r.status()} for ${r.url()}`);
    }
  });
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ? ` (${m.location().url})` : '';
    consoleErrors.push(m.text() + where);
    if (/Failed to load resource|integrity|Refused to (load|execute)|net::ERR_/i.test(m.text())) {
      problems.push(`console: ${m.text()}${where}`);
    }
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));

  const resp = await page.goto(url, { waitUntil: 'load' });
  assert.equal(resp?.status(), 200, `GET ${url}: status ${resp?.status()}`);

  // GraphiQL 4 renders CodeMirror 5 editors; wait for the query editor.
  const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
  try {
    await editor.waitFor({ state: 'visible', timeout: 20_000 });
  } catch (err) {
    throw new Error(`GraphiQL's query editor did not appear within 20s.\n` +
      `problems: ${JSON.stringify(problems, null, 2)}\nconsole errors: ${JSON.stringify(consoleErrors, null, 2)}\n` +
      `page text: ${(await page.locator('body').innerText()).slice(0, 500)}`, { cause: err });
  }

  const set = await editor.evaluate((el, q) => {
    if (!el.CodeMirror) return false;
    el.CodeMirror.setValue(q);
    return el.CodeMirror.getValue() === q;
  }, query);
  assert.ok(set, 'could not set the query: the editor has no CodeMirror instance');

  const run = page.locator('button[aria-label="Execute query (Ctrl-Enter)"], button.graphiql-execute-button').first();
  if (await run.count()) {
    await run.click();
  } else {
    await editor.click();
    await page.keyboard.press('Control+Enter');
  }

  // The answer arrives in the response editor (also CodeMirror).
  const result = page.locator('.graphiql-response .CodeMirror').first();
  // The pane is empty until the answer (or an error) arrives.
  let shown = true;
  await page.waitForFunction(() => {
    const cm = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror;
    return cm && cm.getValue().trim() !== '';
  }, undefined, { timeout: 20_000 }).catch(() => { shown = false; });
  const text = await result.evaluate((el) => el.CodeMirror?.getValue() ?? el.innerText).catch(() => '');
  await mkdir(artifacts, { recursive: true });
  const shot = path.join(artifacts, 'playground.png');
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);
  assert.ok(shown, `the result pane showed nothing within 20s after running the query\n` +
    `problems: ${JSON.stringify(problems, null, 2)}\nconsole errors: ${JSON.stringify(consoleErrors, null, 2)}`);
  if (consoleErrors.length) console.log(`browser console errors:\n  ${consoleErrors.join('\n  ')}`);

  let body;
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`the result pane does not hold JSON:\n${text.slice(0, 2000)}`);
  }
  assert.ok(!('errors' in body), `the result has errors: ${JSON.stringify(body.errors, null, 2)}`);
  const titles = (body.data?.talks ?? []).map((talk) => talk.title);
  assert.ok(titles.includes(wantTitle), `the result lacks "${wantTitle}"; talks: ${JSON.stringify(titles)}`);
  console.log(`result pane: ${titles.length} talk(s): ${titles.join(' | ')}`);

  // The Docs pane: the schema arrived by introspection, so the explorer
  // lists the root type's fields and, a click on Talk later, Talk's own.
  await page.locator('button[aria-label="Show Documentation Explorer"]').first().click();
  const docs = page.locator('.graphiql-doc-explorer').first();
  await docs.waitFor({ state: 'visible', timeout: 10_000 });
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.locator('a.graphiql-doc-explorer-type-name', { hasText: /^Talk$/ }).first().click();
  await page.waitForFunction(() => {
    const t = document.querySelector('.graphiql-doc-explorer')?.innerText ?? '';
    return /\bTalk\b/.test(t) && /\bspeakers\b/.test(t) && /\bdurationMinutes\b/.test(t);
  }, undefined, { timeout: 10_000 }).catch(() => {});
  const docText = await docs.innerText();
  await page.screenshot({ path: path.join(artifacts, 'playground-docs.png') });
  for (const field of ['title', 'abstract', 'level', 'kind', 'speakers', 'projects', 'event', 'recaps']) {
    assert.match(docText, new RegExp(`\\b${field}\\b`), `the Docs pane for Talk lacks the field ${field}:\n${docText.slice(0, 1500)}`);
  }
  const heading = (await docs.locator('.graphiql-doc-explorer-title').first().innerText().catch(() => '')).trim();
  assert.equal(heading, 'Talk', `the Docs pane shows ${JSON.stringify(heading)}, not Talk:\n${docText.slice(0, 500)}`);
  console.log('docs pane: Talk and its fields listed');

  // Autocomplete: typing a selection on talks offers speakers.
  await editor.evaluate((el) => el.CodeMirror.setValue(''));
  await editor.click();
  await page.keyboard.type('{ talks { sp', { delay: 30 });
  const hints = page.locator('.CodeMirror-hints').first();
  await hints.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
  const offered = (await hints.count()) ? await hints.innerText() : '';
  await page.screenshot({ path: path.join(artifacts, 'playground-autocomplete.png') });
  assert.match(offered, /\bspeakers\b/, `autocomplete did not offer speakers after "{ talks { sp"; hints: ${JSON.stringify(offered)}`);
  console.log(`autocomplete: ${offered.split('\n').join(', ')}`);

  assert.deepEqual(problems, [], 'the page did not load everything from confgraph itself');
});
