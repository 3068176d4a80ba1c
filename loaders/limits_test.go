package loaders

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLoadDirSkipsHugeFilesUnread: a 2 GB file in the corpus is skipped
// with a warning naming it, before anything reads it.
func TestLoadDirSkipsHugeFilesUnread(t *testing.T) {
	dir := t.TempDir()
	listing, err := os.ReadFile("listing/testdata/harbourcon.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), listing, 0o644); err != nil {
		t.Fatal(err)
	}
	huge, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 2 GB long, no disk used.
	if err := huge.Truncate(2 << 30); err != nil {
		t.Fatal(err)
	}
	huge.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := world(t).LoadDir(dir)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Loaded) != 1 || res.Loaded["a.txt"] != KindListing {
		t.Errorf("loaded = %v, want a.txt as a listing", res.Loaded)
	}
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "huge.txt: skipped: 2147483648 bytes") {
		t.Errorf("warnings = %q, want one skipping huge.txt for its size", res.Warnings)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<20 {
		t.Errorf("loading allocated %d MB: the huge file was read", grew>>20)
	}
}
