package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/neo4jstore"
	"github.com/confgraph/confgraph/loaders"
)

// plan sizes one run: the full one or the quick subset.
type plan struct {
	Quick        bool          `json:"quick"`
	Runs         int           `json:"runs"`
	Warm         int           `json:"warm"`
	WarmDur      time.Duration `json:"warmDur"`
	SectionWarm  time.Duration `json:"sectionWarm"` // per query and server, before a section's measurements
	P50N         int           `json:"p50N"`
	P50Dur       time.Duration `json:"p50Dur"`
	P99Samples   int           `json:"p99Samples"`
	P99Min       time.Duration `json:"p99Min"`
	P99Max       time.Duration `json:"p99Max"`
	Conc         int           `json:"conc"`
	ConcDur      time.Duration `json:"concDur"`
	ConcRuns     int           `json:"concRuns"`
	MaxRate      bool          `json:"maxRate"`
	MaxRateStep  time.Duration `json:"maxRateStep"`
	MemScales    []int         `json:"memScales"`
	NeoScales    []int         `json:"neoScales"`
	IngestRuns   map[int]int   `json:"ingestRuns"`
	BigScale     int           `json:"bigScale"` // the scale of the selective-query and scaling sections
	SkipBig      bool          `json:"skipBig"`  // no query section at BigScale (only scaling)
	BigQueries   []string      `json:"bigQueries"`
	ScalingQuery []string      `json:"scalingQueries"`
}

func fullPlan() plan {
	return plan{
		Runs: 3, Warm: 30, WarmDur: 300 * time.Millisecond, SectionWarm: time.Second, P50N: 400, P50Dur: time.Second,
		P99Samples: 300, P99Min: 2 * time.Second, P99Max: 4 * time.Second,
		Conc: 4, ConcDur: time.Second, ConcRuns: 1,
		MaxRate: true, MaxRateStep: time.Second,
		MemScales: []int{1, 10, 100}, NeoScales: []int{1, 10, 100},
		IngestRuns:   map[int]int{1: 3, 10: 3, 100: 1},
		BigScale:     100,
		BigQueries:   []string{"talk_page", "speaker_page", "event_schedule", "headline"},
		ScalingQuery: []string{"speaker_page", "headline", "talk_page", "event_schedule"},
	}
}

func quickPlan() plan {
	return plan{
		Quick: true, Runs: 1, Warm: 15, WarmDur: 150 * time.Millisecond, SectionWarm: 300 * time.Millisecond, P50N: 150, P50Dur: 500 * time.Millisecond,
		P99Samples: 150, P99Min: time.Second, P99Max: time.Second,
		MemScales: []int{1, 10}, NeoScales: []int{1},
		IngestRuns: map[int]int{1: 1, 10: 1},
		BigScale:   10, SkipBig: true,
		ScalingQuery: []string{"speaker_page", "headline"},
	}
}

// results is everything one run measured.
type results struct {
	Started  time.Time         `json:"started"`
	Finished time.Time         `json:"finished"`
	Plan     plan              `json:"plan"`
	Machine  map[string]string `json:"machine"`
	Commands []string          `json:"commands"`
	Gen      []genResult       `json:"gen"`
	Mem      []memIngest       `json:"mem"`
	Neo      []neoIngest       `json:"neo"`
	Sections []*section        `json:"sections"`
	Typename *typenameResult   `json:"typename,omitempty"`
	Scaling  *scalingResult    `json:"scaling,omitempty"`
	Problems []string          `json:"problems"`
}

type genResult struct {
	Scale int    `json:"scale"`
	Dir   string `json:"dir"`
	Docs  int    `json:"docs"`
	Bytes int64  `json:"bytes"`
}

type memIngest struct {
	Scale int       `json:"scale"`
	Runs  []memLoad `json:"runs"`
}

type neoRun struct {
	LoadSecs   float64 `json:"loadSecs"`   // confgraph load, the whole command
	LoadPeakKB int     `json:"loadPeakKB"` // its peak RSS
	NeoPeakKB  int     `json:"neoPeakKB"`  // Neo4j's peak RSS during it (reset before)
	WriteSecs  float64 `json:"writeSecs"`  // neo4jstore.Write alone, in-process
	BareSecs   float64 `json:"bareSecs"`   // bare UNWIND … MERGE of the same rows
	RowSecs    float64 `json:"rowSecs,omitempty"`
	RowRows    int     `json:"rowRows,omitempty"`
}

type neoIngest struct {
	Scale int      `json:"scale"`
	Docs  int      `json:"docs"`
	Nodes int      `json:"nodes"`
	Rels  int      `json:"rels"`
	Runs  []neoRun `json:"runs"`
}

// section is the query mix against one corpus.
type section struct {
	Name    string            `json:"name"`
	Corpus  string            `json:"corpus"`
	Params  params            `json:"params"`
	Targets []string          `json:"targets"`
	Servers map[string]string `json:"servers"` // target -> command line
	Queries []*queryResult    `json:"queries"`
}

