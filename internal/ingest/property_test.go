package ingest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/internal/neo4jstore"
	"github.com/confgraph/confgraph/internal/neo4jtest"
	"github.com/confgraph/confgraph/loaders"
)

func TestMain(m *testing.M) {
	os.Exit(neo4jtest.Main(m))
}

// corpora are the document sets the property test draws from.
var corpora = []string{"../../../shared/corpus", "../../testdata/corpus2", "../../testdata/corpus3", "../../testdata/corpus4"}

// readCorpora returns every document of the corpora by name.
func readCorpora(t *testing.T) map[string][]byte {
	t.Helper()
	all := map[string][]byte{}
	for _, dir := range corpora {
		docs, _, err := loaders.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for n, b := range docs {
			if _, dup := all[n]; dup {
				t.Fatalf("%s: a document of another corpus has the same name", n)
			}
			all[n] = b
		}
	}
	return all
}

// replacer is what the property test drives: a store that replaces
// documents, and how to open it again as after a restart.
type replacer interface {
	confgraph.Store
	confgraph.DocumentReplacer
}

// storeUnderTest opens an empty store and says how to see it after a
// restart.
type storeUnderTest struct {
	name string
	open func(t testing.TB) replacer
	// restart returns the store as a restarted server would have it: the
	// embedded store loads its kept documents again, Neo4j is reopened.
	restart func(t *testing.T, s replacer, w *loaders.World, dir string) replacer
	// shared: the store keeps the documents' texts, and the test's
	// changes go through two servers sharing it, in turn, as stateless
	// replicas in front of one Neo4j would make them.
	shared bool
}

func storesUnderTest() []storeUnderTest {
	return []storeUnderTest{
		{
			name: "Memstore",
			open: func(t testing.TB) replacer { return memstore.New() },
			restart: func(t *testing.T, _ replacer, w *loaders.World, dir string) replacer {
				t.Helper()
				if err := Recover(dir); err != nil {
					t.Fatal(err)
				}
				kept, err := ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				s := memstore.New()
				if err := s.Write(context.Background(), w.Load(kept).Batch); err != nil {
					t.Fatal(err)
				}
				return s
			},
		},
		{
			name: "Neo4j",
			open: func(t testing.TB) replacer {
				t.Helper()
				clearNeo4j(t)
				return openNeo4j(t)
			},
			restart: func(t *testing.T, _ replacer, _ *loaders.World, _ string) replacer {
				return openNeo4j(t)
			},
			shared: true,
		},
	}
}

