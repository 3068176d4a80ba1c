package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAcknowledgedWriteSurvivesAKill adds a document to a real confgraph
// process, kills it with SIGKILL right after the answer, and starts it
// again on the same data directory: the document is there.
func TestAcknowledgedWriteSurvivesAKill(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "confgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dataDir := t.TempDir()
	start := func() (*exec.Cmd, string) {
		cmd := exec.Command(bin, "serve", "--corpus", corpus, "--addr", "127.0.0.1:0", "--log-format", "text")
		cmd.Env = append(os.Environ(), "CONFGRAPH_API_TOKEN="+token, "CONFGRAPH_DATA_DIR="+dataDir)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		addr := regexp.MustCompile(`serving GraphQL on http://(\S+)/graphql`)
		sc := bufio.NewScanner(stderr)
		deadline := time.After(30 * time.Second)
		found := make(chan string, 1)
		go func() {
			for sc.Scan() {
				if m := addr.FindStringSubmatch(sc.Text()); m != nil {
					found <- "http://" + m[1]
				}
			}
		}()
		select {
		case base := <-found:
			return cmd, base
		case <-deadline:
			t.Fatal("confgraph did not start")
		}
		return nil, ""
	}
	listing, err := os.ReadFile("../../loaders/listing/testdata/harbourcon.txt")
	if err != nil {
		t.Fatal(err)
	}
	cmd, base := start()
	if r := addDocument(t, base, token, "harbourcon.txt", string(listing)); len(r.Errors) > 0 {
		t.Fatalf("%+v", r.Errors)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	_, again := start()
	if titles := talkTitles(t, again, "KubeCon + CloudNativeCon Europe 2031"); !strings.Contains(titles, "Scaling Tide Pools with Kubernetes") {
		t.Errorf("after SIGKILL and a restart, the acknowledged document is gone: %s", titles)
	}
}
