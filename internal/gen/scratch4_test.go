package gen

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders"
)

func TestScratchTiming(t *testing.T) {
	scale, _ := strconv.Atoi(os.Getenv("GEN_TIME"))
	if scale == 0 {
		t.Skip()
	}
	dir := fmt.Sprintf("/tmp/gencheck/t%d", scale)
	os.RemoveAll(dir)
	t0 := time.Now()
	st, err := Generate(Config{Scale: scale, Seed: 1, Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	gen := time.Since(t0)
	fmt.Printf("scale %d: gen %.2fs docs %d (%d listings, %d recaps) %.1f MB entries %d recap items %d speakers %d companies %d projects %d\n",
		scale, gen.Seconds(), st.Documents, st.Listings, st.Recaps, float64(st.Bytes)/1e6, st.ListingEntries, st.RecapItems, st.Speakers, st.Companies, st.Projects)
	if os.Getenv("GEN_LOAD") == "" {
		return
	}
	w, _ := loaders.DefaultWorld()
	t0 = time.Now()
	res, err := w.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	load := time.Since(t0)
	g := index(res.Batch)
	talks, speakers := 0, 0
	for _, n := range res.Batch.Nodes() {
		switch n.(type) {
		case *confgraph.Talk:
			talks++
		case *confgraph.Speaker:
			speakers++
		}
	}
	found, withSpeakers := 0, 0
	for _, tr := range st.Manifest.Talks {
		id, ok := g.talk[tr.Event+"\x00"+tr.Title]
		if !ok {
			continue
		}
		found++
		all := true
		for _, s := range tr.Speakers {
			if !g.has(confgraph.RelPresented, g.speaker[s.Name], id) {
				all = false
			}
		}
		if all {
			withSpeakers++
		}
	}
	listingSpeakers := map[string]bool{}
	for _, tr := range st.Manifest.Talks {
		for _, s := range tr.Speakers {
			listingSpeakers[s.Name] = true
		}
	}
	by, _, wrong := reviewRate(g, st)
	hit, all := 0, 0
	for _, n := range by {
		hit += n[0]
		all += n[1]
	}
	fmt.Printf("  load %.2fs warnings %d; talks loaded %d (listing entries %d found %d with all speakers %d); speakers loaded %d (manifest %d, listing %d); reviews %d/%d; wrong %d\n",
		load.Seconds(), len(res.Warnings), talks, st.ListingEntries, found, withSpeakers, speakers, st.Speakers, len(listingSpeakers), hit, all, len(wrong))
}
