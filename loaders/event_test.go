package loaders

import (
	"slices"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// TestEventOfADocument: the edition a document is about, from the evidence
// each case names; it loads with exactly that edition (and as a recap
// where the case says so).
func TestEventOfADocument(t *testing.T) {
	tests := []struct {
		name, file, doc, want string
		kind                  Kind // checked when set
	}{
		// a post without headings whose title is the
		// first sentence of its opening paragraph names its edition in the rest
		// of that paragraph.
		{"AfterTitleSentence", "p.txt",
			"April in London was busy. From the opening keynote to the hallway chats, KubeCon + CloudNativeCon Europe 2025 was a blur of hallway talk.\n" +
				"Talks I attended\n1. Queues Without Tears at Scale\nSpeakers: Ana Ruiz and Bo Sample (Acme)\nThey showed their queue.\n",
			"KubeCon + CloudNativeCon Europe 2025", KindRecap},
		// a preview whose title calls its edition
		// "upcoming" is about that edition, which its body and date agree with.
		{"UpcomingInTitle", "u.md",
			"+++\ntitle = \"What to see at the upcoming KubeCon North America 2023\"\ndate = \"2023-10-30\"\n+++\n\nI picked the talks I want to see.\n\n## Queues Without Tears at Scale\n\nAna Ruiz (Acme) will show us the queue.\n",
			"KubeCon + CloudNativeCon North America 2023", ""},
		// days without a year in a city that hosted
		// several editions pick the edition held on those days.
		{"FromDaysInHostCity", "de.md",
			"Vom 19.04. bis 21.04. fand die KubeCon Europe in Amsterdam statt.\n\nWir waren dabei und haben viel gelernt.\n\n## Tag 1\n\nDie Keynotes waren gut.\n",
			"KubeCon + CloudNativeCon Europe 2023", ""},
		// "my first tech conference: KubeCon Europe
		// 2022" is that edition, not the first one.
		{"MyFirstConference", "f.md",
			"Home again\n\nI just returned from my first tech conference: Kubecon CloudNativeCon Europe 2022. It was loud.\n\n## Talks\n\nI liked the keynotes.\n",
			"KubeCon + CloudNativeCon Europe 2022", ""},
		// "KubeCon US" is the North American edition; "join
		// us at KubeCon" says nothing of it.
		{"KubeConUS", "us.md",
			"Six talks not to miss at KubeCon US 2018\n\nWe picked six sessions for you; join us at the booth.\n\n## Scaling Queues Calmly - Ana Ruiz, Acme\n\nA talk about queues.\n",
			"KubeCon + CloudNativeCon North America 2018", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, kind, _, err := world(t).LoadDocument(tc.file, []byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if tc.kind != "" && kind != tc.kind {
				t.Errorf("kind = %s, want %s", kind, tc.kind)
			}
			var events []string
			for _, n := range b.Nodes() {
				if e, ok := n.(*confgraph.Event); ok {
					events = append(events, e.Name)
				}
			}
			if !slices.Equal(events, []string{tc.want}) {
				t.Errorf("events = %v, want [%s]", events, tc.want)
			}
		})
	}
}
