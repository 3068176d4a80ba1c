package neo4jstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/confgraph/storetest"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/internal/neo4jtest"
)

var testCfg Config

func TestMain(m *testing.M) {
	os.Exit(neo4jtest.Main(m))
}

// needNeo4j skips the test when Neo4j could not be started (never in CI).
func needNeo4j(t testing.TB) {
	t.Helper()
	srv := neo4jtest.Need(t)
	testCfg = Config{URI: srv.URI, User: srv.User, Password: srv.Password, Database: srv.Database, Timeout: 30 * time.Second}
}

// openStore opens a store on the test database and closes it after the test.
func openStore(t testing.TB) *Store {
	t.Helper()
	needNeo4j(t)
	s, err := Open(context.Background(), testCfg)
	if err != nil {
		t.Fatalf("Open(%s): %v", testCfg.URI, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// emptyStore opens a store on the test database after deleting everything
// in it.
func emptyStore(t testing.TB) *Store {
	t.Helper()
	s := openStore(t)
	neo4jtest.Clear(t)
	return s
}

// The tests share one database, so they do not run in parallel.

// TestContract runs the contract's suites: the Neo4j store has every
// capability.
func TestContract(t *testing.T) {
	needNeo4j(t)
	open := func(t *testing.T) confgraph.Store { return emptyStore(t) }
	storetest.Reader(t, open)
	storetest.Searcher(t, open)
	storetest.Paths(t, open)
	storetest.Replacer(t, func(t *testing.T) storetest.ReplacerStore { return emptyStore(t) })
	storetest.Prefetcher(t, func(t *testing.T) storetest.PrefetcherStore { return emptyStore(t) })
}

func TestSameAnswersAsMemstore(t *testing.T) {
	ctx := context.Background()
	neo := emptyStore(t)
	mem := memstore.New()
	for _, b := range []*confgraph.Batch{storetest.Fixture(), storetest.FixtureUpdate(), storetest.Fixture()} {
		for name, s := range map[string]confgraph.Store{"memstore": mem, "neo4j": neo} {
			if err := s.Write(ctx, b); err != nil {
				t.Fatalf("%s: Write: %v", name, err)
			}
		}
	}
	memDump, err := mem.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	neoDump, err := neo.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range storetest.Diff(memDump, neoDump) {
		t.Errorf("neo4j differs from memstore: %s", d)
	}
	for _, l := range confgraph.Labels {
		m, err := mem.List(ctx, l, confgraph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		n, err := neo.List(ctx, l, confgraph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if a, b := ids(m), ids(n); a != b {
			t.Errorf("List(%s): memstore %s, neo4j %s", l, a, b)
		}
	}
}

func ids(ns []confgraph.Node) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.NodeID())
	}
	return strings.Join(out, ",")
}

func TestOpenTwice(t *testing.T) {
	a := emptyStore(t)
	b := openStore(t) // creating the constraints and index again is fine
	if err := a.Write(context.Background(), storetest.Fixture()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := b.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if got["Talk"] != 7 || got["PRESENTED"] != 7 {
		t.Errorf("the second store counts %d talks and %d PRESENTED, want 7 and 7", got["Talk"], got["PRESENTED"])
	}
	if err := b.Ping(context.Background()); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	needNeo4j(t)
	cfg := testCfg
	cfg.Password = "not-" + cfg.Password
	s, err := Open(context.Background(), cfg)
	if err == nil {
		s.Close()
		t.Fatal("Open with a wrong password succeeded")
	}
	t.Logf("error: %v", err)
	if !strings.Contains(err.Error(), "authentication failed") || !strings.Contains(confgraph.ErrorMessage(err), testCfg.URI) {
		t.Errorf("error = %q, want it to say that authentication failed at %s", err, testCfg.URI)
	}
	if code := confgraph.ErrorCode(err); code != confgraph.EINVALID {
		t.Errorf("error code = %s, want %s", code, confgraph.EINVALID)
	}
	if strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error %q shows the password", err)
	}
}

func TestOpenUnknownDatabase(t *testing.T) {
	needNeo4j(t)
	cfg := testCfg
	cfg.Database = "nosuchdb"
	s, err := Open(context.Background(), cfg)
	if err == nil {
		s.Close()
		t.Fatal("Open with an unknown database succeeded")
	}
	t.Logf("error: %v", err)
	if code := confgraph.ErrorCode(err); code != confgraph.EINVALID {
		t.Errorf("error code = %s (%v), want %s", code, err, confgraph.EINVALID)
	}
	if msg := confgraph.ErrorMessage(err); !strings.Contains(msg, `database "nosuchdb" does not exist`) {
		t.Errorf("message = %q, want it to name the missing database", msg)
	}
}

func TestOpenUnreachable(t *testing.T) {
	// A port nobody listens on: bind one, then let it go.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	uri := "bolt://" + l.Addr().String()
	l.Close()

	// The store's own timeout, not the caller's deadline, must end the wait.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Open(ctx, Config{URI: uri, User: "neo4j", Password: "x", Timeout: time.Second})
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded", uri)
	}
	t.Logf("error: %v", err)
	if ctx.Err() != nil {
		t.Fatalf("Open(%s) waited for the caller's deadline instead of its 1s timeout", uri)
	}
	if code := confgraph.ErrorCode(err); code != confgraph.EUNAVAILABLE {
		t.Errorf("error code = %s (%v), want %s", code, err, confgraph.EUNAVAILABLE)
	}
	if msg := confgraph.ErrorMessage(err); msg != "neo4j at "+uri+": cannot connect" {
		t.Errorf("message = %q, want %q", msg, "neo4j at "+uri+": cannot connect")
	}
}

func TestOpenNoURI(t *testing.T) {
	_, err := Open(context.Background(), Config{})
	if code := confgraph.ErrorCode(err); code != confgraph.EINVALID {
		t.Errorf("Open without a URI: code %s (%v), want %s", code, err, confgraph.EINVALID)
	}
}

func TestDeadlineIsUnavailable(t *testing.T) {
	s := emptyStore(t)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := s.List(ctx, confgraph.LabelTalk, confgraph.Page{})
	if code := confgraph.ErrorCode(err); code != confgraph.EUNAVAILABLE {
		t.Errorf("List past the deadline: code %s (%v), want %s", code, err, confgraph.EUNAVAILABLE)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not wrap context.DeadlineExceeded", err)
	}
	if msg := confgraph.ErrorMessage(err); msg != "the graph store is unavailable" {
		t.Errorf("message = %q", msg)
	}
}

func TestUnknownLabelAndType(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if _, err := s.List(ctx, "Talk) DETACH DELETE (n", confgraph.Page{}); confgraph.ErrorCode(err) != confgraph.EINVALID {
		t.Errorf("List with a bogus label: %v, want EINVALID", err)
	}
	if _, err := s.Related(ctx, []string{"x"}, "KNOWS", confgraph.Out); confgraph.ErrorCode(err) != confgraph.EINVALID {
		t.Errorf("Related with a bogus type: %v, want EINVALID", err)
	}
	b := confgraph.NewBatch()
	b.AddNode(&confgraph.Talk{ID: "talk:a", Title: "A"})
	b.AddRel(confgraph.Relationship{Type: "KNOWS", From: "talk:a", To: "talk:a"})
	if err := s.Write(ctx, b); confgraph.ErrorCode(err) != confgraph.EINVALID {
		t.Errorf("Write with a bogus type: %v, want EINVALID", err)
	}
}

func TestWriteRejectsWrongEndLabel(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	b := confgraph.NewBatch()
	b.AddNode(&confgraph.Company{ID: "company:acme", Name: "Acme"})
	b.AddNode(&confgraph.Talk{ID: "talk:a", Title: "A"})
	// PRESENTED runs from a Speaker; a company cannot present.
	b.AddRel(confgraph.Relationship{Type: confgraph.RelPresented, From: "company:acme", To: "talk:a"})
	err := s.Write(ctx, b)
	if confgraph.ErrorCode(err) != confgraph.EINVALID || !strings.Contains(confgraph.ErrorMessage(err), "company:acme is a Company, not a Speaker") {
		t.Errorf("Write = %v, want EINVALID naming the company", err)
	}
	if n, _ := s.Counts(ctx); n["Company"] != 0 || n["Talk"] != 0 {
		t.Errorf("the rejected batch left %v", n)
	}
}

// TestWriteManyRows writes more rows than one UNWIND chunk holds.
func TestWriteManyRows(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	const n = 2*chunkSize + 345
	b := confgraph.NewBatch()
	b.AddNode(&confgraph.Event{ID: "event:big", Name: "Big Event"})
	for i := range n {
		id := fmt.Sprintf("talk:t%05d", i)
		b.AddNode(&confgraph.Talk{ID: id, Title: fmt.Sprintf("Talk %05d", n-i), Kind: confgraph.KindTalk})
		b.AddRel(confgraph.Relationship{Type: confgraph.RelPartOf, From: id, To: "event:big",
			Evidence: []confgraph.Evidence{{Document: "big.txt", Line: i + 1, Snippet: id}}})
	}
	for range 2 {
		if err := s.Write(ctx, b); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts["Talk"] != n || counts["PART_OF"] != n {
		t.Errorf("Counts = %d talks, %d PART_OF; want %d of each", counts["Talk"], counts["PART_OF"], n)
	}
	page, err := s.List(ctx, confgraph.LabelTalk, confgraph.Page{Offset: n - 2, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(page); got != "talk:t00001,talk:t00000" {
		t.Errorf("last page = %s, want talk:t00001,talk:t00000", got)
	}
	rel, err := s.Related(ctx, []string{"event:big"}, confgraph.RelPartOf, confgraph.In)
	if err != nil {
		t.Fatal(err)
	}
	if len(rel["event:big"]) != n {
		t.Errorf("the event has %d talks, want %d", len(rel["event:big"]), n)
	}
}

// TestOrderMatchesLess checks that the database orders sort keys exactly
// as Go compares strings, including outside the Basic Multilingual Plane.
func TestOrderMatchesLess(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	titles := []string{"\uffeeHalfwidth", "😀 Emoji", "ß Eszett", "Zebra", "zebra", "Éclair", "İstanbul", "ǅemal", "a\u0301ccent", "\u00e1ccent", "Ωmega", "ωmega"}
	b := confgraph.NewBatch()
	var nodes []confgraph.Node
	for i, title := range titles {
		n := &confgraph.Talk{ID: fmt.Sprintf("talk:%02d", i), Title: title}
		b.AddNode(n)
		nodes = append(nodes, n)
	}
	if err := s.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.List(ctx, confgraph.LabelTalk, confgraph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	mem := memstore.New()
	if err := mem.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	want, err := mem.List(ctx, confgraph.LabelTalk, confgraph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if ids(got) != ids(want) {
		t.Errorf("neo4j order %s\nwant (memstore) %s", ids(got), ids(want))
	}
}

func TestConcurrentWrites(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if err := s.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	// Each writer adds one alias to the same company; none may be lost.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := confgraph.NewBatch()
			b.AddNode(&confgraph.Company{ID: "company:acme-cloud", Name: "Acme Cloud", Aliases: []string{fmt.Sprintf("Acme %d", i)}})
			errs <- s.Write(ctx, b)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Nodes(ctx, []string{"company:acme-cloud"})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := got["company:acme-cloud"].(*confgraph.Company)
	if c == nil || len(c.Aliases) != 2+8 {
		t.Errorf("Acme Cloud = %+v, want its 2 aliases and 8 new ones", got["company:acme-cloud"])
	}
}

func TestStoredProperties(t *testing.T) {
	s := emptyStore(t)
	ctx := context.Background()
	if err := s.Write(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	// The database reads like the export: the speaker's properties are
	// confgraph.Properties plus the sort key, evidence is parallel lists.
	recs, err := s.query(ctx, `MATCH (s:Speaker {id: $id})-[r:WORKS_AT]->(c:Company) RETURN s.sortKey, s.aliases, r.evidenceLines, c.name`,
		map[string]any{"id": "speaker:ada-okafor"})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("got %d rows, want 1", len(recs))
	}
	got := fmt.Sprintf("%v|%v|%v|%v", recs[0].Values...)
	if want := "ada okafor|[A. Okafor]|[12 2]|Acme Cloud"; got != want {
		t.Errorf("stored values = %s, want %s", got, want)
	}
	recs, err = s.query(ctx, `SHOW INDEXES YIELD name, type WHERE name = $name RETURN type`, map[string]any{"name": fulltextIndex})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Values[0] != "FULLTEXT" {
		t.Errorf("fulltext index %s: %v", fulltextIndex, recs)
	}
}

// TestQueriesAreParameterised guards the rule that only enum names are
// spliced into Cypher: no query text holds a quote other than the label
// and type names put there at init.
func TestQueriesAreParameterised(t *testing.T) {
	var all bytes.Buffer
	for _, q := range schema {
		all.WriteString(q + "\n")
	}
	for _, m := range []map[confgraph.Label]string{listQuery, dumpNodesQuery, writeNodesQuery} {
		for _, q := range m {
			all.WriteString(q + "\n")
		}
	}
	for _, m := range []map[confgraph.RelType]string{dumpRelsQuery, readRelsQuery, writeRelsQuery} {
		for _, q := range m {
			all.WriteString(q + "\n")
		}
	}
	for _, qs := range relatedQuery {
		all.WriteString(qs[0] + "\n" + qs[1] + "\n")
	}
	all.WriteString(nodesQuery + "\n" + countsQuery + "\n")
	text := all.String()
	for _, l := range confgraph.Labels {
		text = strings.ReplaceAll(text, "'"+string(l)+"'", "")
	}
	for _, r := range confgraph.RelTypes {
		text = strings.ReplaceAll(text, "'"+string(r)+"'", "")
	}
	if strings.ContainsAny(text, `'"`) {
		t.Errorf("a query holds a string literal:\n%s", text)
	}
}