type queryResult struct {
	Name      string                    `json:"name"`
	Rows      map[string]map[string]int `json:"rows"`
	Same      map[string]bool           `json:"same"` // vs confgraph over Neo4j
	Diff      map[string]string         `json:"diff,omitempty"`
	Rate      float64                   `json:"rate"`
	P50       map[string][]stats        `json:"p50"`
	P99       map[string][]stats        `json:"p99"`
	Conc      map[string][]stats        `json:"conc"`
	MaxRate   map[string]stats          `json:"maxRate,omitempty"`
	MaxTried  map[string][]stats        `json:"maxTried,omitempty"`
	Stmts     map[string][]statement    `json:"stmts,omitempty"`
	DbHits    map[string]int64          `json:"dbHits,omitempty"`
	StmtHits  map[string][]int64        `json:"stmtHits,omitempty"`
	Cypher    string                    `json:"floorCypher"`
	Confgraph string                    `json:"confgraph"`
	Peer      string                    `json:"peer"`
}

type typenameResult struct {
	Body       string   `json:"body"`
	CG         []stats  `json:"confgraph"`
	Plain      []stats  `json:"plain"`
	Mix        []stats  `json:"mix"`
	MixQueries []string `json:"mixQueries"`
}

type scalingResult struct {
	Small, Big       string
	SmallP, BigP     params
	Queries          []string
	SmallP50, BigP50 map[string][]stats
	SmallP99, BigP99 map[string][]stats
	Rate             map[string]float64
}

// runner carries the state of one run.
type runner struct {
	env
	plan      plan
	res       *results
	drv       neo4j.DriverWithContext
	ctx       context.Context
	out       string
	peerFile  string
	corpus    string
	loaded    string
	noMeasure bool
}

func runCmd(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	var r runner
	fs.StringVar(&r.bin, "bin", "", "confgraph binary")
	fs.StringVar(&r.root, "root", ".", "repository root")
	fs.StringVar(&r.work, "work", "", "scratch directory")
	fs.StringVar(&r.corpus, "corpus", "../shared/corpus", "the real corpus")
	fs.StringVar(&r.neo4jURI, "neo4j-uri", "", "Neo4j Bolt URI (the benchmark's own instance)")
	fs.StringVar(&r.neo4jPass, "neo4j-password", "confgraph-test", "Neo4j password")
	fs.IntVar(&r.neo4jPID, "neo4j-pid", 0, "Neo4j's pid (for its memory)")
	fs.StringVar(&r.serverCPU, "server-cpu", "0", "core for servers and Neo4j")
	fs.StringVar(&r.clientCPU, "client-cpu", "1", "core for the load generator")
	quick := fs.Bool("quick", false, "the quick subset")
	fs.BoolVar(&r.noMeasure, "no-measure", false, "verify and capture only (for debugging)")
	fs.StringVar(&r.out, "out", "results.json", "where to write the results")
	sections := fs.String("sections", "ingest,big,real,typename,scaling", "sections to run")
	var cmds multiFlag
	fs.Var(&cmds, "command", "a command the caller ran, for the report (repeatable)")
	_ = fs.Parse(args)
	r.plan = fullPlan()
	if *quick {
		r.plan = quickPlan()
	}
	var err error
	if r.root, err = filepath.Abs(r.root); err != nil {
		return err
	}
	r.self, _ = os.Executable()
	r.peerScript = filepath.Join(r.root, "bench/peer/run.sh")
	r.peerFile = filepath.Join(r.root, "bench/peer/queries.json")
	r.pidFile = filepath.Join(r.work, "pids")
	r.ctx = context.Background()
	r.res = &results{Started: time.Now().UTC(), Plan: r.plan}
	r.commands = append(r.commands, cmds...)
	defer r.stopAll()
	if r.drv, err = openDriver(r.ctx, r.neo4jURI, r.neo4jPass); err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	defer r.drv.Close(r.ctx)
	r.res.Machine = r.machine()
	save := func() {
		r.res.Commands = r.commands
		r.res.Finished = time.Now().UTC()
		b, _ := json.MarshalIndent(r.res, "", " ")
		_ = os.WriteFile(r.out, b, 0o644)
	}
	defer save()

	scales := map[int]bool{1: true}
	for _, s := range append(append(slices.Clone(r.plan.MemScales), r.plan.NeoScales...), r.plan.BigScale) {
		scales[s] = true
	}
	var order []int
	for s := range scales {
		order = append(order, s)
	}
	sort.Ints(order)
	for _, s := range order {
		if err := r.gen(s); err != nil {
			return err
		}
	}
	want := func(s string) bool { return slices.Contains(strings.Split(*sections, ","), s) }
	step := func(name string, f func() error) error {
		t0 := time.Now()
		logf("== %s", name)
		err := f()
		logf("== %s done in %.0fs", name, since(t0))
		save()
		return err
	}
	if want("ingest") {
		if err := step("ingest", r.ingest); err != nil {
			return err
		}
	}
	var cgNeo, peer *proc
	startShared := func() error {
		if cgNeo != nil {
			return nil
		}
		var err error
		if cgNeo, err = r.startConfgraph("confgraph-neo4j", "--store", "neo4j", "--neo4j-uri", r.neo4jURI); err != nil {
			return err
		}
		peer, err = r.startPeer("peer", r.neo4jURI)
		return err
	}
	if want("big") && !r.plan.SkipBig {
		err := step(fmt.Sprintf("queries at scale %d", r.plan.BigScale), func() error {
			if err := r.ensureLoaded(r.scaleDir(r.plan.BigScale)); err != nil {
				return err
			}
			if err := startShared(); err != nil {
				return err
			}
			return r.querySection(fmt.Sprintf("synthetic %d×", r.plan.BigScale), r.scaleDir(r.plan.BigScale), r.plan.BigQueries, cgNeo, peer)
		})
		if err != nil {
			return err
		}
	}
	if want("real") || want("typename") {
		if err := r.ensureLoaded(r.corpus); err != nil {
			return err
		}
		if err := startShared(); err != nil {
			return err
		}
	}
	if want("real") {
		if err := step("queries at scale 1 (real corpus)", func() error {
			return r.querySection("real corpus (1×)", r.corpus, nil, cgNeo, peer)
		}); err != nil {
			return err
		}
	}
	if want("typename") {
		if err := step("typename", r.typename); err != nil {
			return err
		}
	}
	if want("scaling") {
		if err := step("scaling", r.scaling); err != nil {
			return err
		}
	}
	return nil
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, "; ") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func logf(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "[bench %s] %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
}

