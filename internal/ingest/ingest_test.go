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

// dirEntries returns the names in a data directory.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// recapCount returns the number of recaps in the store's graph.
func recapCount(t *testing.T, s confgraph.Store) int {
	t.Helper()
	counts, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return counts[string(confgraph.LabelRecap)]
}

// TestRefusedRemovalKeepsTheFile removes a kept document through a store
// that refuses: the embedded store refusing every replace, and Neo4j
// asked with a request already cancelled. The file stays under its name,
// and the graph keeps the recap.
func TestRefusedRemovalKeepsTheFile(t *testing.T) {
	for _, st := range storesUnderTest() {
		t.Run(st.name, func(t *testing.T) {
			store := st.open(t)
			good := service(t, store)
			if _, err := good.Add(context.Background(), "r.md", []byte(recap)); err != nil {
				t.Fatal(err)
			}
			bad := &Service{World: good.World, Store: store, Dir: good.Dir}
			ctx := context.Background()
			if st.name == "Memstore" {
				bad.Store = refusing{store.(*memstore.Store)}
			} else {
				c, cancel := context.WithCancel(ctx)
				cancel()
				ctx = c
			}
			if err := bad.Remove(ctx, "r.md"); err == nil {
				t.Fatal("the removal succeeded on a store that refused it")
			}
			if got := dirEntries(t, good.Dir); len(got) != 1 || got[0] != "r.md" {
				t.Errorf("after a refused removal the data directory holds %v, want [r.md]", got)
			}
			kept, err := ReadDir(good.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if string(kept["r.md"]) != recap {
				t.Errorf("after a refused removal r.md holds %q", kept["r.md"])
			}
			if n := recapCount(t, store); n != 1 {
				t.Errorf("after a refused removal the graph has %d recaps, want 1", n)
			}
			// Accepted, the removal forgets the file and the recap.
			if err := good.Remove(context.Background(), "r.md"); err != nil {
				t.Fatal(err)
			}
			if got := dirEntries(t, good.Dir); len(got) != 0 {
				t.Errorf("after the removal the data directory holds %v", got)
			}
			if n := recapCount(t, store); n != 0 {
				t.Errorf("after the removal the graph has %d recaps", n)
			}
		})
	}
}

// TestRecoverPutsBackARemovalInProgress starts from a directory a crash
// left in the middle of a removal: the removal was never acknowledged, so
// the document is kept, unless a newer version was kept since.
func TestRecoverPutsBackARemovalInProgress(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		removingPrefix + "r.md": recap,
		removingPrefix + "s.md": "old",
		"s.md":                  "new",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Recover(dir); err != nil {
		t.Fatal(err)
	}
	kept, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if string(kept["r.md"]) != recap || string(kept["s.md"]) != "new" || len(dirEntries(t, dir)) != 2 {
		t.Errorf("after recovery the directory holds %v (r.md %q, s.md %q), want r.md as set aside and the newer s.md", dirEntries(t, dir), kept["r.md"], kept["s.md"])
	}
}