func openNeo4j(t testing.TB) *neo4jstore.Store {
	t.Helper()
	srv := neo4jtest.Need(t)
	s, err := neo4jstore.Open(context.Background(), neo4jstore.Config{URI: srv.URI, User: srv.User, Password: srv.Password, Database: srv.Database, Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// clearNeo4j deletes everything in the test database.
func clearNeo4j(t testing.TB) {
	neo4jtest.Clear(t)
}

// sameGraph fails the test when the store's graph is not the bulk load of
// docs.
func sameGraph(t *testing.T, w *loaders.World, s confgraph.Store, docs map[string][]byte, step string) {
	t.Helper()
	want := w.Load(docs).Batch
	got, err := s.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if d := storetest.Diff(want, got); len(d) > 0 {
		if len(d) > 12 {
			d = append(d[:12], fmt.Sprintf("… and %d more", len(d)-12))
		}
		t.Fatalf("%s: the graph is not the bulk load of the %d documents it holds (%s):\n%s", step, len(docs), names(docs), strings.Join(d, "\n"))
	}
}

func names(docs map[string][]byte) string {
	out := make([]string, 0, len(docs))
	for n := range docs {
		out = append(out, n)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// changed returns a new version of a document: a random run of its lines
// left out, as an edit that drops a section would.
func changed(r *rand.Rand, text []byte) []byte {
	lines := strings.Split(string(text), "\n")
	if len(lines) < 4 {
		return append(text, []byte("\nOne more line.\n")...)
	}
	from := 1 + r.IntN(len(lines)-2)
	to := min(len(lines), from+1+r.IntN(max(1, len(lines)/3)))
	return []byte(strings.Join(append(lines[:from:from], lines[to:]...), "\n"))
}

// propertySteps is the number of random steps each run takes:
// PROPERTY_STEPS overrides it; PROPERTY_SEED picks another sequence.
func propertySteps(t *testing.T) (steps int, seed uint64) {
	steps, seed = 12, 13
	if v := os.Getenv("PROPERTY_STEPS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("PROPERTY_STEPS=%q: %v", v, err)
		}
		steps = n
	}
	if v := os.Getenv("PROPERTY_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("PROPERTY_SEED=%q: %v", v, err)
		}
		seed = n
	}
	return steps, seed
}

// TestGraphIsAFunctionOfItsDocuments adds, re-adds, replaces and removes
// random documents of the corpora in random orders, starting from a bulk
// load of a random subset: after every step the store's graph is the bulk
// load of the documents it holds, and so it is after a restart.
func TestGraphIsAFunctionOfItsDocuments(t *testing.T) {
	all := readCorpora(t)
	pool := make([]string, 0, len(all))
	for n := range all {
		pool = append(pool, n)
	}
	sort.Strings(pool)
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	steps, seed := propertySteps(t)
	for _, st := range storesUnderTest() {
		t.Run(st.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 1))
			ctx := context.Background()
			store := st.open(t)
			dir := t.TempDir()
			svc := &Service{World: w, Store: store, Dir: dir}
			held := map[string][]byte{}
			// A bulk load of a random subset, as serve starts.
			for _, n := range pool {
				if r.IntN(3) == 0 {
					held[n] = all[n]
					if err := os.WriteFile(filepath.Join(dir, n), all[n], 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			res := w.Load(held)
			if err := store.Write(ctx, res.Batch); err != nil {
				t.Fatal(err)
			}
			svc.Corpus = res.Corpus
			servers := []*Service{svc}
			if st.shared {
				// As `confgraph load` does: the texts are kept, and
				// the servers read them at their first change.
				k := store.(confgraph.SourceKeeper)
				if err := k.KeepSources(ctx, res.Texts()); err != nil {
					t.Fatal(err)
				}
				servers = []*Service{{World: w, Store: store, Shared: k}, {World: w, Store: store, Shared: k}}
			}
			sameGraph(t, w, store, held, "bulk load")
			for i := range steps {
				svc := servers[i%len(servers)]
				name := pool[r.IntN(len(pool))]
				var step string
				switch op := r.IntN(4); {
				case op == 0 && held[name] != nil:
					step = "re-add " + name
					if _, err := svc.Add(ctx, name, held[name]); err != nil {
						t.Fatalf("step %d, %s: %v", i, step, err)
					}
				case op == 1 && held[name] != nil:
					step = "replace " + name
					text := changed(r, held[name])
					if _, err := svc.Add(ctx, name, text); err != nil {
						if confgraph.ErrorCode(err) != confgraph.EINVALID {
							t.Fatalf("step %d, %s: %v", i, step, err)
						}
						step += " (refused: " + err.Error() + ")"
					} else {
						held[name] = text
					}
				case op == 2 && held[name] != nil:
					step = "remove " + name
					if err := svc.Remove(ctx, name); err != nil {
						t.Fatalf("step %d, %s: %v", i, step, err)
					}
					delete(held, name)
				default:
					step = "add " + name
					if _, err := svc.Add(ctx, name, all[name]); err != nil {
						t.Fatalf("step %d, %s: %v", i, step, err)
					}
					held[name] = all[name]
				}
				t.Logf("step %d: %s", i, step)
				sameGraph(t, w, store, held, fmt.Sprintf("step %d, %s", i, step))
			}
			restarted := st.restart(t, store, w, dir)
			sameGraph(t, w, restarted, held, "after a restart")
			if st.shared {
				// A server started on the store reads a change against
				// every kept document, as the others did.
				k := restarted.(confgraph.SourceKeeper)
				name := pool[r.IntN(len(pool))]
				if _, err := (&Service{World: w, Store: restarted, Shared: k}).Add(ctx, name, all[name]); err != nil {
					t.Fatalf("add %s after a restart: %v", name, err)
				}
				held[name] = all[name]
				sameGraph(t, w, restarted, held, "add "+name+" after a restart")
			}
		})
	}
}

// TestReaddingEverySeedDocumentChangesNothing adds each document of the
// seed corpus again, unchanged, to a store holding the corpus.
func TestReaddingEverySeedDocumentChangesNothing(t *testing.T) {
	docs, _, err := loaders.ReadDir(corpora[0])
	if err != nil {
		t.Fatal(err)
	}
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range storesUnderTest() {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			store := st.open(t)
			res := w.Load(docs)
			if err := store.Write(ctx, res.Batch); err != nil {
				t.Fatal(err)
			}
			before, err := store.Dump(ctx)
			if err != nil {
				t.Fatal(err)
			}
			svc := &Service{World: w, Store: store, Corpus: res.Corpus}
			for _, n := range pool(docs) {
				if _, err := svc.Add(ctx, n, docs[n]); err != nil {
					t.Fatalf("adding %s again: %v", n, err)
				}
				after, err := store.Dump(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if d := storetest.Diff(before, after); len(d) > 0 {
					t.Fatalf("adding %s again changed the graph:\n%s", n, strings.Join(d, "\n"))
				}
			}
		})
	}
}

func pool(docs map[string][]byte) []string {
	out := make([]string, 0, len(docs))
	for n := range docs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// replica returns a document of testdata/replicas: a schedule, the same
// schedule with a talk renamed, and two recaps naming the talk under each
// of its titles.
func replica(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../testdata/replicas", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestServersSharingAStoreReadEachOthersChanges makes changes through two
// servers sharing one Neo4j and then through a third started afterwards:
// each reads its change against the documents the others added, so a
// recap added through one server links to the talk a schedule added
// through the other names, and renaming the talk in the schedule reads
// the recap again. After every change the graph is the bulk load of the
// documents.
func TestServersSharingAStoreReadEachOthersChanges(t *testing.T) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	clearNeo4j(t)
	store := openNeo4j(t)
	a := &Service{World: w, Store: store, Shared: store}
	b := &Service{World: w, Store: store, Shared: store}
	sharedListing, renamed := replica(t, "schedule.md"), replica(t, "schedule-renamed.md")
	held := map[string][]byte{}
	step := func(svc *Service, name, text string) {
		t.Helper()
		if text == "" {
			if err := svc.Remove(ctx, name); err != nil {
				t.Fatalf("remove %s: %v", name, err)
			}
			delete(held, name)
		} else {
			if _, err := svc.Add(ctx, name, []byte(text)); err != nil {
				t.Fatalf("add %s: %v", name, err)
			}
			held[name] = []byte(text)
		}
		sameGraph(t, w, store, held, "after "+name)
	}
	step(a, "schedule.md", sharedListing)
	step(b, "recap.md", replica(t, "recap.md"))
	if n := reviewed(t, store, "Proxies at Scale"); n != 1 {
		t.Fatalf("the recap added through another server reviews %d listed talks called Proxies at Scale, want 1", n)
	}
	step(a, "schedule.md", renamed)
	step(b, "recap2.md", replica(t, "recap-renamed.md"))
	if n := reviewed(t, store, "Envoy Everywhere, One Region at a Time"); n != 1 {
		t.Fatalf("%d recaps review the renamed talk, want 1", n)
	}
	other := openNeo4j(t) // as a server started afterwards opens it
	c := &Service{World: w, Store: other, Shared: other}
	step(c, "schedule.md", "")
	step(a, "recap.md", "")
	step(b, "schedule.md", sharedListing)
}

// reviewed returns how many recaps review the talk of the given title.
func reviewed(t *testing.T, s confgraph.Store, title string) int {
	t.Helper()
	b, err := s.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range b.Rels() {
		if r.Type != confgraph.RelReviews {
			continue
		}
		if tk, ok := b.Node(r.To).(*confgraph.Talk); ok && tk.Title == title {
			n++
		}
	}
	return n
}

// TestApplyDocumentsRefusesAMovedVersion: a change read against documents
// another server has changed since is refused whole, and the graph stays.
func TestApplyDocumentsRefusesAMovedVersion(t *testing.T) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	clearNeo4j(t)
	store := openNeo4j(t)
	set, err := store.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sharedListing := replica(t, "schedule.md")
	b, _, _, err := w.LoadDocument("schedule.md", []byte(sharedListing))
	if err != nil {
		t.Fatal(err)
	}
	change := []confgraph.DocumentChange{{Name: "schedule.md", Batch: b, Keep: true, Text: []byte(sharedListing)}}
	if err := store.ApplyDocuments(ctx, set.Version, change); err != nil {
		t.Fatal(err)
	}
	before, err := store.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	change[0].Batch = confgraph.NewBatch()
	err = store.ApplyDocuments(ctx, set.Version, change)
	if !errors.Is(err, confgraph.ErrSourcesMoved) {
		t.Fatalf("a change at a moved version: got %v, want ErrSourcesMoved", err)
	}
	after, err := store.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := storetest.Diff(before, after); len(d) > 0 {
		t.Fatalf("a refused change changed the graph:\n%s", strings.Join(d, "\n"))
	}
	now, err := store.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if now.Version != set.Version+1 || now.Digests["schedule.md"] != confgraph.SourceDigest([]byte(sharedListing)) {
		t.Fatalf("kept documents: version %d, digests %v; want version %d and the schedule's digest", now.Version, now.Digests, set.Version+1)
	}
}