func (r *runner) problem(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	logf("PROBLEM: %s", msg)
	r.res.Problems = append(r.res.Problems, msg)
}

func (r *runner) scaleDir(s int) string { return filepath.Join(r.work, fmt.Sprintf("gen-%d", s)) }

func (r *runner) gen(s int) error {
	dir := r.scaleDir(s)
	args := []string{r.bin, "gen", "--scale", strconv.Itoa(s), "--seed", "1", "--out", dir}
	if _, err := os.Stat(dir); err == nil {
		os.RemoveAll(dir)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("gen %d: %w", s, err)
	}
	r.note(r.argv(args))
	entries, _ := os.ReadDir(dir)
	var size int64
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			size += fi.Size()
		}
	}
	r.res.Gen = append(r.res.Gen, genResult{Scale: s, Dir: r.rel(dir), Docs: len(entries), Bytes: size})
	return nil
}

func (r *runner) machine() map[string]string {
	m := map[string]string{"go": runtime.Version(), "goos": runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		n := 0
		for _, line := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(line, ":")
			switch {
			case ok && strings.TrimSpace(k) == "model name" && m["cpu"] == "":
				m["cpu"] = strings.TrimSpace(v)
			case ok && strings.TrimSpace(k) == "processor":
				n++
			}
		}
		m["nproc"] = strconv.Itoa(n) // this process is pinned to one core: count them all
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		line, _, _ := strings.Cut(string(b), "\n")
		m["memory"] = strings.Join(strings.Fields(line)[1:], " ")
	}
	if out, err := exec.Command("uname", "-r").Output(); err == nil {
		m["kernel"] = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("java", "-version").CombinedOutput(); err == nil {
		line, _, _ := strings.Cut(string(out), "\n")
		m["java"] = strings.TrimSpace(line)
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m["node"] = strings.TrimSpace(string(out))
	}
	res, err := neo4j.ExecuteQuery(r.ctx, r.drv, "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0], edition", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("system"))
	if err == nil && len(res.Records) > 0 {
		m["neo4j"] = fmt.Sprintf("%v %v %v", res.Records[0].Values[0], res.Records[0].Values[1], res.Records[0].Values[2])
	}
	if r.neo4jPID > 0 {
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", r.neo4jPID)); err == nil {
			var heap []string
			for _, a := range strings.Split(string(b), "\x00") {
				if strings.HasPrefix(a, "-Xm") {
					heap = append(heap, a)
				}
			}
			m["neo4jHeap"] = strings.Join(heap, " ")
		}
	}
	return m
}

// ---- ingest ----

