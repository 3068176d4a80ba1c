package loaders

import (
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestScheduleNamesATalkTwice: a schedule that lists a session first
// without its people and later with them gives one talk with its people.
func TestScheduleNamesATalkTwice(t *testing.T) {
	doc := "# Our sessions at KubeCon + CloudNativeCon North America 2024\n\n" +
		"- [Powering Authorization Through Live Traffic](https://sched.co/1i7pm) (Friday 11:00)\n\n" +
		"## Agenda\n\n" +
		"- 11:00am: [Powering Authorization Through Live Traffic](https://sched.co/1i7pm) - Ana Ruiz, Acme\n" +
		"- 2:00pm: [Object Storage Is All You Need](https://sched.co/1i7qV) - Bo Sample, Initech\n"
	b, kind, _, err := world(t).LoadDocument("s.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindSchedule {
		t.Fatalf("kind = %s, want schedule", kind)
	}
	presented := 0
	for _, r := range b.Rels() {
		if r.Type == confgraph.RelPresented && r.To == confgraph.ID(confgraph.LabelTalk, "event:north-america-2024 Powering Authorization Through Live Traffic") {
			presented++
		}
	}
	if presented != 1 {
		t.Errorf("PRESENTED for the talk named twice = %d, want 1", presented)
	}
}
