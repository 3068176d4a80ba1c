package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/evaluate"
	"github.com/confgraph/confgraph/internal/gen"
	"github.com/confgraph/confgraph/internal/ingest"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/internal/neo4jstore"
	"github.com/confgraph/confgraph/internal/server"
	"github.com/confgraph/confgraph/loaders"
)

// Program is the confgraph command with its environment, so tests can run
// it in-process.
type Program struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, when set, is called with the address the server listens on.
	Ready func(addr string)
	// wrapStore, when set, wraps the store the server reads (for tests).
	wrapStore func(confgraph.Store) confgraph.Store
}

// errUsage marks command-line mistakes (exit code 2).
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

const usage = `usage: confgraph <command> [flags]

commands:
  serve   serve GraphQL: from the embedded store loaded with the corpus,
          or from Neo4j (--store neo4j, or NEO4J_URI set)
  load    load the corpus (or the given files) into Neo4j
  export  write the whole graph as JSON lines (APOC export format)
  health  exit 0 when a server's /readyz answers (for container health checks)
  gen     write a synthetic corpus in both document styles, for benchmarks
  eval    score the loaders against gold annotations (precision, recall, F1)
  explain show what the loaders read from the given documents, fact by fact
          with its evidence, and why a document was skipped

Run 'confgraph <command> -h' for the flags of a command.`

// Main runs one subcommand.
func (p *Program) Main(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(p.Stderr, usage)
		return fmt.Errorf("%w: no command given", errUsage)
	}
	switch args[0] {
	case "serve":
		return p.serve(ctx, args[1:])
	case "export":
		return p.export(ctx, args[1:])
	case "load":
		return p.load(ctx, args[1:])
	case "health":
		return p.health(ctx, args[1:])
	case "gen":
		return p.gen(args[1:])
	case "eval":
		return p.eval(args[1:])
	case "explain":
		return p.explain(args[1:])
	case "help", "-h", "--help":
		fmt.Fprintln(p.Stdout, usage)
		return nil
	}
	fmt.Fprintln(p.Stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

// common holds the flags the commands share.
type common struct {
	corpus string
	store  string
	neo4j  neo4jstore.Config
}

func (p *Program) flags(name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(p.Stderr)
	fs.StringVar(&c.corpus, "corpus", envOr(p.Getenv, "CONFGRAPH_CORPUS", "../shared/corpus"), "directory of documents to load (env CONFGRAPH_CORPUS)")
	return fs
}

// storeFlags adds the flags that choose and reach the store.
func (p *Program) storeFlags(fs *flag.FlagSet, c *common) {
	uri := p.Getenv("NEO4J_URI")
	def := "memory"
	if uri != "" {
		def = "neo4j"
	}
	fs.StringVar(&c.store, "store", envOr(p.Getenv, "CONFGRAPH_STORE", def), "memory (embedded, loaded from --corpus) or neo4j (env CONFGRAPH_STORE; neo4j when NEO4J_URI is set)")
	fs.StringVar(&c.neo4j.URI, "neo4j-uri", uri, "Neo4j URI, bolt:// or neo4j:// (env NEO4J_URI)")
	fs.StringVar(&c.neo4j.User, "neo4j-user", envOr(p.Getenv, "NEO4J_USER", "neo4j"), "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.neo4j.Password, "neo4j-password", p.Getenv("NEO4J_PASSWORD"), "Neo4j password (env NEO4J_PASSWORD)")
	fs.StringVar(&c.neo4j.Database, "neo4j-database", envOr(p.Getenv, "NEO4J_DATABASE", neo4jstore.DefaultDatabase), "Neo4j database (env NEO4J_DATABASE)")
	fs.DurationVar(&c.neo4j.Timeout, "neo4j-timeout", 5*time.Second, "how long a Neo4j call may wait for a connection before failing")
}

func (c *common) check() error {
	switch c.store {
	case "memory":
	case "neo4j":
		if c.neo4j.URI == "" {
			return fmt.Errorf("%w: --store neo4j needs --neo4j-uri (or NEO4J_URI)", errUsage)
		}
	default:
		return fmt.Errorf("%w: unknown store %q (memory or neo4j)", errUsage, c.store)
	}
	return nil
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return nil
}

// readCorpus runs the loaders over a directory, printing one warning line
// per skipped document or oddity.
func (p *Program) readCorpus(dir string) (*loaders.Result, error) {
	return p.readCorpusWith(dir, false)
}

// readCorpusShowing is readCorpus with the progress of the reading shown
// on standard error (load): a bar on a terminal, else a line every few
// seconds.
func (p *Program) readCorpusShowing(dir string) (*loaders.Result, error) {
	return p.readCorpusWith(dir, true)
}

func (p *Program) readCorpusWith(dir string, show bool) (*loaders.Result, error) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		return nil, err
	}
	if show {
		w.Progress = newProgress(p.Stderr, isTerminal(p.Stderr), progressEvery, time.Now)
	}
	res, err := w.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, warn := range res.Warnings {
		fmt.Fprintln(p.Stderr, "warning:", warn)
	}
	if len(res.Loaded) == 0 {
		return nil, fmt.Errorf("corpus %s: no document could be loaded", dir)
	}
	return res, nil
}