func (r *runner) ingest() error {
	for _, s := range r.plan.MemScales {
		dir := r.scaleDir(s)
		mi := memIngest{Scale: s}
		for range r.plan.IngestRuns[s] {
			args := []string{"taskset", "-c", r.serverCPU + "," + r.clientCPU, r.self, "ingest-mem-once", "--corpus", dir}
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			if err != nil {
				return fmt.Errorf("ingest-mem-once %d: %w", s, err)
			}
			var ml memLoad
			if err := json.Unmarshal(out, &ml); err != nil {
				return err
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				ml.PeakKB = int(ru.Maxrss)
			}
			mi.Runs = append(mi.Runs, ml)
			if len(mi.Runs) == 1 {
				r.note(r.argv(args))
			}
			logf("embedded ingest %d×: parse %.2fs write %.2fs, %d docs, peak %d MB", s, ml.ParseSecs, ml.WriteSecs, ml.Docs, ml.PeakKB/1024)
		}
		r.res.Mem = append(r.res.Mem, mi)
	}
	// Warm Neo4j up (JIT, plan cache) with one untimed load of each kind.
	if res, err := r.loadBatch(r.scaleDir(1)); err == nil {
		_ = wipe(r.ctx, r.drv)
		if store, err := neo4jstore.Open(r.ctx, neo4jstore.Config{URI: r.neo4jURI, User: "neo4j", Password: r.neo4jPass}); err == nil {
			_ = store.Write(r.ctx, res.Batch)
			store.Close()
		}
		_ = wipe(r.ctx, r.drv)
		_ = bareLoad(r.ctx, r.drv, res.Batch)
	}
	for i, s := range r.plan.NeoScales {
		if err := r.ingestNeo(s, i == len(r.plan.NeoScales)-1); err != nil {
			return err
		}
	}
	return nil
}

func (r *runner) loadBatch(dir string) (*loaders.Result, error) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		return nil, err
	}
	return w.LoadDir(dir)
}

func (r *runner) ingestNeo(s int, last bool) error {
	dir := r.scaleDir(s)
	res, err := r.loadBatch(dir)
	if err != nil {
		return err
	}
	n, rl := res.Batch.Len()
	ni := neoIngest{Scale: s, Docs: len(res.Loaded), Nodes: n, Rels: rl}
	for run := range r.plan.IngestRuns[s] {
		var nr neoRun
		steps := []string{"write", "bare"}
		if s == 1 && run == 0 {
			steps = append(steps, "rows")
		}
		if run%2 == 1 {
			slices.Reverse(steps)
		}
		for _, st := range steps {
			if err := wipe(r.ctx, r.drv); err != nil {
				return fmt.Errorf("wipe: %w", err)
			}
			switch st {
			case "write":
				store, err := neo4jstore.Open(r.ctx, neo4jstore.Config{URI: r.neo4jURI, User: "neo4j", Password: r.neo4jPass})
				if err != nil {
					return err
				}
				t0 := time.Now()
				err = store.Write(r.ctx, res.Batch)
				nr.WriteSecs = since(t0)
				store.Close()
				if err != nil {
					return fmt.Errorf("neo4jstore.Write: %w", err)
				}
			case "bare":
				t0 := time.Now()
				if err := bareLoad(r.ctx, r.drv, res.Batch); err != nil {
					return fmt.Errorf("bare load: %w", err)
				}
				nr.BareSecs = since(t0)
			case "rows":
				t0 := time.Now()
				if err := rowLoad(r.ctx, r.drv, res.Batch); err != nil {
					return fmt.Errorf("row load: %w", err)
				}
				nr.RowSecs, nr.RowRows = since(t0), n+rl
			}
			if gn, gr, err := countAll(r.ctx, r.drv); err != nil || int(gn) != n || int(gr) != rl {
				r.problem("%s load at scale %d left %d nodes, %d relationships (want %d, %d; err %v)", st, s, gn, gr, n, rl, err)
			}
		}
		// confgraph load, the whole command, last: the database stays loaded.
		if err := wipe(r.ctx, r.drv); err != nil {
			return err
		}
		resetPeak(r.neo4jPID)
		args := []string{"taskset", "-c", r.clientCPU, r.bin, "load", "--corpus", dir, "--neo4j-uri", r.neo4jURI}
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), "NEO4J_PASSWORD="+r.neo4jPass)
		cmd.Stderr = io.Discard
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("confgraph load %d: %w", s, err)
		}
		nr.LoadSecs = since(t0)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			nr.LoadPeakKB = int(ru.Maxrss)
		}
		nr.NeoPeakKB, _ = rssKB(r.neo4jPID)
		if run == 0 {
			r.note("NEO4J_PASSWORD=… " + r.argv(args))
		}
		logf("neo4j ingest %d×: confgraph load %.2fs, Write %.2fs, bare %.2fs, per-row %.2fs", s, nr.LoadSecs, nr.WriteSecs, nr.BareSecs, nr.RowSecs)
		ni.Runs = append(ni.Runs, nr)
	}
	r.res.Neo = append(r.res.Neo, ni)
	if last {
		r.loaded = dir
		return r.prepare()
	}
	return nil
}

