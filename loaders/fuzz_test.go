package loaders

import (
	"os"
	"testing"
)

// FuzzLoadDocument feeds arbitrary documents through detection, parsing
// and entity resolution: nothing may panic, and a document that fails
// yields no batch.
func FuzzLoadDocument(f *testing.F) {
	w, err := DefaultWorld()
	if err != nil {
		f.Fatal(err)
	}
	if b, err := os.ReadFile("listing/testdata/harbourcon.txt"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("---\ntitle: KubeCon Valencia 2031\n---\nHelm and Envoy proxy\n"))
	f.Add([]byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		b, _, _, err := w.LoadDocument("fuzz.txt", doc)
		if err != nil && b != nil {
			t.Fatal("failed document returned a batch")
		}
	})
}
