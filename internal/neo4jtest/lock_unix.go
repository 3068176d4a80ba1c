//go:build unix

package neo4jtest

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockTestRuns makes test runs of this checkout take turns with the one
// Neo4j that scripts/neo4j.sh runs: otherwise one run clears the database,
// or stops the server, under another. It blocks until the lock is free.
func lockTestRuns(path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		fmt.Fprintf(os.Stderr, "neo4j tests: waiting for another test run to release %s\n", path)
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			return nil, err
		}
	}
	return func() { f.Close() }, nil
}
