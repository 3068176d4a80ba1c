package neo4jstore

import (
	"context"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

func TestTmpTiming(t *testing.T) {
	_, neo := loadBoth(t)
	ctx := context.Background()
	q := confgraph.Query{Label: confgraph.LabelTalk}
	for i := 0; i < 5; i++ {
		st := time.Now()
		neo.Find(ctx, q)
		t.Logf("simple find %v", time.Since(st))
	}
	for i := 0; i < 5; i++ {
		st := time.Now()
		neo.query(ctx, "RETURN 1", nil)
		t.Logf("return 1 %v", time.Since(st))
	}
	for i := 0; i < 5; i++ {
		st := time.Now()
		neo.Count(ctx, confgraph.LabelTalk, &confgraph.Filter{Conds: []confgraph.Cond{{Field: "title", Op: confgraph.OpEq, Value: "x"}}})
		t.Logf("count %v", time.Since(st))
	}
	for i := 0; i < 5; i++ {
		st := time.Now()
		neo.Degrees(ctx, []string{"x"}, confgraph.RelPresented, confgraph.In, nil)
		t.Logf("degrees %v", time.Since(st))
	}
}
