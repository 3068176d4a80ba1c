package neo4jstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/confgraph/confgraph/internal/confgraph"
)

func hitsOf(t *testing.T, s confgraph.Store, text string) string {
	t.Helper()
	hits, err := s.Search(context.Background(), text, []confgraph.Label{confgraph.LabelTalk}, 10)
	if err != nil {
		t.Fatal(err)
	}
	out := ""
	for _, h := range hits {
		out += fmt.Sprintf("%s %.6f; ", h.Node.NodeID(), h.Score)
	}
	return out
}

// TestSearchStatisticsFollowWrites: the ranking's corpus statistics are
// reused between searches, but a write through the store forgets them,
// and a write through another process reaches the ranking within
// StatsTTL. Every time, the scores are the embedded store's.
func TestSearchStatisticsFollowWrites(t *testing.T) {
	mem, neo := loadBoth(t)
	ctx := context.Background()
	const text = "mesh tls storage"
	if w, g := hitsOf(t, mem, text), hitsOf(t, neo, text); w != g || w == "" {
		t.Fatalf("before writing: embedded %q, Neo4j %q", w, g)
	}
	add := func(id, title string, stores ...confgraph.Store) {
		b := confgraph.NewBatch()
		b.AddNode(&confgraph.Talk{ID: id, Title: title, Kind: confgraph.KindTalk})
		for _, s := range stores {
			if err := s.Write(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Through this store: the next search already counts the new talk.
	add("talk:mesh-storage-at-scale", "Mesh Storage at Scale with Many More Words in Its Title", mem, neo)
	if w, g := hitsOf(t, mem, text), hitsOf(t, neo, text); w != g {
		t.Errorf("after a write through the store: embedded %q, Neo4j %q", w, g)
	}
	// Through another store on the same database, as another replica
	// would: within StatsTTL the scores catch up.
	old := StatsTTL
	StatsTTL = 300 * time.Millisecond
	defer func() { StatsTTL = old }()
	other := openStore(t)
	add("talk:tls-everywhere", "TLS Everywhere", mem, other)
	time.Sleep(StatsTTL + 50*time.Millisecond)
	if w, g := hitsOf(t, mem, text), hitsOf(t, neo, text); w != g {
		t.Errorf("after a write through another store and StatsTTL: embedded %q, Neo4j %q", w, g)
	}
}
