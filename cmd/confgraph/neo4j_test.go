package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/neo4jtest"
)

func TestMain(m *testing.M) {
	os.Exit(neo4jtest.Main(m))
}

// neo4jArgs are the flags that point a command at the test server.
func neo4jArgs(t *testing.T) []string {
	t.Helper()
	srv := neo4jtest.Need(t)
	return []string{"--neo4j-uri", srv.URI, "--neo4j-user", srv.User, "--neo4j-password", srv.Password, "--neo4j-database", srv.Database}
}

// clearNeo4j empties the test database.
func clearNeo4j(t *testing.T) {
	neo4jtest.Clear(t)
}

func run(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	p := &Program{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err = p.Main(context.Background(), args)
	return out.String(), errb.String(), err
}

func loadNeo4j(t *testing.T) {
	t.Helper()
	if _, stderr, err := run(t, append([]string{"load", "--corpus", corpus}, neo4jArgs(t)...)...); err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}
}

func TestNeo4jServesTheSameAnswers(t *testing.T) {
	clearNeo4j(t)
	loadNeo4j(t)
	base, _ := boot(t, append([]string{"--store", "neo4j"}, neo4jArgs(t)...)...)
	waitReady(t, base)
	checkQueries(t, base)
}

func TestNeo4jLoadIsIdempotentAndExportsTheSameGraph(t *testing.T) {
	clearNeo4j(t)
	loadNeo4j(t)
	loadNeo4j(t) // twice: nothing may change
	fromNeo4j, stderr, err := run(t, append([]string{"export", "--store", "neo4j"}, neo4jArgs(t)...)...)
	if err != nil {
		t.Fatalf("export from neo4j: %v\n%s", err, stderr)
	}
	fromMemory, _, err := run(t, "export", "--corpus", corpus)
	if err != nil {
		t.Fatal(err)
	}
	if fromNeo4j != fromMemory {
		a, b := strings.Split(fromMemory, "\n"), strings.Split(fromNeo4j, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("exports differ at line %d (%d vs %d lines):\nmemory: %.300s\nneo4j:  %.300s", i+1, len(a), len(b), a[i], b[i])
			}
		}
		t.Fatalf("exports differ in length: %d lines from memory, %d from neo4j", len(a), len(b))
	}
}

func TestNeo4jWrongCredentials(t *testing.T) {
	args := neo4jArgs(t)
	for i := range args {
		if args[i] == "--neo4j-password" {
			args[i+1] = "wrong-password"
		}
	}
	p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := p.Main(ctx, append([]string{"serve", "--store", "neo4j", "--addr", "127.0.0.1:0"}, args...))
	if err == nil || !strings.Contains(err.Error(), "authentication failed") || ctx.Err() != nil {
		t.Fatalf("serve with a wrong password = %v, want a prompt 'authentication failed' error", err)
	}
	if exitCode(err) == 0 {
		t.Error("exit code 0 for a failed start")
	}
}

func TestNeo4jUnreachableAtStart(t *testing.T) {
	base, stderr := boot(t, "--store", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", "x")
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d, want 503 while Neo4j cannot be reached", resp.StatusCode)
	}
	r := query(t, base, `{ talks { title } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "STORE_UNAVAILABLE" {
		t.Errorf("errors = %+v, want STORE_UNAVAILABLE", r.Errors)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "waiting for neo4j at bolt://127.0.0.1:1") && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "waiting for neo4j at bolt://127.0.0.1:1") {
		t.Errorf("serve does not say what it waits for; stderr:\n%s", stderr.String())
	}
}

// TestNeo4jStopsWhileServing stops the test server under a running
// confgraph: requests fail with STORE_UNAVAILABLE instead of hanging, and
// serving recovers by itself once Neo4j is back.
func TestNeo4jStopsWhileServing(t *testing.T) {
	clearNeo4j(t)
	loadNeo4j(t)
	base, _ := boot(t, append([]string{"--store", "neo4j"}, neo4jArgs(t)...)...)
	waitReady(t, base)
	if r := query(t, base, `{ events { name } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("before the stop: %+v", r.Errors)
	}
	if err := neo4jtest.Stop(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			neo4jtest.Start()
		}
	})
	r := query(t, base, `{ events { name } }`, nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "STORE_UNAVAILABLE" {
		t.Errorf("with Neo4j stopped: errors = %+v, want STORE_UNAVAILABLE", r.Errors)
	}
	if resp, err := http.Get(base + "/readyz"); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("/readyz = %d with Neo4j stopped, want 503", resp.StatusCode)
		}
	}
	if _, err := neo4jtest.Start(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	loadNeo4j(t) // a restarted test server is empty
	waitReady(t, base)
	if r := query(t, base, `{ events { name } }`, nil); len(r.Errors) > 0 || !strings.Contains(string(r.Data), "KubeCon + CloudNativeCon North America 2017") {
		t.Errorf("after Neo4j came back: %s %+v", r.Data, r.Errors)
	}
}

// waitReady polls /readyz until the store answers.
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("/readyz did not become ready within 60s")
}

