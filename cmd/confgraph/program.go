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
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/evaluate"
	"github.com/confgraph/confgraph/internal/memstore"
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
  serve   load the corpus into the embedded store and serve GraphQL
  export  write the whole graph as JSON lines (APOC export format)
  eval    score the loaders against gold annotations (precision, recall, F1)

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
	case "eval":
		return p.eval(args[1:])
	case "help", "-h", "--help":
		fmt.Fprintln(p.Stdout, usage)
		return nil
	}
	fmt.Fprintln(p.Stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

// common holds the flags every command shares.
type common struct {
	corpus string
}

func (p *Program) flags(name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(p.Stderr)
	def := p.Getenv("CONFGRAPH_CORPUS")
	if def == "" {
		def = "../shared/corpus"
	}
	fs.StringVar(&c.corpus, "corpus", def, "directory of documents to load (env CONFGRAPH_CORPUS)")
	return fs
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

// loadCorpus loads the corpus into a new embedded store, printing one
// warning line per skipped document or oddity.
func (p *Program) loadCorpus(ctx context.Context, dir string) (confgraph.Store, error) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		return nil, err
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
	st := memstore.New()
	if err := st.Write(ctx, res.Batch); err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	nodes, rels := res.Batch.Len()
	fmt.Fprintf(p.Stderr, "loaded %d documents from %s: %d nodes, %d relationships\n", len(res.Loaded), dir, nodes, rels)
	return st, nil
}

func (p *Program) serve(ctx context.Context, args []string) error {
	var c common
	fs := p.flags("serve", &c)
	addr := fs.String("addr", envOr(p.Getenv, "CONFGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on (env CONFGRAPH_ADDR)")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := p.loadCorpus(ctx, c.corpus)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           server.New(st, server.DefaultConfig),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(slog.NewTextHandler(p.Stderr, nil), slog.LevelWarn),
	}
	fmt.Fprintf(p.Stderr, "serving GraphQL on http://%s/graphql (playground at http://%s/)\n", ln.Addr(), ln.Addr())
	if p.Ready != nil {
		p.Ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func (p *Program) export(ctx context.Context, args []string) error {
	var c common
	fs := p.flags("export", &c)
	format := fs.String("format", "jsonl", "output format: jsonl (APOC apoc.export.json lines)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "jsonl" {
		return fmt.Errorf("%w: unknown format %q (supported: jsonl)", errUsage, *format)
	}
	st, err := p.loadCorpus(ctx, c.corpus)
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
	if *misses {
		fmt.Fprintln(p.Stdout)
		evaluate.WriteMisses(p.Stdout, scores)
	}
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}
