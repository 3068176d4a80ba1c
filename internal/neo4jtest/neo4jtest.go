// Package neo4jtest runs the tests that need Neo4j against a real server:
// the one scripts/neo4j.sh builds and starts on 127.0.0.1. Test binaries
// call Main from TestMain; it starts the server unless NEO4J_TEST_URI names
// one, makes test runs of the checkout take turns with it, and stops it
// afterwards if it started it. Without Java the tests are skipped loudly,
// except in CI (CI=true), where that is a failure.
package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Server says how to reach the test server.
type Server struct {
	URI, User, Password, Database string
}

var (
	server     Server
	skipReason string
	script     string
)

// Main starts the server, runs the tests and stops it again; it returns
// the exit code for os.Exit.
func Main(m *testing.M) int {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	script = filepath.Join(root, "scripts", "neo4j.sh")
	server = Server{
		URI:      os.Getenv("NEO4J_TEST_URI"),
		User:     envOr("NEO4J_TEST_USER", "neo4j"),
		Password: envOr("NEO4J_PASSWORD", "confgraph-test"),
		Database: envOr("NEO4J_TEST_DATABASE", "neo4j"),
	}
	stop := false
	if server.URI == "" && fuzzWorker() {
		// The fuzzing coordinator holds the lock and started the server;
		// its workers only need the address.
		uri, err := Start()
		if err != nil {
			fmt.Fprintf(os.Stderr, "FAIL: %s start: %v\n", script, err)
			return 1
		}
		server.URI = uri
	}
	if server.URI == "" {
		unlock, err := lockTestRuns(filepath.Join(root, "tools", "neo4j", "run", "gotest.lock"))
		if err != nil {
			fmt.Fprintf(os.Stderr, "FAIL: locking the test server: %v\n", err)
			return 1
		}
		defer unlock()
		wasRunning := exec.Command(script, "status").Run() == nil
		uri, err := Start()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee) && ee.ExitCode() == 3:
			if os.Getenv("CI") == "true" {
				fmt.Fprintf(os.Stderr, "FAIL: Neo4j tests cannot run in CI: %s start found no Java 17+ or Maven\n", script)
				return 1
			}
			skipReason = "SKIPPING Neo4j tests: " + script + " start found no Java 17+ or Maven; install them to run these tests"
			fmt.Fprintf(os.Stderr, "\n*** %s ***\n\n", skipReason)
		case err != nil:
			fmt.Fprintf(os.Stderr, "FAIL: %s start: %v\n", script, err)
			return 1
		default:
			server.URI = uri
			stop = !wasRunning
		}
	}
	code := m.Run()
	if stop {
		if err := Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "%s stop: %v\n", script, err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

// fuzzWorker reports whether this process is a worker that `go test
// -fuzz` started.
func fuzzWorker() bool {
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.fuzzworker") {
			return true
		}
	}
	return false
}

// Need returns the server, skipping the test when Neo4j could not be
// started here (never in CI).
func Need(t testing.TB) Server {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	return server
}

// Start starts the server (or finds it running) and returns its Bolt URI.
func Start() (string, error) {
	cmd := exec.Command(script, "start")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	uri := strings.TrimSpace(lines[len(lines)-1])
	if !strings.HasPrefix(uri, "bolt://") && !strings.HasPrefix(uri, "neo4j://") {
		return "", fmt.Errorf("last line of output is %q, want a Bolt URI", uri)
	}
	return uri, nil
}

// Stop stops the server. A server started again afterwards is empty.
func Stop() error {
	cmd := exec.Command(script, "stop")
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// Clear deletes everything in the test database, in slices: a large
// graph left by an earlier run (the 100× benchmark's) in one transaction
// is more than the test server's transaction memory.
func Clear(t testing.TB) {
	t.Helper()
	srv := Need(t)
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(srv.URI, neo4j.BasicAuth(srv.User, srv.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	for {
		res, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n", nil,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database))
		if err != nil {
			t.Fatalf("clearing Neo4j: %v", err)
		}
		if n, _ := res.Records[0].Values[0].(int64); n == 0 {
			return
		}
	}
}