// TestNeo4jLoadKilledHalfwayThenRerun interrupts a load of a larger
// generated corpus and runs it again: the graph ends complete and without
// duplicates, the same as one clean load.
func TestNeo4jLoadKilledHalfwayThenRerun(t *testing.T) {
	dir := t.TempDir() + "/corpus"
	if _, stderr, err := run(t, "gen", "--scale", "3", "--seed", "7", "--out", dir); err != nil {
		t.Fatalf("gen: %v\n%s", err, stderr)
	}
	load := func(ctx context.Context) error {
		p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
		return p.Main(ctx, append([]string{"load", "--corpus", dir}, neo4jArgs(t)...))
	}
	exportNeo4j := func() string {
		out, stderr, err := run(t, append([]string{"export", "--store", "neo4j"}, neo4jArgs(t)...)...)
		if err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		return out
	}

	clearNeo4j(t)
	if err := load(context.Background()); err != nil {
		t.Fatal(err)
	}
	clean := exportNeo4j()

	clearNeo4j(t)
	// Kill the load at several points; whatever it left, a rerun must end
	// with the clean graph.
	for _, after := range []time.Duration{200 * time.Millisecond, 800 * time.Millisecond, 2 * time.Second} {
		ctx, cancel := context.WithTimeout(context.Background(), after)
		_ = load(ctx)
		cancel()
	}
	if err := load(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := exportNeo4j(); got != clean {
		t.Errorf("after interrupted loads and a rerun the graph differs from a clean load (%d vs %d bytes of export)", len(got), len(clean))
	}
}

// TestNeo4jLoadFileReplaces: loading a changed file again replaces what it
// said before, as addDocument does, instead of merging both versions.
func TestNeo4jLoadFileReplaces(t *testing.T) {
	clearNeo4j(t)
	t.Cleanup(func() { clearNeo4j(t) })
	file := filepath.Join(t.TempDir(), "valencia.md")
	version := func(speaker string) {
		t.Helper()
		text := "# KubeCon + CloudNativeCon Europe 2031 in Valencia\n\nI went to KubeCon Europe 2031 in Valencia and loved it.\n\n" +
			"Proxies at Scale - " + speaker + ", Acme Cloud\n\nThe speaker showed how they run proxies, and I learned a lot in this talk.\n"
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, stderr, err := run(t, append(append([]string{"load"}, neo4jArgs(t)...), file)...); err != nil {
			t.Fatalf("load: %v\n%s", err, stderr)
		}
	}
	version("Ada Okafor")
	version("Bo Lindqvist")
	out, stderr, err := run(t, append([]string{"export", "--store", "neo4j"}, neo4jArgs(t)...)...)
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	if strings.Contains(out, "Ada Okafor") || !strings.Contains(out, "Bo Lindqvist") {
		t.Errorf("after loading the second version the graph should name Bo Lindqvist and not Ada Okafor:\n%.2000s", out)
	}
}

// TestNeo4jServersReadTheDocumentsOthersAdded: a corpus loaded into Neo4j
// by `load`, then changed through two servers reading the same database,
// gives the graph a bulk load of the changed corpus gives. Renaming a
// talk in the schedule through one server reads again the recap that
// reviewed it, which only `load` had read; a recap added through the
// other server links to the renamed talk.
func TestNeo4jServersReadTheDocumentsOthersAdded(t *testing.T) {
	clearNeo4j(t)
	t.Cleanup(func() { clearNeo4j(t) })
	doc := func(name string) string {
		b, err := os.ReadFile(filepath.Join("../../testdata/replicas", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("schedule.md", doc("schedule.md"))
	write("recap.md", doc("recap.md"))
	if _, stderr, err := run(t, append([]string{"load", "--corpus", dir}, neo4jArgs(t)...)...); err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}
	env := map[string]string{"CONFGRAPH_API_TOKEN": token}
	args := append([]string{"--store", "neo4j"}, neo4jArgs(t)...)
	a, _ := bootEnv(t, env, args...)
	b, _ := bootEnv(t, env, args...)
	waitReady(t, a)
	waitReady(t, b)
	same := func(step string) {
		t.Helper()
		fromNeo4j, stderr, err := run(t, append([]string{"export", "--store", "neo4j"}, neo4jArgs(t)...)...)
		if err != nil {
			t.Fatalf("export from neo4j: %v\n%s", err, stderr)
		}
		fromMemory, _, err := run(t, "export", "--corpus", dir)
		if err != nil {
			t.Fatal(err)
		}
		if fromNeo4j != fromMemory {
			t.Fatalf("%s: the graph in Neo4j is not the bulk load of the documents:\nbulk:  %.1500s\nneo4j: %.1500s", step, fromMemory, fromNeo4j)
		}
	}
	for _, ch := range []struct{ server, name, file string }{
		{a, "schedule.md", "schedule-renamed.md"},
		{b, "recap2.md", "recap-renamed.md"},
		{b, "schedule.md", "schedule.md"},
	} {
		if r := addDocument(t, ch.server, token, ch.name, doc(ch.file)); len(r.Errors) > 0 {
			t.Fatalf("addDocument %s: %+v", ch.name, r.Errors)
		}
		write(ch.name, doc(ch.file))
		same("after adding " + ch.file + " as " + ch.name)
	}
}
