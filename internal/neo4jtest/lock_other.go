//go:build !unix

package neo4jtest

// lockTestRuns does nothing where flock is missing: concurrent runs there
// must not share a server.
func lockTestRuns(string) (unlock func(), err error) { return func() {}, nil }