// ensureLoaded makes Neo4j hold exactly the corpus in dir, written by
// `confgraph load`.
func (r *runner) ensureLoaded(dir string) error {
	if r.loaded == dir {
		return nil
	}
	if err := wipe(r.ctx, r.drv); err != nil {
		return err
	}
	args := []string{"taskset", "-c", r.clientCPU, r.bin, "load", "--corpus", dir, "--neo4j-uri", r.neo4jURI}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "NEO4J_PASSWORD="+r.neo4jPass)
	cmd.Stderr = os.Stderr
	logf("loading %s into neo4j", r.rel(dir))
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("confgraph load %s: %w", dir, err)
	}
	r.note("NEO4J_PASSWORD=… " + r.argv(args))
	r.loaded = dir
	return r.prepare()
}

// prepare waits for the indexes and refreshes the planner's statistics
// after a bulk load, so that every client gets plans made for the data.
func (r *runner) prepare() error {
	for _, q := range []string{"CALL db.awaitIndexes(300)", "CALL db.prepareForReplanning()"} {
		if _, err := neo4j.ExecuteQuery(r.ctx, r.drv, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j")); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// ---- queries ----

// target is one way of answering the mix.
type target struct {
	name string
	one  func(q query) doer // on one connection
	pool func(q query) doer // on a pool, for concurrent load
}

func (r *runner) httpTargetFor(name, url string, peer bool) target {
	one, pool := newHTTPTarget(url, 1), newHTTPTarget(url, 1024)
	text := func(q query) string {
		if peer {
			return q.Peer
		}
		return q.Confgraph
	}
	return target{
		name: name,
		one:  func(q query) doer { return one.doer(text(q)) },
		pool: func(q query) doer { return pool.doer(text(q)) },
	}
}

func (r *runner) floorTarget() target {
	f := func(q query) doer { return floorDoer(r.drv, q) }
	return target{name: "floor", one: f, pool: f}
}

func (r *runner) querySection(name, corpus string, only []string, cgNeo, peer *proc) error {
	p := realParams
	if corpus != r.corpus {
		res, err := r.loadBatch(corpus)
		if err != nil {
			return err
		}
		p = pick(res.Batch)
	}
	qs, err := buildMix(r.peerFile, p, only)
	if err != nil {
		return err
	}
	emb, err := r.startConfgraph("confgraph-embedded-"+filepath.Base(corpus), "--store", "memory", "--corpus", corpus)
	if err != nil {
		return err
	}
	defer r.stop(emb)
	// The floor over HTTP, placed like confgraph: on the server core, on the
	// Neo4j confgraph over Neo4j was started on.
	floorURI := cgNeo.neo4jURI
	if floorURI == "" {
		floorURI = r.neo4jURI
	}
	fh, err := r.startFloorServe("floor-serve-"+filepath.Base(corpus), floorURI)
	if err != nil {
		return err
	}
	defer r.stop(fh)
	sec := &section{Name: name, Corpus: r.rel(corpus), Params: p, Servers: map[string]string{
		"embedded": emb.argv, "neo4j": cgNeo.argv, "peer": peer.argv, "floor": "in the driver: neo4j.ExecuteQuery (Go driver) on " + r.neo4jURI,
		"floor-http": fh.argv,
	}}
	r.res.Sections = append(r.res.Sections, sec)
	targets := []target{
		r.httpTargetFor("embedded", emb.url, false),
		r.httpTargetFor("neo4j", cgNeo.url, false),
		r.floorTarget(),
		r.floorHTTPTarget(fh.url),
		r.httpTargetFor("peer", peer.url, true),
	}
	for _, t := range targets {
		sec.Targets = append(sec.Targets, t.name)
	}
	for _, q := range qs {
		qr := &queryResult{Name: q.Name, Rows: map[string]map[string]int{}, Same: map[string]bool{}, Diff: map[string]string{},
			P50: map[string][]stats{}, P99: map[string][]stats{}, Conc: map[string][]stats{},
			Cypher: q.Cypher, Confgraph: q.Confgraph, Peer: q.Peer}
		sec.Queries = append(sec.Queries, qr)
		r.verify(q, qr, emb, cgNeo, peer, fh)
	}
	if err := r.capture(sec, qs); err != nil {
		r.problem("capturing the Cypher of %s: %v", name, err)
	}
	if r.noMeasure {
		return nil
	}
	// Warm every server and Neo4j (JIT, plan caches) on the whole mix first.
	t0 := time.Now()
	for _, q := range qs {
		for _, t := range targets {
			closedLoop(t.pool(q), 2, r.plan.SectionWarm)
		}
	}
	logf("%s: warmed up in %.0fs", name, since(t0))
	for run := range r.plan.Runs {
		for i, q := range qs {
			qr := sec.Queries[i]
			order := slices.Clone(targets)
			rotate(order, run+i)
			for _, t := range order {
				s := sequential(t.one(q), r.plan.Warm, r.plan.WarmDur, r.plan.P50N, r.plan.P50Dur)
				qr.P50[t.name] = append(qr.P50[t.name], s)
				if s.Errors > 0 {
					r.problem("%s %s on %s: %d errors (%s)", name, q.Name, t.name, s.Errors, s.Err)
				}
			}
			if run == 0 {
				slowest := 0.0
				for _, t := range targets {
					slowest = max(slowest, qr.P50[t.name][0].P50)
				}
				qr.Rate = min(300, max(5, 0.5*1000/slowest))
				qr.Rate = float64(int(qr.Rate))
			}
			d := time.Duration(float64(r.plan.P99Samples) / qr.Rate * float64(time.Second))
			d = min(max(d, r.plan.P99Min), r.plan.P99Max)
			for _, t := range order {
				qr.P99[t.name] = append(qr.P99[t.name], openLoop(t.pool(q), qr.Rate, d))
				time.Sleep(200 * time.Millisecond)
			}
			if r.plan.Conc > 0 && run < r.plan.ConcRuns {
				for _, t := range order {
					qr.Conc[t.name] = append(qr.Conc[t.name], closedLoop(t.pool(q), r.plan.Conc, r.plan.ConcDur))
				}
			}
			logf("%s run %d %-15s p50 emb %.2f neo %.2f floor %.2f floor-http %.2f peer %.2f ms; p99@%.0f/s emb %.2f neo %.2f floor %.2f floor-http %.2f peer %.2f", name, run+1, q.Name,
				last(qr.P50["embedded"]).P50, last(qr.P50["neo4j"]).P50, last(qr.P50["floor"]).P50, last(qr.P50["floor-http"]).P50, last(qr.P50["peer"]).P50, qr.Rate,
				last(qr.P99["embedded"]).P99, last(qr.P99["neo4j"]).P99, last(qr.P99["floor"]).P99, last(qr.P99["floor-http"]).P99, last(qr.P99["peer"]).P99)
		}
	}
	if r.plan.MaxRate {
		for i, q := range qs {
			qr := sec.Queries[i]
			qr.MaxRate, qr.MaxTried = map[string]stats{}, map[string][]stats{}
			for _, t := range targets {
				if t.name != "neo4j" && t.name != "peer" {
					continue
				}
				start := 0.8 * median(qr.Conc[t.name], func(s stats) float64 { return s.RPS })
				if start <= 0 {
					start = 1000 / median(qr.P50[t.name], func(s stats) float64 { return s.P50 })
				}
				best, tried := maxRate(t.pool(q), 50, start, r.plan.MaxRateStep, 7)
				qr.MaxRate[t.name], qr.MaxTried[t.name] = best, tried
				logf("%s %-15s max rate with p99 <= 50 ms on %s: %.0f/s (p99 %.1f ms)", name, q.Name, t.name, best.Rate, best.P99)
			}
		}
	}
	return nil
}

func rotate[T any](s []T, k int) {
	if len(s) == 0 {
		return
	}
	k %= len(s)
	tmp := append(slices.Clone(s[k:]), s[:k]...)
	copy(s, tmp)
}

func last(s []stats) stats {
	if len(s) == 0 {
		return stats{}
	}
	return s[len(s)-1]
}

// verify asks every target once and compares its rows with confgraph over
// Neo4j's.
func (r *runner) verify(q query, qr *queryResult, emb, cgNeo, peer, floorHTTP *proc) {
	answers := map[string]map[string][]string{}
	ask := func(name, url, text string, rows func(map[string]any) map[string][]string) {
		t := newHTTPTarget(url, 1)
		b, err := t.post(r.ctx, gqlBody(text))
		if err != nil {
			r.problem("%s on %s: %v", q.Name, name, err)
			return
		}
		var resp struct {
			Data map[string]any `json:"data"`
		}
		if err := json.Unmarshal(b, &resp); err != nil {
			r.problem("%s on %s: %v", q.Name, name, err)
			return
		}
		answers[name] = safeRows(rows, resp.Data)
	}
	ask("neo4j", cgNeo.url, q.Confgraph, q.cgRows)
	ask("embedded", emb.url, q.Confgraph, q.cgRows)
	ask("peer", peer.url, q.Peer, q.peerRows)
	if rows, err := runFloor(r.ctx, r.drv, q); err != nil {
		r.problem("%s floor: %v", q.Name, err)
	} else {
		answers["floor"] = rows
	}
	// The floor over HTTP: its records, back from JSON, read by the same
	// row function as the in-driver floor's.
	if b, err := newHTTPTarget(floorHTTP.url, 1).post(r.ctx, floorHTTPBody(q)); err != nil {
		r.problem("%s on floor-http: %v", q.Name, err)
	} else if recs, err := floorHTTPRecords(b); err != nil {
		r.problem("%s on floor-http: %v", q.Name, err)
	} else {
		answers["floor-http"] = safeRecordRows(q.floorRows, recs)
	}
	ref := answers["neo4j"]
	for name, a := range answers {
		qr.Rows[name] = map[string]int{}
		for k, v := range a {
			qr.Rows[name][k] = len(v)
		}
		if name == "neo4j" {
			continue
		}
		same, diff := sameRows(ref, a)
		qr.Same[name] = same
		if !same {
			qr.Diff[name] = diff
			logf("rows differ: %s %s vs neo4j: %s", q.Name, name, diff)
		}
	}
}

func safeRows(f func(map[string]any) map[string][]string, d map[string]any) (out map[string][]string) {
	defer func() {
		if recover() != nil {
			out = map[string][]string{"unreadable": {}}
		}
	}()
	return f(d)
}

func safeRecordRows(f func([]*neo4j.Record) map[string][]string, recs []*neo4j.Record) (out map[string][]string) {
	defer func() {
		if recover() != nil {
			out = map[string][]string{"unreadable": {}}
		}
	}()
	return f(recs)
}

func sameRows(a, b map[string][]string) (bool, string) {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var diffs []string
	for _, k := range keys {
		if !slices.Equal(a[k], b[k]) {
			var onlyA, onlyB []string
			for _, x := range a[k] {
				if !slices.Contains(b[k], x) {
					onlyA = append(onlyA, trunc(x))
				}
			}
			for _, x := range b[k] {
				if !slices.Contains(a[k], x) {
					onlyB = append(onlyB, trunc(x))
				}
			}
			if len(onlyA) == 0 && len(onlyB) == 0 {
				diffs = append(diffs, k+": same rows, another order")
			} else {
				diffs = append(diffs, fmt.Sprintf("%s: only confgraph %q; only this %q", k, onlyA, onlyB))
			}
		}
	}
	return len(diffs) == 0, strings.Join(diffs, "; ")
}

func trunc(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// capture runs each query once more through a confgraph and a peer that
// reach Neo4j through the recording proxy, and PROFILEs every statement
// they sent, and the floor's.
func (r *runner) capture(sec *section, qs []query) error {
	hostport := strings.TrimPrefix(r.neo4jURI, "bolt://")
	px, err := startBoltProxy(hostport)
	if err != nil {
		return err
	}
	defer px.Close()
	uri := "bolt://" + px.Addr()
	cg, err := r.startConfgraph("confgraph-neo4j-capture", "--store", "neo4j", "--neo4j-uri", uri)
	if err != nil {
		return err
	}
	defer r.stop(cg)
	peer, err := r.startPeer("peer-capture", uri)
	if err != nil {
		return err
	}
	defer r.stop(peer)
	cgT, peerT := newHTTPTarget(cg.url, 1), newHTTPTarget(peer.url, 1)
	for i, q := range qs {
		qr := sec.Queries[i]
		qr.Stmts, qr.DbHits, qr.StmtHits = map[string][]statement{}, map[string]int64{}, map[string][]int64{}
		for _, side := range []struct {
			name string
			t    *httpTarget
			text string
		}{{"neo4j", cgT, q.Confgraph}, {"peer", peerT, q.Peer}} {
			_, _ = side.t.post(r.ctx, gqlBody(side.text)) // first: connection set-up and version checks
			time.Sleep(50 * time.Millisecond)
			var err error
			for try := range 3 {
				px.Take()
				if _, err = side.t.post(r.ctx, gqlBody(side.text)); err == nil {
					break
				}
				r.problem("capture %s on %s (try %d): %v", q.Name, side.name, try+1, err)
			}
			if err != nil {
				continue
			}
			time.Sleep(50 * time.Millisecond)
			stmts := px.Take()
			qr.Stmts[side.name] = stmts
			var total int64
			for _, s := range stmts {
				h, err := profile(r.ctx, r.drv, s.Cypher, s.Params)
				if err != nil {
					r.problem("PROFILE of a %s statement for %s: %v", side.name, q.Name, err)
					h = -1
				}
				qr.StmtHits[side.name] = append(qr.StmtHits[side.name], h)
				total += max(h, 0)
			}
			qr.DbHits[side.name] = total
		}
		h, err := profile(r.ctx, r.drv, q.Cypher, q.Params)
		if err != nil {
			r.problem("PROFILE of the floor for %s: %v", q.Name, err)
		}
		qr.DbHits["floor"] = h
		qr.Stmts["floor"] = []statement{{Cypher: q.Cypher, Params: q.Params}}
		logf("db hits %-15s confgraph %d (%d statements), floor %d, peer %d (%d statements)", q.Name,
			qr.DbHits["neo4j"], len(qr.Stmts["neo4j"]), qr.DbHits["floor"], qr.DbHits["peer"], len(qr.Stmts["peer"]))
	}
	return nil
}

// ---- {__typename} and the plain handler ----

func (r *runner) typename() error {
	emb, err := r.startConfgraph("confgraph-embedded-typename", "--store", "memory", "--corpus", r.corpus)
	if err != nil {
		return err
	}
	defer r.stop(emb)
	const tq = `{ __typename }`
	resp, err := http.Post(emb.url, "application/json", strings.NewReader(string(gqlBody(tq))))
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	plain, err := r.startPlain(string(body))
	if err != nil {
		return err
	}
	defer r.stop(plain)
	qs, err := buildMix(r.peerFile, realParams, nil)
	if err != nil {
		return err
	}
	tr := &typenameResult{Body: string(body)}
	for _, q := range qs {
		tr.MixQueries = append(tr.MixQueries, q.Name)
	}
	cg, pl := newHTTPTarget(emb.url, 1), newHTTPTarget(plain.url, 1)
	mixT := newHTTPTarget(emb.url, 1)
	bodies := make([][]byte, len(qs))
	for i, q := range qs {
		bodies[i] = gqlBody(q.Confgraph)
	}
	k := 0
	mix := func(ctx context.Context) error {
		b := bodies[k%len(bodies)]
		k++
		_, err := mixT.post(ctx, b)
		return err
	}
	n := r.plan.P50N * 3
	d := 3 * r.plan.P50Dur
	for run := range r.plan.Runs {
		a := func() { tr.CG = append(tr.CG, sequential(cg.doer(tq), 100, r.plan.WarmDur, n, d)) }
		b := func() { tr.Plain = append(tr.Plain, sequential(pl.doer(tq), 100, r.plan.WarmDur, n, d)) }
		if run%2 == 0 {
			a()
			b()
		} else {
			b()
			a()
		}
		tr.Mix = append(tr.Mix, sequential(mix, 2*len(qs), r.plan.WarmDur, n, d))
		logf("typename run %d: confgraph %.3f ms, plain %.3f ms, mix %.3f ms", run+1, last(tr.CG).P50, last(tr.Plain).P50, last(tr.Mix).P50)
	}
	r.res.Typename = tr
	return nil
}

// ---- scaling of the embedded store ----

func (r *runner) scaling() error {
	small, big := r.scaleDir(1), r.scaleDir(r.plan.BigScale)
	sr := &scalingResult{Small: r.rel(small), Big: r.rel(big), Queries: r.plan.ScalingQuery,
		SmallP50: map[string][]stats{}, BigP50: map[string][]stats{}, SmallP99: map[string][]stats{}, BigP99: map[string][]stats{}, Rate: map[string]float64{}}
	for _, dir := range []string{small, big} {
		res, err := r.loadBatch(dir)
		if err != nil {
			return err
		}
		if dir == small {
			sr.SmallP = pick(res.Batch)
		} else {
			// A selective headline at both scales: as many answers.
			sr.BigP = pickFor(res.Batch, sr.SmallP.HeadAnswers)
		}
	}
	qsSmall, err := buildMix(r.peerFile, sr.SmallP, sr.Queries)
	if err != nil {
		return err
	}
	qsBig, err := buildMix(r.peerFile, sr.BigP, sr.Queries)
	if err != nil {
		return err
	}
	es, err := r.startConfgraph("confgraph-embedded-scaling-small", "--store", "memory", "--corpus", small)
	if err != nil {
		return err
	}
	defer r.stop(es)
	eb, err := r.startConfgraph("confgraph-embedded-scaling-big", "--store", "memory", "--corpus", big)
	if err != nil {
		return err
	}
	defer r.stop(eb)
	ts, tb := r.httpTargetFor("small", es.url, false), r.httpTargetFor("big", eb.url, false)
	for run := range r.plan.Runs {
		for i := range qsSmall {
			qs, qb := qsSmall[i], qsBig[i]
			a := sequential(ts.one(qs), r.plan.Warm, r.plan.WarmDur, r.plan.P50N, r.plan.P50Dur)
			b := sequential(tb.one(qb), r.plan.Warm, r.plan.WarmDur, r.plan.P50N, r.plan.P50Dur)
			sr.SmallP50[qs.Name] = append(sr.SmallP50[qs.Name], a)
			sr.BigP50[qs.Name] = append(sr.BigP50[qs.Name], b)
			if run == 0 {
				sr.Rate[qs.Name] = float64(int(min(300, max(5, 0.5*1000/max(a.P50, b.P50)))))
			}
			rate := sr.Rate[qs.Name]
			d := min(max(time.Duration(float64(r.plan.P99Samples)/rate*float64(time.Second)), r.plan.P99Min), r.plan.P99Max)
			sr.SmallP99[qs.Name] = append(sr.SmallP99[qs.Name], openLoop(ts.pool(qs), rate, d))
			sr.BigP99[qs.Name] = append(sr.BigP99[qs.Name], openLoop(tb.pool(qb), rate, d))
			logf("scaling run %d %-15s p50 1× %.3f ms, %d× %.3f ms", run+1, qs.Name, a.P50, r.plan.BigScale, b.P50)
		}
		// Rows, once: the answers have the same shape at both scales?
	}
	r.res.Scaling = sr
	return nil
}
