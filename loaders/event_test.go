package loaders

import (
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestEventAfterTitleSentence: a post without headings whose title is the
// first sentence of its opening paragraph names its edition in the rest
// of that paragraph.
func TestEventAfterTitleSentence(t *testing.T) {
	doc := "April in London was busy. From the opening keynote to the hallway chats, KubeCon + CloudNativeCon Europe 2025 was a blur of hallway talk.\n" +
		"Talks I attended\n1. Queues Without Tears at Scale\nSpeakers: Ana Ruiz and Bo Sample (Acme)\nThey showed their queue.\n"
	b, kind, _, err := world(t).LoadDocument("p.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindRecap {
		t.Errorf("kind = %s, want recap", kind)
	}
	var events []string
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok {
			events = append(events, e.Name)
		}
	}
	if len(events) != 1 || events[0] != "KubeCon + CloudNativeCon Europe 2025" {
		t.Errorf("events = %v, want [KubeCon + CloudNativeCon Europe 2025]", events)
	}
}