// readCorpusAndData loads the corpus and the documents kept in a data
// directory; a kept document replaces a corpus document of the same name.
func (p *Program) readCorpusAndData(corpus, dataDir string) (*loaders.Result, error) {
	if dataDir == "" {
		return p.readCorpus(corpus)
	}
	w, err := loaders.DefaultWorld()
	if err != nil {
		return nil, err
	}
	// The corpus loads as it does without a data directory: every file,
	// whatever its name (issue: --data-dir changed which files loaded).
	docs, tooBig, err := loaders.ReadDir(corpus)
	if err != nil {
		return nil, err
	}
	for _, warn := range tooBig {
		fmt.Fprintln(p.Stderr, "warning:", warn)
	}
	if err := ingest.Recover(dataDir); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	kept, err := ingest.ReadDir(dataDir)
	if err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	for n, b := range kept {
		docs[n] = b
	}
	res := w.Load(docs)
	for _, warn := range res.Warnings {
		fmt.Fprintln(p.Stderr, "warning:", warn)
	}
	fmt.Fprintf(p.Stderr, "%d documents kept in %s\n", len(kept), dataDir)
	return res, nil
}

// loadCorpus loads the corpus into a new embedded store.
func (p *Program) loadCorpus(ctx context.Context, dir string) (confgraph.Store, error) {
	res, err := p.readCorpus(dir)
	if err != nil {
		return nil, err
	}
	st := memstore.New()
	if err := st.Write(ctx, res.Batch); err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	nodes, rels := res.Batch.Len()
	fmt.Fprintf(p.Stderr, "loaded %d documents from %s: %d nodes, %d relationships\n", len(res.Loaded), dir, nodes, rels)
	return st, nil
}

// openNeo4j opens the Neo4j store. With wait set it retries with backoff
// while Neo4j cannot be reached, saying what it waits for; wrong
// credentials or an unknown database fail at once.
func (p *Program) openNeo4j(ctx context.Context, cfg neo4jstore.Config, wait bool) (*neo4jstore.Store, error) {
	delay := 500 * time.Millisecond
	for {
		st, err := neo4jstore.Open(ctx, cfg)
		if err == nil {
			return st, nil
		}
		if !wait || confgraph.ErrorCode(err) != confgraph.EUNAVAILABLE || ctx.Err() != nil {
			return nil, errors.New(confgraph.ErrorMessage(err))
		}
		fmt.Fprintf(p.Stderr, "waiting for %s (retrying in %s)\n", confgraph.ErrorMessage(err), delay)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 15*time.Second)
	}
}

// defaultPlaygroundAssets is where scripts/playground-assets.sh puts the
// playground's files, relative to the repository (make run's directory).
const defaultPlaygroundAssets = "tools/playground/assets"

