package gen

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestScratchSeeds(t *testing.T) {
	if os.Getenv("GEN_SEEDS") == "" {
		t.Skip()
	}
	var hit, all int
	for seed := int64(1); seed <= 60; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir, st := generate(t, 1+int(seed%3), seed)
			res := load(t, dir)
			if len(res.Warnings) > 0 {
				t.Errorf("warnings: %s", strings.Join(res.Warnings, "\n"))
			}
			g := index(res.Batch)
			checkListing(t, g, st)
			by, _, _ := reviewRate(g, st)
			for _, n := range by {
				hit += n[0]
				all += n[1]
			}
			if tp, fp, fn, ex := projectRate(g, st); fp+fn > 0 {
				t.Errorf("projects %d %d %d %v", tp, fp, fn, ex)
			}
		})
	}
	t.Logf("reviews %d/%d = %.3f", hit, all, float64(hit)/float64(all))
}
