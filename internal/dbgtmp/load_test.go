package dbg

import (
	"fmt"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders"
)

func TestLoad(t *testing.T) {
	w, err := loaders.DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.LoadDir("/work/shared/corpus")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(res.Loaded, res.Warnings)
	n, r := res.Batch.Len()
	fmt.Println(n, r)
	cnt := map[confgraph.Label]int{}
	for _, x := range res.Batch.Nodes() {
		cnt[x.NodeLabel()]++
		switch v := x.(type) {
		case *confgraph.Event:
			fmt.Printf("%+v\n", *v)
		case *confgraph.Recap:
			fmt.Println(v.ID, v.Title, v.Published)
		case *confgraph.Company:
			fmt.Print(v.Name, "; ")
		}
	}
	fmt.Println(cnt)
	rc := map[confgraph.RelType]int{}
	for _, x := range res.Batch.Rels() {
		rc[x.Type]++
		if x.Type == confgraph.RelMentions || x.Type == confgraph.RelCovers {
			fmt.Println(x.From, x.To, x.Evidence[0].Line, x.Evidence[0].Snippet)
		}
	}
	fmt.Println(rc)
}
