package loaders

import (
	"bytes"
	"os"
	"testing"

	"github.com/confgraph/confgraph/loaders/recap"
)

func TestDbg(t *testing.T) {
	f := os.Getenv("DBG")
	if f == "" {
		t.Skip()
	}
	w, _ := DefaultWorld()
	b, _ := os.ReadFile(f)
	d, _ := recap.Parse(f, bytes.NewReader(b))
	d.Gazetteer = w
	t.Logf("title=%q line=%d", d.Title, d.TitleLine)
	for _, it := range d.Items() {
		t.Logf("%d [%s] weak=%v %q %+v", it.Line, it.Rule, it.Weak, it.Title, it.Speakers)
	}
}
