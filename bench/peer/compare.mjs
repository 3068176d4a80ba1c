// Runs every query of queries.json against the peer (its "text") and against
// confgraph (its "confgraph" text), turns both answers into the same rows,
// and prints the row counts side by side and whether the rows are equal.
//
// usage: node compare.mjs [PEER_URL] [CONFGRAPH_URL]
//   defaults: http://127.0.0.1:4000/graphql http://127.0.0.1:8080/graphql
// Exit code 1 when a query errors or the rows differ.
import { readFileSync } from "node:fs";

const peerURL = process.argv[2] ?? "http://127.0.0.1:4000/graphql";
const confgraphURL = process.argv[3] ?? "http://127.0.0.1:8080/graphql";
const queries = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url), "utf8"));

async function post(url, query) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const names = (xs) => xs.map((x) => x.name).join(",");
const byCountThenName = (a, b) => b[1] - a[1] || a[0].toLowerCase().localeCompare(b[0].toLowerCase());
const talkRow = (t) => `${t.title} | ${t.speakers.map((s) => `${s.name} (${names(s.companies)})`).join("; ")}`;

// Each query's answers, from either server, as named lists of row strings.
const rows = {
  talk_page: {
    confgraph: ({ talk: t }) => ({
      talk: t ? [`${t.title} | ${t.level} | ${t.kind} | ${t.durationMinutes} | ${t.event.name} | ${t.event.city} | ${t.abstract.length}`] : [],
      speakers: t.speakersConnection.edges.map((e) => `${e.node.name} | ${e.role} | ${names(e.node.companies)}`),
      projects: t.projects.map((p) => `${p.name} | ${p.homepage} | ${p.maturity}`),
      recaps: t.recaps.map((r) => r.title),
    }),
    peer: ({ talks: [t] }) => ({
      talk: t ? [`${t.title} | ${t.level} | ${t.kind} | ${t.durationMinutes} | ${t.event.name} | ${t.event.city} | ${t.abstract.length}`] : [],
      speakers: t.speakersConnection.edges.map((e) => `${e.node.name} | ${e.properties.role} | ${names(e.node.companies)}`),
      projects: t.projects.map((p) => `${p.name} | ${p.homepage} | ${p.maturity}`),
      recaps: t.recaps.map((r) => r.title),
    }),
  },
  speaker_page: {
    confgraph: ({ speaker: s }) => ({
      speaker: [`${s.name} | ${s.role} | ${s.bio}`],
      companies: s.companies.map((c) => c.name),
      talks: s.talks.map((t) => `${t.title} | ${t.kind} | ${t.event.name} | ${names(t.projects)}`),
    }),
    peer: ({ speakers: [s] }) => ({
      speaker: [`${s.name} | ${s.role} | ${s.bio}`],
      companies: s.companies.map((c) => c.name),
      talks: s.talks.map((t) => `${t.title} | ${t.kind} | ${t.event.name} | ${names(t.projects)}`),
    }),
  },
  company_page: {
    confgraph: ({ company: c }) => ({
      speakers: c.speakers.map((s) => `${s.name} | ${s.talkCount}`),
      projects: c.projects.map((p) => `${p.project.name} | ${p.talkCount}`),
    }),
    // Ranking and grouping happen here: the Library can do neither.
    peer: ({ companies: [c] }) => {
      const speakers = c.speakers.map((s) => [s.name, s.talksConnection.aggregate.count.nodes]);
      const talksOf = new Map();
      for (const s of c.speakers)
        for (const t of s.talks)
          for (const p of t.projects) talksOf.set(p.name, (talksOf.get(p.name) ?? new Set()).add(t.id));
      return {
        speakers: speakers.sort(byCountThenName).slice(0, 10).map(([n, k]) => `${n} | ${k}`),
        projects: [...talksOf].map(([n, ts]) => [n, ts.size]).sort(byCountThenName).map(([n, k]) => `${n} | ${k}`),
      };
    },
  },
  project_page: {
    confgraph: ({ project: p }) => ({
      project: [`${p.name} | ${p.homepage} | ${p.repo} | ${p.maturity}`],
      talks: p.talks.map(talkRow),
      companies: p.companies.map((c) => [c.company.name, c.talkCount]).sort(byCountThenName).map(([n, k]) => `${n} | ${k}`),
    }),
    peer: ({ projects: [p], companies }) => ({
      project: [`${p.name} | ${p.homepage} | ${p.repo} | ${p.maturity}`],
      talks: p.talks.map(talkRow),
      companies: companies
        .map((c) => [c.name, new Set(c.speakers.flatMap((s) => s.talks.map((t) => t.id))).size])
        .sort(byCountThenName)
        .map(([n, k]) => `${n} | ${k}`),
    }),
  },
  event_schedule: {
    confgraph: ({ talksConnection: c }) => schedule(c),
    peer: ({ talksConnection: c }) => schedule(c),
  },
  search_title: {
    confgraph: ({ talks }) => ({ talks: talks.map((t) => t.title) }),
    peer: ({ talks }) => ({ talks: talks.map((t) => t.title) }),
  },
  search_fulltext: {
    confgraph: ({ search }) => ({ talks: search.map((h) => `${h.node.title} | ${h.score.toFixed(4)}`) }),
    peer: ({ talksSearch }) => ({ talks: talksSearch.map((h) => `${h.talk.title} | ${h.score.toFixed(4)}`) }),
  },
  headline: {
    confgraph: ({ talks }) => ({ talks: talks.map(talkRow) }),
    peer: ({ talks }) => ({ talks: talks.map(talkRow) }),
  },
  shortest_path: {
    confgraph: ({ shortestPath: p }) => ({
      nodes: p ? p.nodes.map((n, i) => `${n.__typename}:${n.name ?? n.title} via ${i ? p.relationships[i - 1].type : null}`) : [],
    }),
    peer: ({ speakers: [s] }) => ({ nodes: s.pathToProject.map((n) => `${n.label}:${n.name} via ${n.via}`) }),
  },
};

function schedule(c) {
  return {
    page: [`totalCount ${c.totalCount} | hasNextPage ${c.pageInfo.hasNextPage}`],
    talks: c.edges.map(({ node: t }) => `${t.title} | ${t.kind} | ${t.level} | ${t.durationMinutes} | ${names(t.speakers)}`),
  };
}

const counts = (r) => Object.entries(r).map(([k, v]) => `${k} ${v.length}`).join(", ");
let failed = false;
console.log("query | confgraph rows | peer rows | same rows");
console.log("--- | --- | --- | ---");
for (const q of queries) {
  try {
    const c = rows[q.name].confgraph(await post(confgraphURL, q.confgraph));
    const p = rows[q.name].peer(await post(peerURL, q.text));
    const same = JSON.stringify(c) === JSON.stringify(p);
    if (!same) {
      failed = true;
      for (const k of Object.keys(c)) {
        const onlyC = c[k].filter((x) => !p[k]?.includes(x));
        const onlyP = (p[k] ?? []).filter((x) => !c[k].includes(x));
        if (onlyC.length || onlyP.length || JSON.stringify(c[k]) !== JSON.stringify(p[k]))
          console.error(`${q.name}.${k}: only confgraph ${JSON.stringify(onlyC)}; only peer ${JSON.stringify(onlyP)}`);
      }
    }
    console.log(`${q.name} | ${counts(c)} | ${counts(p)} | ${same ? "yes" : "NO"}`);
  } catch (err) {
    failed = true;
    console.log(`${q.name} | error | error | ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);
