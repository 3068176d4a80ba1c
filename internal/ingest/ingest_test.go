package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/loaders"
)

// refusing is the embedded store refusing every replace, as a store that
// times out or rejects a batch would.
type refusing struct{ *memstore.Store }

func (refusing) ReplaceDocument(context.Context, string, *confgraph.Batch) error {
	return confgraph.Errorf(confgraph.EUNAVAILABLE, "the graph store is unavailable")
}

const recap = `# KubeCon + CloudNativeCon Europe 2031 in Valencia

I went to KubeCon Europe 2031 in Valencia and loved it.

Proxies at Scale - Ada Okafor, Acme Cloud

Ada showed how they run proxies, and I learned a lot in this talk.
`

func service(t *testing.T, store interface {
	confgraph.Store
	confgraph.DocumentReplacer
}) *Service {
	t.Helper()
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	return &Service{World: w, Store: store, Dir: t.TempDir()}
}

func TestRejectedAddLeavesNoTrace(t *testing.T) {
	s := service(t, refusing{memstore.New()})
	if _, err := s.Add(context.Background(), "r.md", []byte(recap)); err == nil {
		t.Fatal("the add succeeded on a store that refuses every replace")
	}
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("the data directory keeps %s after a rejected add", e.Name())
	}
}

func TestRejectedReplaceKeepsThePreviousVersion(t *testing.T) {
	good := service(t, memstore.New())
	if _, err := good.Add(context.Background(), "r.md", []byte(recap)); err != nil {
		t.Fatal(err)
	}
	bad := &Service{World: good.World, Store: refusing{memstore.New()}, Dir: good.Dir}
	if _, err := bad.Add(context.Background(), "r.md", []byte(recap+"\nA new line.\n")); err == nil {
		t.Fatal("the add succeeded on a store that refuses every replace")
	}
	kept, err := ReadDir(good.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if string(kept["r.md"]) != recap {
		t.Errorf("the data directory holds %q, want the version the store accepted", kept["r.md"])
	}
}

func TestRecoverDropsWritesAheadOfACrash(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, pendingPrefix+"r.md"), []byte(recap), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kept.md"), []byte(recap), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Recover(dir); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "kept.md" {
		t.Errorf("after recovery the directory holds %v, want only kept.md", entries)
	}
	if err := Recover(filepath.Join(dir, "missing")); err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Recover of a missing directory: %v", err)
	}
}
