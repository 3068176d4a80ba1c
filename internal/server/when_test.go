package server_test

import (
	"context"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/memstore"
	"github.com/confgraph/confgraph/internal/server"
)

// TestEventDaysFromSchedules: an event no document dates takes its first
// and last day from the days its schedules give its talks; a stated one
// keeps its own.
func TestEventDaysFromSchedules(t *testing.T) {
	b := confgraph.NewBatch()
	undated := &confgraph.Event{ID: "event:example-2031", Name: "Example Summit 2031", Year: 2031}
	dated := &confgraph.Event{ID: "event:example-2030", Name: "Example Summit 2030", Year: 2030, StartDate: "2030-05-01", EndDate: "2030-05-03"}
	b.AddNode(undated)
	b.AddNode(dated)
	for i, day := range []string{"2031-06-03", "", "2031-06-01", "2031-06-02"} {
		tk := &confgraph.Talk{ID: "talk:t" + string(rune('a'+i)), Title: "Talk " + string(rune('A'+i)), Kind: confgraph.KindTalk, Date: day}
		b.AddNode(tk)
		b.AddRel(confgraph.Relationship{Type: confgraph.RelPartOf, From: tk.ID, To: undated.ID})
	}
	tk := &confgraph.Talk{ID: "talk:z", Title: "Talk Z", Kind: confgraph.KindTalk, Date: "2030-04-30"}
	b.AddNode(tk)
	b.AddRel(confgraph.Relationship{Type: confgraph.RelPartOf, From: tk.ID, To: dated.ID})
	st := memstore.New()
	if err := st.Write(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	h := server.New(st, server.DefaultConfig)
	d := ok(t, h, `{ events(sort: [{ name: ASC }]) { name startDate endDate } }`, nil)
	got := d["events"].([]any)
	want := []map[string]any{
		{"name": "Example Summit 2030", "startDate": "2030-05-01", "endDate": "2030-05-03"},
		{"name": "Example Summit 2031", "startDate": "2031-06-01", "endDate": "2031-06-03"},
	}
	for i, w := range want {
		e := got[i].(map[string]any)
		for k, v := range w {
			if e[k] != v {
				t.Errorf("%s %s = %v, want %v", w["name"], k, e[k], v)
			}
		}
	}
}
