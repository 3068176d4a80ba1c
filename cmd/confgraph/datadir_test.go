package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestDataDirDoesNotChangeTheCorpus: the corpus loads the same documents
// with a data directory as without, whatever the files' names.
func TestDataDirDoesNotChangeTheCorpus(t *testing.T) {
	corpus := t.TempDir()
	for name, text := range map[string]string{
		"recap one (copy).md": "# KubeCon Europe 2031 in Valencia\n\nI loved KubeCon + CloudNativeCon Europe 2031.\n\nProxies at Scale - Ada Okafor, Acme Cloud\n\nAda showed proxies in this talk, and I learned a lot.\n",
		"two.md":              "# KubeCon Europe 2031 in Valencia, day two\n\nI was at KubeCon + CloudNativeCon Europe 2031 again.\n\nMeshes for All - Bo Li, Acme Cloud\n\nBo showed meshes in this talk, and I enjoyed it.\n",
	} {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	without, err := p.readCorpus(corpus)
	if err != nil {
		t.Fatal(err)
	}
	with, err := p.readCorpusAndData(corpus, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(without.Loaded) != 2 || len(with.Loaded) != len(without.Loaded) {
		t.Errorf("loaded %d documents with a data directory, %d without; want 2 both ways", len(with.Loaded), len(without.Loaded))
	}
}
