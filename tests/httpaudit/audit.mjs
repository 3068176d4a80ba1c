// GraphQL over HTTP conformance: runs graphql-http's server audits against a
// running confgraph and prints every result. Exits 1 when any audit is an
// error (a MUST not met) or a warning (a SHOULD not met); notices (MAY) are
// printed but do not fail. Run by scripts/http-audit.sh, which starts
// confgraph and sets GRAPHQL_URL (http://127.0.0.1:PORT/graphql).
import { readFile } from 'node:fs/promises';
import { auditServer } from 'graphql-http';

const url = process.env.GRAPHQL_URL;
if (!url) {
  console.error('http-audit: GRAPHQL_URL is not set (run scripts/http-audit.sh)');
  process.exit(2);
}
const version = JSON.parse(await readFile(new URL('./node_modules/graphql-http/package.json', import.meta.url), 'utf8')).version;
console.log(`graphql-http ${version} auditServer against ${url}`);

const results = await auditServer({ url });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const failing = [];
for (const r of results) {
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  console.log(`${r.status.padEnd(6)} ${r.id}  ${r.name}`);
  if (r.status === 'ok') continue;
  console.log(`       reason: ${r.reason}`);
  if (r.response) {
    let body = '';
    try {
      body = await r.response.text();
    } catch {
      body = '(body already read)';
    }
    if (body.length > 400) body = `${body.slice(0, 400)}… (${body.length} bytes)`;
    console.log(`       response: ${r.response.status} ${r.response.headers.get('content-type') ?? '(no content-type)'}: ${body.replace(/\s+/g, ' ')}`);
  }
  if (r.status === 'error' || r.status === 'warn') failing.push(r);
}
console.log(`\n${results.length} audits: ${counts.ok} ok, ${counts.notice} notice, ${counts.warn} warn, ${counts.error} error`);
if (failing.length) {
  console.log(`FAIL: ${failing.length} audit(s) not met:`);
  for (const r of failing) console.log(`  ${r.status} ${r.id} ${r.name}: ${r.reason}`);
  process.exit(1);
}
console.log('PASS: every MUST and SHOULD of GraphQL over HTTP is met');
