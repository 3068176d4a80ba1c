package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
)

func reportCmd(args []string) error {
	fs := flag.NewFlagSet("report", flag.ExitOnError)
	in := fs.String("in", "results.json", "results of driver run")
	out := fs.String("out", "BENCHMARKS.md", "markdown to write")
	_ = fs.Parse(args)
	b, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	var res results
	if err := json.Unmarshal(b, &res); err != nil {
		return err
	}
	var w strings.Builder
	writeReport(&w, &res, *in)
	return os.WriteFile(*out, []byte(w.String()), 0o644)
}

// f formats a number with about three significant digits.
func f(v float64) string {
	switch {
	case v == 0:
		return "0"
	case v >= 1000:
		return fmt.Sprintf("%.0f", v)
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3f", v)
}

func fx(v float64) string {
	if v == 0 {
		return "–"
	}
	return f(v) + "×"
}

func p50(s stats) float64  { return s.P50 }
func p99(s stats) float64  { return s.P99 }
func rps(s stats) float64  { return s.RPS }
func rate(s stats) float64 { return s.Rate }

func medStats(s []stats, g func(stats) float64) string {
	if len(s) == 0 {
		return "–"
	}
	return f(median(s, g))
}

type md struct{ *strings.Builder }

func (m md) p(format string, a ...any) { fmt.Fprintf(m, format+"\n", a...) }

func (m md) row(cells ...string) { m.p("| %s |", strings.Join(cells, " | ")) }

func (m md) head(cells ...string) {
	m.row(cells...)
	seps := make([]string, len(cells))
	for i := range seps {
		seps[i] = "---"
	}
	m.row(seps...)
}

func writeReport(sb *strings.Builder, res *results, in string) {
	m := md{sb}
	mode := "full"
	if res.Plan.Quick {
		mode = "quick (`BENCH_QUICK=1`: a subset, one run, short windows — indicative only)"
	}
	m.p("# Benchmarks")
	m.p("")
	m.p("Written by `make bench` (`scripts/bench.sh`) on %s; mode: %s; the run took %.0f minutes. "+
		"Every figure below comes from that one run on this machine; the raw measurements are in `%s`.",
		res.Started.Format("2006-01-02 15:04 UTC"), mode, res.Finished.Sub(res.Started).Minutes(), in)
	m.p("")
	m.p("## Machine")
	m.p("")
	m.head("", "")
	mc := res.Machine
	m.row("cores (nproc)", mc["nproc"])
	m.row("CPU", mc["cpu"])
	m.row("memory", mc["memory"])
	m.row("kernel", mc["kernel"])
	m.row("Go", mc["go"]+" "+mc["goos"])
	m.row("Neo4j", mc["neo4j"]+" (in-process harness, `tools/neo4j`; heap "+mc["neo4jHeap"]+", page cache 128 MiB as the launcher sets it)")
	m.row("Java", mc["java"])
	m.row("Node (peer)", mc["node"]+", `@neo4j/graphql` 6.6.4, graphql-yoga 5.21.3")
	m.p("")
	m.p("## How it was measured")
	m.p("")
	pl := res.Plan
	m.p("- **Cores.** Neo4j, confgraph and the peer serve from core 0 (`taskset -c 0`); the load generator and the floor's Go driver run on core 1 (`taskset -c 1`). "+
		"The embedded ingest runs on both cores (it is one process, no server). `confgraph load` runs on core 1 against Neo4j on core 0.")
	m.p("- **p50**: one connection, requests one after another, after a warm-up (≥ %d requests and ≥ 300 ms); up to %d requests or %s.", pl.Warm, pl.P50N, pl.P50Dur)
	m.p("- **p99**: open loop at a fixed rate per query, the same for every server answering it (half the single-connection throughput of the slowest, 5–300/s); "+
		"each latency counts from the moment its request was due, so a queue is charged to the server; %s–%s, aiming at %d samples.", pl.P99Min, pl.P99Max, pl.P99Samples)
	if pl.Conc > 0 {
		m.p("- **Throughput**: closed loop with %d connections for %s.", pl.Conc, pl.ConcDur)
	}
	if pl.MaxRate {
		m.p("- **Throughput at p99 ≤ 50 ms**: open-loop rates growing by half from 0.8× the closed-loop throughput (%s per step), then bisected; the highest rate with p99 ≤ 50 ms, no errors and ≥ 90%% of the offered rate achieved.", pl.MaxRateStep)
	}
	m.p("- **Repeats**: %d run(s); a ratio is the median over runs of the per-run ratio (paired: both sides measured back to back in the same run).", pl.Runs)
	m.p("- **Database hits**: the benchmark reaches Neo4j through a recording Bolt proxy (`bench/driver/boltproxy.go`), so it captures exactly the statements (with parameters) confgraph and the peer send for one request, then `PROFILE`s each and sums the db hits of their plans. Neo4j Community has no query log, and the launcher takes no extra settings, so this is how they are captured.")
	m.p("- **Floor**: one hand-written statement per question (`bench/driver/queries.go`), run with `neo4j.ExecuteQuery` as confgraph's store runs its statements; its rows are checked against confgraph's once (table *Same answers*).")
	m.p("- **After every load** the benchmark runs `CALL db.awaitIndexes()` and `CALL db.prepareForReplanning()`, so all clients get plans made for the loaded data.")
	m.p("")
	m.p("## Commands")
	m.p("")
	m.p("In the order they ran (`…` is the password, `confgraph-test`):")
	m.p("")
	m.p("```sh")
	for _, c := range res.Commands {
		m.p("%s", c)
	}
	m.p("```")
	m.p("")
	writeTargets(m, res)
	writeIngest(m, res)
	for _, sec := range res.Sections {
		writeSection(m, res, sec)
	}
	writeTypename(m, res)
	writeScaling(m, res)
	if len(res.Problems) > 0 {
		m.p("## Problems seen during the run")
		m.p("")
		for _, p := range dedupe(res.Problems) {
			m.p("- %s", strings.ReplaceAll(p, "\n", " "))
		}
		m.p("")
	}
	writeHeadlineCypher(m, res)
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if len(s) > 400 {
			s = s[:400] + "…"
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func realSection(res *results) *section {
	for _, s := range res.Sections {
		if strings.HasPrefix(s.Name, "real") {
			return s
		}
	}
	return nil
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

func writeTargets(m md, res *results) {
	m.p("## Targets")
	m.p("")
	m.head("target (issue 7)", "measured", "", "why, and what would close it")
	if sec := realSection(res); sec != nil {
		var worst50, worst99, worstHits float64
		var w50, w99, wh string
		hitsAbovePeer := []string{}
		for _, q := range sec.Queries {
			r50 := pairedRatio(q.P50["neo4j"], q.P50["floor"], p50)
			r99 := pairedRatio(q.P99["neo4j"], q.P99["floor"], p99)
			if r50 > worst50 {
				worst50, w50 = r50, q.Name
			}
			if r99 > worst99 {
				worst99, w99 = r99, q.Name
			}
			if q.DbHits["floor"] > 0 {
				if h := float64(q.DbHits["neo4j"]) / float64(q.DbHits["floor"]); h > worstHits {
					worstHits, wh = h, q.Name
				}
			}
			if q.DbHits["peer"] > 0 && q.DbHits["neo4j"] > q.DbHits["peer"] {
				hitsAbovePeer = append(hitsAbovePeer, fmt.Sprintf("%s %d vs %d", q.Name, q.DbHits["neo4j"], q.DbHits["peer"]))
			}
		}
		n50, n99 := 0, 0
		for _, q := range sec.Queries {
			if pairedRatio(q.P50["neo4j"], q.P50["floor"], p50) <= 1.3 {
				n50++
			}
			if pairedRatio(q.P99["neo4j"], q.P99["floor"], p99) <= 1.5 {
				n99++
			}
		}
		why := "confgraph answers one request with several statements (one per relationship level, and one per parent where the batcher cannot group, e.g. `event_schedule`'s 20 speaker lists), in sequential rounds, each a Bolt round trip plus decoding of whole property maps, with Neo4j and confgraph sharing one core; the floor is one statement. " +
			"Closing it needs the Neo4j store to compile a whole GraphQL selection into one Cypher statement (as the Library does) or at least one statement per level with projections of only the selected fields."
		m.row("over Neo4j ÷ floor, p50 ≤ 1.3× for every query", fmt.Sprintf("worst %s (%s); %d of %d queries within", fx(worst50), w50, n50, len(sec.Queries)), met(worst50 <= 1.3), why)
		m.row("over Neo4j ÷ floor, p99 ≤ 1.5× for every query", fmt.Sprintf("worst %s (%s); %d of %d within", fx(worst99), w99, n99, len(sec.Queries)), met(worst99 <= 1.5), "as above; p99 at a fixed rate also carries the queueing of several round trips per request on the shared core.")
		m.row("db hits of confgraph's Cypher ≤ 1.2× the floor's", fmt.Sprintf("worst %s (%s)", fx(worstHits), wh), met(worstHits <= 1.2),
			"lookups by name ignore case with `toLower(n.name) = toLower($p)`, which no index serves (a label scan: hundreds of hits at 1×, ×100 at 100×); count and rank fields (`talkCount`, `companies`, `projects`) fetch whole neighbourhoods with `properties()` and count in Go. "+
				"Fix: look names up through the `sortKey` index (it holds the lower-cased display name) and push counting and ranking into Cypher (`COUNT {}`, `count(DISTINCT …)`, `ORDER BY … LIMIT`).")
		peerWhy := "confgraph's statements read whole property maps and neighbourhoods the Library's single statement filters in place"
		if len(hitsAbovePeer) == 0 {
			peerWhy = ""
		}
		m.row("…and never more than the Library's Cypher for the same query", fmt.Sprintf("%d of %d queries above the Library: %s", len(hitsAbovePeer), len(sec.Queries), strings.Join(hitsAbovePeer, "; ")), met(len(hitsAbovePeer) == 0), peerWhy)
		if res.Plan.MaxRate {
			worst, wq := 0.0, ""
			n := 0
			for _, q := range sec.Queries {
				c, p := q.MaxRate["neo4j"].Rate, q.MaxRate["peer"].Rate
				r := 0.0
				if p > 0 {
					r = c / p
				}
				if r >= 2 {
					n++
				}
				if wq == "" || r < worst {
					worst, wq = r, q.Name
				}
			}
			m.row("throughput at p99 ≤ 50 ms ≥ 2× the Library's", fmt.Sprintf("lowest %s (%s); %d of %d queries at ≥ 2×", fx(worst), wq, n, len(sec.Queries)), met(worst >= 2),
				"where confgraph sends many statements per request, Neo4j's one core does more work per request than for the Library's single statement; see the floor row.")
		}
	}
	if tr := res.Typename; tr != nil {
		r := pairedRatio(tr.CG, tr.Plain, p50)
		m.row("`{ __typename }` p50 ≤ 1.5× a plain net/http handler", fx(r), met(r <= 1.5), "gqlgen parses (cached), validates and executes, and the server logs a JSON line and updates Prometheus metrics per request; a few tens of µs over a ~0.1 ms loopback round trip.")
		rm := pairedRatio(tr.Mix, tr.Plain, p50)
		m.row("embedded query mix p50 ≤ 2× that handler", fx(rm), met(rm <= 2), "the mix's heavy pages (project page, event schedule, ranked search) build and serialise responses of tens of kB; p50 of the round-robin mix is dominated by them.")
	}
	if ingest := res.Neo; len(ingest) > 0 {
		for _, ni := range ingest {
			if ni.Scale != 1 {
				continue
			}
			var rowR, bareR []float64
			for _, r := range ni.Runs {
				if r.RowSecs > 0 {
					rowR = append(rowR, r.RowSecs/r.WriteSecs)
				}
				bareR = append(bareR, r.BareSecs/r.WriteSecs)
			}
			if len(rowR) > 0 {
				x := medianF(rowR)
				m.row("Neo4j load: batched ≥ 50× one query per row (1×)", fx(x), met(x >= 50), "per-row pays a Bolt round trip and a transaction commit (log flush) per row; batched pays them once per 1000 rows.")
			}
		}
		for _, ni := range ingest {
			var bareR []float64
			for _, r := range ni.Runs {
				bareR = append(bareR, r.BareSecs/r.WriteSecs)
			}
			x := medianF(bareR)
			m.row(fmt.Sprintf("Neo4j load ≥ 0.8× the rows/s of a bare `UNWIND … MERGE` (%d×)", ni.Scale), fx(x), met(x >= 0.8),
				"`Write` first reads back every node and relationship the batch names (to merge in Go) and compares property maps; into an empty database that read finds nothing but still costs index lookups for every row. Skipping the read when the store is empty, or merging in Cypher (`coalesce`) instead of Go, would close it.")
		}
	}
	if sc := res.Scaling; sc != nil {
		for _, q := range []string{"headline", "speaker_page"} {
			if _, ok := sc.SmallP50[q]; !ok {
				continue
			}
			r := pairedRatio(sc.BigP50[q], sc.SmallP50[q], p50)
			why := ""
			if q == "headline" {
				why = "the headline's anchor (the project) has ~100× more talks at 100×, and every one is tested; the answer itself stays small. Only an index on the pair, or starting from the smaller side (the company's speakers), would keep it flat."
			}
			m.row(fmt.Sprintf("embedded %s at %d× within 1.5× of 1× (p50)", q, res.Plan.BigScale), fx(r), met(r <= 1.5), why)
		}
	}
	m.p("")
}

func writeIngest(m md, res *results) {
	if len(res.Mem) == 0 && len(res.Neo) == 0 {
		return
	}
	m.p("## 1. Ingest")
	m.p("")
	if len(res.Gen) > 0 {
		m.p("Synthetic corpora: `confgraph gen --seed 1`.")
		m.p("")
		m.head("scale", "documents", "bytes")
		for _, g := range res.Gen {
			m.row(fmt.Sprintf("%d×", g.Scale), fmt.Sprint(g.Docs), fmt.Sprint(g.Bytes))
		}
		m.p("")
	}
	if len(res.Mem) > 0 {
		m.p("### Embedded store (loaders + `memstore.Write`, `driver ingest-mem-once`, median of runs)")
		m.p("")
		m.head("scale", "runs", "docs", "nodes", "rels", "parse s", "write s", "docs/s", "(nodes+rels)/s", "peak RSS MiB")
		for _, mi := range res.Mem {
			var parse, write, peak []float64
			for _, r := range mi.Runs {
				parse = append(parse, r.ParseSecs)
				write = append(write, r.WriteSecs)
				peak = append(peak, float64(r.PeakKB)/1024)
			}
			r0 := mi.Runs[0]
			tot := medianF(parse) + medianF(write)
			m.row(fmt.Sprintf("%d×", mi.Scale), fmt.Sprint(len(mi.Runs)), fmt.Sprint(r0.Docs), fmt.Sprint(r0.Nodes), fmt.Sprint(r0.Rels),
				f(medianF(parse)), f(medianF(write)), f(float64(r0.Docs)/tot), f(float64(r0.Nodes+r0.Rels)/tot), f(medianF(peak)))
		}
		m.p("")
	}
	if len(res.Neo) > 0 {
		m.p("### Neo4j (median of runs)")
		m.p("")
		m.p("`confgraph load` is the whole command (parse + one `Write` transaction); *Write* is `neo4jstore.Write` alone on the parsed batch, in the driver; *bare* is the same rows with the same `UNWIND $rows … MERGE … SET` statements in one transaction without `Write`'s read-and-merge step (`bench/driver/neo4j.go`). Each starts from an empty database (constraints and indexes kept).")
		m.p("")
		m.head("scale", "runs", "docs", "nodes+rels", "`confgraph load` s", "docs/s", "(n+r)/s", "Write s", "Write (n+r)/s", "bare s", "bare (n+r)/s", "Write ÷ bare rows/s", "load peak RSS MiB", "Neo4j RSS MiB")
		for _, ni := range res.Neo {
			var load, write, bare, lpk, npk, ratio []float64
			for _, r := range ni.Runs {
				load = append(load, r.LoadSecs)
				write = append(write, r.WriteSecs)
				bare = append(bare, r.BareSecs)
				lpk = append(lpk, float64(r.LoadPeakKB)/1024)
				npk = append(npk, float64(r.NeoPeakKB)/1024)
				ratio = append(ratio, r.BareSecs/r.WriteSecs)
			}
			nr := float64(ni.Nodes + ni.Rels)
			m.row(fmt.Sprintf("%d×", ni.Scale), fmt.Sprint(len(ni.Runs)), fmt.Sprint(ni.Docs), fmt.Sprint(ni.Nodes+ni.Rels),
				f(medianF(load)), f(float64(ni.Docs)/medianF(load)), f(nr/medianF(load)),
				f(medianF(write)), f(nr/medianF(write)), f(medianF(bare)), f(nr/medianF(bare)), fx(medianF(ratio)), f(medianF(lpk)), f(medianF(npk)))
		}
		m.p("")
		for _, ni := range res.Neo {
			for _, r := range ni.Runs {
				if r.RowSecs > 0 {
					m.p("One query per row at %d× (`MERGE` per node, `MATCH … MATCH … MERGE` per relationship, each its own auto-commit transaction, same properties): %d rows in %s s = %s rows/s; batched `Write` in the same run: %s s = %s rows/s; **batched ÷ per-row = %s**.",
						ni.Scale, r.RowRows, f(r.RowSecs), f(float64(r.RowRows)/r.RowSecs), f(r.WriteSecs), f(float64(r.RowRows)/r.WriteSecs), fx(r.RowSecs/r.WriteSecs))
					m.p("")
				}
			}
		}
		m.p("*Neo4j RSS* is the JVM's resident set after the load (its peak since the reset before it); the JVM keeps its heap once grown, so it reflects the largest load so far, not this one alone.")
		m.p("")
	}
}

var targetOrder = []string{"embedded", "neo4j", "floor", "peer"}

var targetTitle = map[string]string{"embedded": "confgraph embedded", "neo4j": "confgraph over Neo4j", "floor": "floor (Cypher)", "peer": "Neo4j GraphQL Library"}

func writeSection(m md, res *results, sec *section) {
	m.p("## Queries: %s", sec.Name)
	m.p("")
	m.p("Corpus `%s`.", sec.Corpus)
	if len(sec.Params.Notes) > 0 {
		var keys []string
		for k := range sec.Params.Notes {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		m.p(" Picked from the corpus (`bench/driver/pick.go`):")
		m.p("")
		for _, k := range keys {
			m.p("- %s: %s", k, sec.Params.Notes[k])
		}
	}
	m.p("")
	m.p("Servers:")
	m.p("")
	for _, t := range targetOrder {
		m.p("- %s: `%s`", targetTitle[t], sec.Servers[t])
	}
	m.p("")
	m.p("### Latency and throughput (ms; req/s)")
	m.p("")
	hdr := []string{"query"}
	for _, t := range targetOrder {
		hdr = append(hdr, "p50 "+t)
	}
	hdr = append(hdr, "rate/s")
	for _, t := range targetOrder {
		hdr = append(hdr, "p99 "+t)
	}
	if res.Plan.Conc > 0 {
		for _, t := range targetOrder {
			hdr = append(hdr, fmt.Sprintf("req/s c=%d %s", res.Plan.Conc, t))
		}
	}
	m.head(hdr...)
	for _, q := range sec.Queries {
		row := []string{q.Name}
		for _, t := range targetOrder {
			row = append(row, medStats(q.P50[t], p50))
		}
		row = append(row, f(q.Rate))
		for _, t := range targetOrder {
			row = append(row, medStats(q.P99[t], p99))
		}
		if res.Plan.Conc > 0 {
			for _, t := range targetOrder {
				row = append(row, medStats(q.Conc[t], rps))
			}
		}
		m.row(row...)
	}
	m.p("")
	m.p("p99 samples per window: %s.", p99Samples(sec))
	m.p("")
	m.p("### Against the floor and the Library")
	m.p("")
	m.p("Ratios are medians of per-run ratios. *stmts* is how many statements confgraph sent for one request (the floor: 1). *db hits* are summed over `PROFILE` of every statement.")
	m.p("")
	h := []string{"query", "over Neo4j ÷ floor p50", "÷ floor p99", "stmts", "db hits confgraph", "db hits floor", "db hits Library", "confgraph ÷ floor hits", "over Neo4j ÷ Library p50", "÷ Library p99"}
	if res.Plan.MaxRate {
		h = append(h, "max req/s p99≤50ms confgraph", "Library", "confgraph ÷ Library")
	}
	m.head(h...)
	for _, q := range sec.Queries {
		hits := "–"
		if q.DbHits["floor"] > 0 {
			hits = fx(float64(q.DbHits["neo4j"]) / float64(q.DbHits["floor"]))
		}
		row := []string{q.Name,
			fx(pairedRatio(q.P50["neo4j"], q.P50["floor"], p50)), fx(pairedRatio(q.P99["neo4j"], q.P99["floor"], p99)),
			fmt.Sprint(len(q.Stmts["neo4j"])), fmt.Sprint(q.DbHits["neo4j"]), fmt.Sprint(q.DbHits["floor"]), fmt.Sprintf("%d (%d stmts)", q.DbHits["peer"], len(q.Stmts["peer"])), hits,
			fx(pairedRatio(q.P50["neo4j"], q.P50["peer"], p50)), fx(pairedRatio(q.P99["neo4j"], q.P99["peer"], p99))}
		if res.Plan.MaxRate {
			c, p := q.MaxRate["neo4j"].Rate, q.MaxRate["peer"].Rate
			r := 0.0
			if p > 0 {
				r = c / p
			}
			row = append(row, f(c), f(p), fx(r))
		}
		m.row(row...)
	}
	m.p("")
	m.p("### Same answers")
	m.p("")
	m.p("Each server's answer turned into rows (`bench/driver/queries.go`, after `bench/peer/compare.mjs`) and compared with confgraph over Neo4j's. Row counts per list.")
	m.p("")
	m.head("query", "confgraph over Neo4j rows", "embedded", "floor", "Library", "differences")
	for _, q := range sec.Queries {
		var diffs []string
		for _, t := range []string{"embedded", "floor", "peer"} {
			if d, ok := q.Diff[t]; ok && d != "" {
				if len(d) > 300 {
					d = d[:300] + "…"
				}
				diffs = append(diffs, t+": "+strings.ReplaceAll(d, "|", "\\|"))
			}
		}
		same := func(t string) string {
			s, ok := q.Same[t]
			switch {
			case !ok:
				return "no answer"
			case s:
				return "same"
			}
			return "**differs**"
		}
		m.row(q.Name, rowCounts(q.Rows["neo4j"]), same("embedded"), same("floor"), same("peer"), strings.Join(diffs, "; "))
	}
	m.p("")
}

func p99Samples(sec *section) string {
	lo, hi := -1, 0
	for _, q := range sec.Queries {
		for _, ss := range q.P99 {
			for _, s := range ss {
				if lo < 0 || s.N < lo {
					lo = s.N
				}
				hi = max(hi, s.N)
			}
		}
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

func rowCounts(r map[string]int) string {
	var keys []string
	for k := range r {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		out = append(out, fmt.Sprintf("%s %d", k, r[k]))
	}
	return strings.Join(out, ", ")
}

func writeTypename(m md, res *results) {
	tr := res.Typename
	if tr == nil {
		return
	}
	m.p("## `{ __typename }` and the plain handler")
	m.p("")
	m.p("confgraph embedded (real corpus) against `driver plain`, a `net/http` handler that reads the request body and writes the same bytes (`%s`, `Content-Type: application/json`), both on core 0, one connection. The mix is the %d queries above, round robin.", tr.Body, len(tr.MixQueries))
	m.p("")
	m.head("", "p50 ms", "p99 ms (sequential)", "÷ plain p50")
	m.row("plain net/http", medStats(tr.Plain, p50), medStats(tr.Plain, p99), "1×")
	m.row("confgraph `{ __typename }`", medStats(tr.CG, p50), medStats(tr.CG, p99), fx(pairedRatio(tr.CG, tr.Plain, p50)))
	m.row("confgraph embedded, query mix", medStats(tr.Mix, p50), medStats(tr.Mix, p99), fx(pairedRatio(tr.Mix, tr.Plain, p50)))
	m.p("")
}

func writeScaling(m md, res *results) {
	sc := res.Scaling
	if sc == nil {
		return
	}
	m.p("## Scaling of the embedded store: %d× vs 1×", res.Plan.BigScale)
	m.p("")
	m.p("Synthetic corpora `%s` and `%s` (same generator and seed), the same questions about nodes of the same shape (`bench/driver/pick.go`): at 1× %s; at %d× %s.",
		sc.Small, sc.Big, notes(sc.SmallP), res.Plan.BigScale, notes(sc.BigP))
	m.p("")
	m.head("query", "p50 1× ms", fmt.Sprintf("p50 %d× ms", res.Plan.BigScale), "ratio p50", "rate/s", "p99 1× ms", fmt.Sprintf("p99 %d× ms", res.Plan.BigScale), "ratio p99")
	for _, q := range sc.Queries {
		m.row(q, medStats(sc.SmallP50[q], p50), medStats(sc.BigP50[q], p50), fx(pairedRatio(sc.BigP50[q], sc.SmallP50[q], p50)),
			f(sc.Rate[q]), medStats(sc.SmallP99[q], p99), medStats(sc.BigP99[q], p99), fx(pairedRatio(sc.BigP99[q], sc.SmallP99[q], p99)))
	}
	m.p("")
}

func notes(p params) string {
	var keys []string
	for k := range p.Notes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		if k == "headline" || k == "speaker" || k == "talk" {
			out = append(out, k+": "+p.Notes[k])
		}
	}
	return strings.Join(out, "; ")
}

func writeHeadlineCypher(m md, res *results) {
	sec := realSection(res)
	if sec == nil {
		return
	}
	for _, q := range sec.Queries {
		if q.Name != "headline" || len(q.Stmts) == 0 {
			continue
		}
		m.p("## The Cypher of the headline query (real corpus)")
		m.p("")
		for _, t := range []string{"neo4j", "floor", "peer"} {
			m.p("**%s** — %d statement(s), %d db hits in all:", targetTitle[t], len(q.Stmts[t]), q.DbHits[t])
			m.p("")
			m.p("```cypher")
			for i, s := range q.Stmts[t] {
				hits := ""
				if i < len(q.StmtHits[t]) {
					hits = fmt.Sprintf("// %d db hits", q.StmtHits[t][i])
				}
				m.p("%s", hits)
				m.p("%s", strings.TrimSpace(s.Cypher))
			}
			m.p("```")
			m.p("")
		}
	}
}

var _ = time.Now
