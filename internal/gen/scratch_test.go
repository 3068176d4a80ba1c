package gen

import (
	"fmt"
	"sort"
	"testing"
)

func TestScratchDist(t *testing.T) {
	for _, scale := range []int{1, 10} {
		docs, st, err := build(scale, 7)
		if err != nil {
			t.Fatal(err)
		}
		per := map[string]int{}
		comp := map[string]int{}
		slots := 0
		for _, tr := range st.Manifest.Talks {
			for _, s := range tr.Speakers {
				per[s.Name]++
				slots++
				comp[s.Company]++
			}
		}
		var counts []int
		for _, n := range per {
			counts = append(counts, n)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(counts)))
		var cc []int
		for _, n := range comp {
			cc = append(cc, n)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(cc)))
		hist := map[int]int{}
		for _, n := range counts {
			hist[n]++
		}
		fmt.Printf("scale %d: docs %d bytes %d entries %d slots %d speakers %d top %v hist %v\n  companies %d top %v projects %d\n",
			scale, len(docs), st.Bytes, st.ListingEntries, slots, len(per), counts[:10], hist, len(comp), cc[:10], st.Projects)
		if scale == 1 {
			for _, d := range docs {
				fmt.Println(d.kind, len(d.body), string(d.body[:40]))
			}
		}
	}
}
