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

// TestEventUpcomingInTitle: a preview whose title calls its edition
// "upcoming" is about that edition, which its body and date agree with.
func TestEventUpcomingInTitle(t *testing.T) {
	doc := "+++\ntitle = \"What to see at the upcoming KubeCon North America 2023\"\ndate = \"2023-10-30\"\n+++\n\nI picked the talks I want to see.\n\n## Queues Without Tears at Scale\n\nAna Ruiz (Acme) will show us the queue.\n"
	b, _, _, err := world(t).LoadDocument("u.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok && e.Name != "KubeCon + CloudNativeCon North America 2023" {
			t.Errorf("event = %s, want KubeCon + CloudNativeCon North America 2023", e.Name)
		}
	}
}

// TestEventFromDaysInHostCity: days without a year in a city that hosted
// several editions pick the edition held on those days.
func TestEventFromDaysInHostCity(t *testing.T) {
	doc := "Vom 19.04. bis 21.04. fand die KubeCon Europe in Amsterdam statt.\n\nWir waren dabei und haben viel gelernt.\n\n## Tag 1\n\nDie Keynotes waren gut.\n"
	b, _, _, err := world(t).LoadDocument("de.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok && e.Name != "KubeCon + CloudNativeCon Europe 2023" {
			t.Errorf("event = %s, want KubeCon + CloudNativeCon Europe 2023", e.Name)
		}
	}
}

// TestEventMyFirstConference: "my first tech conference: KubeCon Europe
// 2022" is that edition, not the first one.
func TestEventMyFirstConference(t *testing.T) {
	doc := "Home again\n\nI just returned from my first tech conference: Kubecon CloudNativeCon Europe 2022. It was loud.\n\n## Talks\n\nI liked the keynotes.\n"
	b, _, _, err := world(t).LoadDocument("f.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok && e.Name != "KubeCon + CloudNativeCon Europe 2022" {
			t.Errorf("event = %s, want KubeCon + CloudNativeCon Europe 2022", e.Name)
		}
	}
}

// TestEventKubeConUS: "KubeCon US" is the North American edition; "join
// us at KubeCon" says nothing of it.
func TestEventKubeConUS(t *testing.T) {
	doc := "Six talks not to miss at KubeCon US 2018\n\nWe picked six sessions for you; join us at the booth.\n\n## Scaling Queues Calmly - Ana Ruiz, Acme\n\nA talk about queues.\n"
	b, _, _, err := world(t).LoadDocument("us.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Nodes() {
		if e, ok := n.(*confgraph.Event); ok && e.Name != "KubeCon + CloudNativeCon North America 2018" {
			t.Errorf("event = %s, want KubeCon + CloudNativeCon North America 2018", e.Name)
		}
	}
}