func (p *Program) serve(ctx context.Context, args []string) error {
	var c common
	fs := p.flags("serve", &c)
	p.storeFlags(fs, &c)
	addr := fs.String("addr", envOr(p.Getenv, "CONFGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on (env CONFGRAPH_ADDR)")
	cfg := server.DefaultConfig
	fs.StringVar(&cfg.PlaygroundAssets, "playground-assets", envOr(p.Getenv, "CONFGRAPH_PLAYGROUND_ASSETS", defaultPlaygroundAssets), "directory of the playground's scripts, so that it works offline (scripts/playground-assets.sh fetches them; env CONFGRAPH_PLAYGROUND_ASSETS)")
	fs.BoolVar(&cfg.PlaygroundCDN, "playground-cdn", envBool(p.Getenv, "CONFGRAPH_PLAYGROUND_CDN", false), "load the playground's scripts from the jsDelivr CDN instead (env CONFGRAPH_PLAYGROUND_CDN)")
	cors := fs.String("cors-origins", p.Getenv("CONFGRAPH_CORS_ORIGINS"), "comma-separated origins browsers may call the API from, or * (env CONFGRAPH_CORS_ORIGINS)")
	fs.BoolVar(&cfg.Introspection, "introspection", envBool(p.Getenv, "CONFGRAPH_INTROSPECTION", true), "allow schema introspection (env CONFGRAPH_INTROSPECTION)")
	fs.DurationVar(&cfg.Timeout, "request-timeout", envDuration(p.Getenv, "CONFGRAPH_REQUEST_TIMEOUT", cfg.Timeout), "time limit of one request, store calls included (env CONFGRAPH_REQUEST_TIMEOUT)")
	fs.IntVar(&cfg.Limits.MaxCost, "max-cost", cfg.Limits.MaxCost, "largest query cost: a list costs its page size (or what the graph holds) times what it selects")
	fs.IntVar(&cfg.Limits.MaxDepth, "max-depth", cfg.Limits.MaxDepth, "deepest selection nesting")
	fs.IntVar(&cfg.Limits.MaxAliases, "max-aliases", cfg.Limits.MaxAliases, "most aliases in one request")
	fs.IntVar(&cfg.Limits.MaxRootFields, "max-root-fields", cfg.Limits.MaxRootFields, "most top-level fields in one request")
	logFormat := fs.String("log-format", envOr(p.Getenv, "CONFGRAPH_LOG_FORMAT", "json"), "json or text (env CONFGRAPH_LOG_FORMAT)")
	dataDir := fs.String("data-dir", p.Getenv("CONFGRAPH_DATA_DIR"), "directory keeping documents added while serving (embedded store; env CONFGRAPH_DATA_DIR)")
	cfg.APIToken = p.Getenv("CONFGRAPH_API_TOKEN")
	otlp := fs.String("otlp-endpoint", envOr(p.Getenv, "CONFGRAPH_OTLP_ENDPOINT", p.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT")), "OTLP/HTTP endpoint to send traces to, e.g. http://127.0.0.1:4318 (env CONFGRAPH_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	if *cors != "" {
		for _, o := range strings.Split(*cors, ",") {
			cfg.CORSOrigins = append(cfg.CORSOrigins, strings.TrimSpace(o))
		}
	}
	var h slog.Handler = slog.NewJSONHandler(p.Stderr, nil)
	if *logFormat == "text" {
		h = slog.NewTextHandler(p.Stderr, nil)
	}
	cfg.Logger = slog.New(server.ContextHandler{Handler: h})
	cfg.Metrics = server.NewMetrics()
	tracer, stopTracing, err := tracing(ctx, strings.TrimRight(*otlp, "/"))
	if err != nil {
		return err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = stopTracing(sctx)
	}()
	cfg.Tracer = tracer
	g := &gate{}
	defer g.Close()
	fatal := make(chan error, 1)
	// The documents the embedded store is loaded from, for additions to
	// read again what depends on them (Neo4j is loaded by `load`).
	var corpus *loaders.Corpus
	if c.store == "memory" {
		res, err := p.readCorpusAndData(c.corpus, *dataDir)
		if err != nil {
			return err
		}
		corpus = res.Corpus
		st := memstore.New()
		if err := st.Write(ctx, res.Batch); err != nil {
			return fmt.Errorf("load corpus: %w", err)
		}
		recordLoad(cfg.Metrics, res)
		if counts, err := st.Counts(ctx); err == nil {
			cfg.Metrics.GraphCounts(counts)
		}
		kinds := map[loaders.Kind]int{}
		for _, k := range res.Loaded {
			kinds[k]++
		}
		nodes, rels := res.Batch.Len()
		fmt.Fprintf(p.Stderr, "loaded %d documents from %s (%d listings, %d schedules, %d recaps): %d nodes, %d relationships\n",
			len(res.Loaded), c.corpus, kinds[loaders.KindListing], kinds[loaders.KindSchedule], kinds[loaders.KindRecap], nodes, rels)
		g.set(st)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	cfg.Ready = g.ready
	world, err := loaders.DefaultWorld()
	if err != nil {
		return err
	}
	dir := ""
	if c.store == "memory" {
		dir = *dataDir
	}
	svc := &ingest.Service{World: world, Store: g, Dir: dir, Corpus: corpus}
	if c.store != "memory" {
		// Neo4j keeps the documents' texts: every server reading it
		// reads a change against them.
		svc.Shared = g
		// Listen at once; /readyz says when the store is there.
		go func() {
			st, err := p.openNeo4j(ctx, c.neo4j, true)
			if err != nil {
				fatal <- err
				return
			}
			fmt.Fprintf(p.Stderr, "serving from neo4j at %s, database %q\n", c.neo4j.URI, c.neo4j.Database)
			g.set(st)
			unkept, err := svc.Sync(ctx)
			switch {
			case err != nil:
				fmt.Fprintf(p.Stderr, "warning: reading the documents neo4j keeps: %s (the first addition reads them again)\n", confgraph.ErrorMessage(err))
			case len(unkept) > 0:
				fmt.Fprintf(p.Stderr, "warning: neo4j keeps no text for %d documents (%s): additions are read against the graph, not with the documents that depend on them, until `confgraph load` loads them again\n", len(unkept), strings.Join(unkept[:min(3, len(unkept))], ", "))
			}
		}()
	}
	cfg.Docs = svc
	var st confgraph.Store = g
	if p.wrapStore != nil {
		st = p.wrapStore(g)
	}
	srv := &http.Server{
		Handler:           server.New(st, cfg),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(h, slog.LevelWarn),
	}
	fmt.Fprintf(p.Stderr, "serving GraphQL on http://%s/graphql (playground at http://%s/: %s)\n", ln.Addr(), ln.Addr(), server.PlaygroundSource(cfg))
	if p.Ready != nil {
		p.Ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var runErr error
	select {
	case err := <-errc:
		return err
	case runErr = <-fatal:
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return errors.Join(runErr, fmt.Errorf("shutdown: %w", err))
	}
	return runErr
}

func (p *Program) load(ctx context.Context, args []string) error {
	var c common
	fs := p.flags("load", &c)
	p.storeFlags(fs, &c)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if c.neo4j.URI == "" {
		if dataDir := p.Getenv("CONFGRAPH_DATA_DIR"); dataDir != "" && fs.NArg() > 0 {
			return p.keep(ctx, dataDir, fs.Args())
		}
		return fmt.Errorf("%w: load writes to Neo4j (--neo4j-uri or NEO4J_URI), or keeps FILEs for the embedded store in CONFGRAPH_DATA_DIR", errUsage)
	}
	if files := fs.Args(); len(files) > 0 {
		return p.replaceFiles(ctx, c.neo4j, files)
	}
	res, err := p.readCorpusShowing(c.corpus)
	if err != nil {
		return err
	}
	st, err := p.openNeo4j(ctx, c.neo4j, false)
	if err != nil {
		return err
	}
	defer st.Close()
	report, err := reportChanges(ctx, st, func() error {
		if err := st.Write(ctx, res.Batch); err != nil {
			return fmt.Errorf("load into neo4j: %s", confgraph.ErrorMessage(err))
		}
		// Keep the documents' texts, so that a server adding a document
		// reads again those that depend on it.
		if err := st.KeepSources(ctx, res.Texts()); err != nil {
			return fmt.Errorf("load into neo4j: %s", confgraph.ErrorMessage(err))
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(p.Stderr, "loaded %d documents into neo4j at %s: %s\n", len(res.Loaded), c.neo4j.URI, report)
	return nil
}

// replaceFiles adds each file to Neo4j as addDocument does: what a file of
// the same name said before is replaced, not merged with.
func (p *Program) replaceFiles(ctx context.Context, cfg neo4jstore.Config, files []string) error {
	w, err := loaders.DefaultWorld()
	if err != nil {
		return err
	}
	st, err := p.openNeo4j(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer st.Close()
	report, err := reportChanges(ctx, st, func() error {
		return p.addFiles(ctx, &ingest.Service{World: w, Store: st, Shared: st}, files, func(res *confgraph.AddResult) string {
			return fmt.Sprintf("loaded %s (%s) into neo4j at %s: it gives %d nodes, %d relationships", res.Name, res.Kind, cfg.URI, res.Nodes, res.Relationships)
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(p.Stderr, "the graph in neo4j at %s: %s\n", cfg.URI, report)
	return nil
}

// addFiles adds each file through svc, saying what each became.
func (p *Program) addFiles(ctx context.Context, svc *ingest.Service, files []string, done func(*confgraph.AddResult) string) error {
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		res, err := svc.Add(ctx, filepath.Base(f), b)
		if err != nil {
			return fmt.Errorf("%s: %s", f, confgraph.ErrorMessage(err))
		}
		for _, warn := range res.Warnings {
			fmt.Fprintln(p.Stderr, "warning:", warn)
		}
		fmt.Fprintln(p.Stderr, done(res))
	}
	return nil
}

// keep checks that each file loads and keeps it in the embedded store's
// data directory, where `serve --data-dir` finds it at its next start.
func (p *Program) keep(ctx context.Context, dataDir string, files []string) error {
	w, err := loaders.DefaultWorld()
	if err != nil {
		return err
	}
	return p.addFiles(ctx, &ingest.Service{World: w, Store: memstore.New(), Dir: dataDir}, files, func(res *confgraph.AddResult) string {
		return fmt.Sprintf("kept %s (%s) in %s", res.Name, res.Kind, dataDir)
	})
}

func (p *Program) export(ctx context.Context, args []string) error {
	var c common
	fs := p.flags("export", &c)
	p.storeFlags(fs, &c)
	format := fs.String("format", "jsonl", "output format: jsonl (APOC apoc.export.json lines)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "jsonl" {
		return fmt.Errorf("%w: unknown format %q (supported: jsonl)", errUsage, *format)
	}
	if err := c.check(); err != nil {
		return err
	}
	var st confgraph.Store
	var err error
	if c.store == "neo4j" {
		st, err = p.openNeo4j(ctx, c.neo4j, false)
	} else {
		st, err = p.loadCorpus(ctx, c.corpus)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := st.Dump(ctx)
	if err != nil {
		return err
	}
	return WriteJSONL(p.Stdout, b)
}

type exportRef struct {
	ID     string   `json:"id"`
	Labels []string `json:"labels"`
}

type exportLine struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Labels     []string       `json:"labels,omitempty"`
	Label      string         `json:"label,omitempty"`
	Start      *exportRef     `json:"start,omitempty"`
	End        *exportRef     `json:"end,omitempty"`
	Properties map[string]any `json:"properties"`
}

// WriteJSONL writes a batch in the line format of APOC's apoc.export.json:
// one object per node, then one per relationship, in a stable order.
func WriteJSONL(w io.Writer, b *confgraph.Batch) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, n := range b.Nodes() {
		if err := enc.Encode(exportLine{Type: "node", ID: n.NodeID(), Labels: []string{string(n.NodeLabel())}, Properties: confgraph.Properties(n)}); err != nil {
			return err
		}
	}
	for _, r := range b.Rels() {
		from, to := r.Type.Endpoints()
		if err := enc.Encode(exportLine{
			Type: "relationship", ID: confgraph.RelID(r), Label: string(r.Type),
			Start:      &exportRef{ID: r.From, Labels: []string{string(from)}},
			End:        &exportRef{ID: r.To, Labels: []string{string(to)}},
			Properties: confgraph.RelProperties(r),
		}); err != nil {
			return err
		}
	}
	return nil
}

func (p *Program) eval(args []string) error {
	var c common
	fs := p.flags("eval", &c)
	goldDir := fs.String("gold", "../shared/gold", "directory of gold annotations")
	misses := fs.Bool("misses", false, "also list each fact the loaders missed or got wrong")
	if err := parse(fs, args); err != nil {
		return err
	}
	gold, err := evaluate.ReadGold(*goldDir)
	if err != nil {
		return err
	}
	w, err := loaders.DefaultWorld()
	if err != nil {
		return err
	}
	res, err := w.LoadDir(c.corpus)
	if err != nil {
		return err
	}
	fmt.Fprintf(p.Stdout, "Loaders scored on %s against %s\n\n", c.corpus, *goldDir)
	scores := evaluate.Evaluate(res.Batch, gold, w.NotCompany, w.ProjectAliases)
	evaluate.Write(p.Stdout, scores)
	rels := evaluate.Relations(res.Batch, gold, w.NotCompany, w.ProjectAliases)
	fmt.Fprintf(p.Stdout, "\nEvery relationship of the graph against the gold (meaningful where the gold is complete):\n\n")
	evaluate.Write(p.Stdout, rels)
	if *misses {
		fmt.Fprintln(p.Stdout)
		evaluate.WriteMisses(p.Stdout, scores)
		evaluate.WriteMisses(p.Stdout, rels)
	}
	for _, warn := range res.Warnings {
		fmt.Fprintln(p.Stderr, "warning:", warn)
	}
	return nil
}

// explain loads the given files together and prints every fact with its
// evidence, grouped by document, then the warnings.
func (p *Program) explain(args []string) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(p.Stderr)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: explain needs one or more files", errUsage)
	}
	w, err := loaders.DefaultWorld()
	if err != nil {
		return err
	}
	docs := map[string][]byte{}
	for _, f := range fs.Args() {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		docs[filepath.Base(f)] = b
	}
	res := w.Load(docs)
	byDoc := map[string][]string{}
	for _, r := range res.Batch.Rels() {
		for _, e := range r.Evidence {
			byDoc[e.Document] = append(byDoc[e.Document], fmt.Sprintf("%5d  %-10s %s → %s    [%s] « %s »", e.Line, r.Type,
				confgraph.DisplayName(res.Batch.Node(r.From)), confgraph.DisplayName(res.Batch.Node(r.To)), e.Rule, e.Snippet))
		}
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(p.Stdout, "== %s (%s)\n", n, orNot(string(res.Loaded[n])))
		facts := byDoc[n]
		sort.SliceStable(facts, func(i, j int) bool { return facts[i][:5] < facts[j][:5] })
		for _, f := range facts {
			fmt.Fprintln(p.Stdout, f)
		}
	}
	for _, warn := range res.Warnings {
		fmt.Fprintln(p.Stdout, "warning:", warn)
	}
	return nil
}

func orNot(kind string) string {
	if kind == "" {
		return "not loaded"
	}
	return kind
}

func (p *Program) gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(p.Stderr)
	scale := fs.Int("scale", 1, "size relative to the real corpus (1 = one listing and ~4 recaps)")
	seed := fs.Int64("seed", 1, "random seed; the same flags write the same bytes")
	out := fs.String("out", "", "directory to write the documents to (created; must be empty)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: gen needs --out DIR", errUsage)
	}
	st, err := gen.Generate(gen.Config{Scale: *scale, Seed: *seed, Out: *out})
	if err != nil {
		return err
	}
	fmt.Fprintf(p.Stderr, "wrote %d documents (%d listings, %d recaps; %d talks, %d speakers, %d companies, %d projects; %d bytes) to %s\n",
		st.Documents, st.Listings, st.Recaps, st.ListingEntries, st.Speakers, st.Companies, st.Projects, st.Bytes, *out)
	return nil
}

func (p *Program) health(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("health", flag.ContinueOnError)
	fs.SetOutput(p.Stderr)
	url := fs.String("url", "http://127.0.0.1:8080/readyz", "readiness URL to check")
	if err := parse(fs, args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s %s", *url, resp.Status, strings.TrimSpace(string(body)))
	}
	return nil
}

// recordLoad counts the documents a load read, by kind, and the skipped.
func recordLoad(m *server.Metrics, res *loaders.Result) {
	kinds := map[string]int{}
	for _, k := range res.Loaded {
		kinds[string(k)]++
	}
	for k, n := range kinds {
		m.Documents(k, n)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "skipped") {
			m.Documents("skipped", 1)
		}
	}
}

func envBool(getenv func(string) string, key string, def bool) bool {
	switch strings.ToLower(getenv(key)) {
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	return def
}

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(getenv(key)); err == nil {
		return d
	}
	return def
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}
