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
		// notes that never name the conference but link its sessions on
		// the schedule site, whose address names the edition.
		{"FromScheduleSiteAddress", "n.md",
			"- [ ] Keynotes (Wednesday 9:00am)\n" +
				"  - [ ] [Title - Queues Without Tears at Scale](https://kccncna2022.sched.com/event/1AbC/queues-without-tears-at-scale-ana-ruiz-acme)\n" +
				"  - [ ] I learned that we should try queues at work\n" +
				"- [ ] [Title - Caching All the Things](https://kccncna2022.sched.com/event/1AbD/caching-all-the-things-bo-sample-acme)\n" +
				"  - [ ] My takeaway: cache less, measure more\n" +
				"- [ ] [Title - Operators for Humans](https://kccncna2022.sched.com/event/1AbE/operators-for-humans-cy-doe-initech)\n" +
				"  - [ ] I liked the demo\n",
			"KubeCon + CloudNativeCon North America 2022", ""},
		// the site of a co-located event names no KubeCon edition; the
		// region code is read off the end of the site's edition part.
		{"ScheduleSiteOfChinaEdition", "c.md",
			"My notes from the conference\n\nI went to three talks and liked them all.\n\n" +
				"- [Queues Without Tears at Scale](https://kccncosschn19.sched.com/event/Q1/queues) - I learned a lot here\n" +
				"- [Caching All the Things](https://kccncosschn19.sched.com/event/Q3/caching) - my favourite talk\n" +
				"- [Shipping With GitOps Every Day](https://gitopsconeu22.sched.com/event/Q2/gitops) - I watched the recording later\n",
			"KubeCon + CloudNativeCon China 2019", ""},
		// a preview whose title calls its edition
		// "upcoming" is about that edition, which its body and date agree with.
		{"UpcomingInTitle", "u.md",
			"+++\ntitle = \"What to see at the upcoming KubeCon North America 2023\"\ndate = \"2023-10-30\"\n+++\n\nI picked the talks I want to see.\n\n## Queues Without Tears at Scale\n\nAna Ruiz (Acme) will show us the queue.\n",
			"KubeCon + CloudNativeCon North America 2023", ""},
		// a meetup in Tokyo retelling "KubeCon 2018" is about the edition
		// held that year (Seattle), not about a Japanese one, which there
		// was none of in 2018.
		{"OnlyRegionsThatHeldOne", "m.md",
			"---\ntitle: Kubernetes Meetup Tokyo #15 - KubeCon 2018 Recap\ndate: 2019-01-20\n---\n" +
				"東京で KubeCon 2018 Recap に参加しました。会場は東京のオフィスです。東京は寒かった。\n\n" +
				"昨年12月にシアトルで行われた KubeCon + CloudNativeCon の振り返りです。\n\n" +
				"### Securing Clusters With Admission Controllers - @gardener\n\n講演の紹介。\n",
			"KubeCon + CloudNativeCon North America 2018", ""},
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
