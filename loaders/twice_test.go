package loaders

import (
	"slices"
	"strings"
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

// TestBilingualTitlesAreNoScheduleCue: notes under sessions linked with
// "中文 | English" titles are a recap when someone writes them; the bar
// between the two titles is no table.
func TestBilingualTitlesAreNoScheduleCue(t *testing.T) {
	doc := "# KubeCon China 2023 上海 笔记\n\n三天的会议，下面是笔记。\n\n" +
		"[Istio 毕业后的下一步 | Next Hop of Istio After Graduation - Ana Ruiz, Acme](https://kccncosschn2023.sched.com/event/1/a)\n\n介绍 Ambient Mesh 和 Gateway API 的支持。\n\n" +
		"[KubeVirt 一周年 | One Year of KubeVirt in Production - Bo Sample, Initech](https://kccncosschn2023.sched.com/event/2/b)\n\n使用 Kubernetes 管理虚拟机，我学到了很多。\n\n" +
		"[服务网格的未来 | The Future of the Mesh - Cy Demo, Acme](https://kccncosschn2023.sched.com/event/3/c)\n\n讲得很清楚了。\n"
	_, kind, _, err := world(t).LoadDocument("n.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindRecap {
		t.Errorf("kind = %s, want recap", kind)
	}
}

// TestLoadReportsProgress: Progress hears of every document read, and of
// the end once the graph is built.
func TestLoadReportsProgress(t *testing.T) {
	w := world(t)
	var calls [][2]int
	w.Progress = func(done, total int) { calls = append(calls, [2]int{done, total}) }
	defer func() { w.Progress = nil }()
	w.Load(map[string][]byte{"a.txt": []byte("not about a conference"), "b.txt": []byte("nor this")})
	if len(calls) != 3 || calls[0] != [2]int{1, 2} || calls[2] != [2]int{2, 2} {
		t.Errorf("progress calls = %v, want [1 2] [2 2] [2 2]", calls)
	}
}

// TestSelectionTitleIsARecap: a list of slide links under a title that
// calls them someone's highlights is a picks list (a recap), however
// quiet; the same list titled as a schedule stays one.
func TestSelectionTitleIsARecap(t *testing.T) {
	list := "\n\n* Storage\n" +
		"  * [Rook Under Pressure](https://example.org/decks/Rook%20Under%20Pressure%20(Advanced).pdf)\n" +
		"  * [Volume Snapshots for Everyone](https://example.org/decks/snapshots.pdf)\n" +
		"  * [Backups Without Tears](https://example.org/decks/backups.pdf)\n"
	for _, tc := range []struct {
		title string
		want  Kind
	}{
		{"# Highlights KubeCon Europe 2018 Slides:", KindRecap},
		{"# KubeCon Europe 2018 Slides", KindSchedule},
	} {
		_, kind, _, err := world(t).LoadDocument("h.md", []byte(tc.title+list))
		if err != nil {
			t.Fatal(err)
		}
		if kind != tc.want {
			t.Errorf("%s: kind = %s, want %s", tc.title, kind, tc.want)
		}
	}
}

// TestRecapMentionsWhatItsTalksName: a picks list mentions the project a
// talk it lists is named after, read against the whole list as the talk's
// title is ("[Jaeger](slides.pdf)" among tracing decks).
func TestRecapMentionsWhatItsTalksName(t *testing.T) {
	doc := "# Highlights KubeCon Europe 2019 Slides\n\n* Observability and tracing\n" +
		"  * [Sampling Traces on a Budget](https://example.org/decks/sampling.pdf)\n" +
		"  * [Jaeger](https://example.org/decks/tracing-twice.pdf)\n" +
		"  * [Span Storage Without Tears](https://example.org/decks/spans.pdf)\n"
	b, kind, _, err := world(t).LoadDocument("p.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindRecap {
		t.Fatalf("kind = %s, want recap", kind)
	}
	for _, r := range b.Rels() {
		if r.Type == confgraph.RelMentions && r.To == confgraph.ID(confgraph.LabelProject, "Jaeger") {
			return
		}
	}
	t.Errorf("no MENTIONS of Jaeger")
}

// TestNotesAreARecap: terse notes on the sessions someone attended, which
// say they are notes, are an account of the event, not a schedule; a
// heading over the address of a session's schedule page is that session
// (without "(Tutorial)", its kind), one over notes alone is not surely one.
func TestNotesAreARecap(t *testing.T) {
	doc := "# kubecon-eu-2019\nNotes taken at KubeCon Barcelona, May 2019\n\n## Day one (Tuesday 21 May 2019)\n\n" +
		"### Tending stateful gardens on clusters (Tutorial)\nhttps://kccnceu19.sched.com/event/Zz01/tending-stateful-gardens\n\nLogin to the console, deploy the sample.\n\n" +
		"### Queues Without Tears (Session)\nhttps://kccnceu19.sched.com/event/Zz02/queues-without-tears\n\nRetries, dead letters, a 10:30 demo.\n\n" +
		"### Compost for Clusters\n\nGarbage collection of images, in depth.\n"
	b, kind, _, err := world(t).LoadDocument("n.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindRecap {
		t.Errorf("kind = %s, want recap", kind)
	}
	var titles []string
	for _, n := range b.Nodes() {
		if tk, ok := n.(*confgraph.Talk); ok {
			titles = append(titles, tk.Title)
		}
	}
	slices.Sort(titles)
	if want := "Queues Without Tears|Tending stateful gardens on clusters"; strings.Join(titles, "|") != want {
		t.Errorf("talks = %q, want %q", strings.Join(titles, "|"), want)
	}
}

// TestPreviewOfPicksIsARecap: someone's recommended sessions are a picks
// list (a recap) even when each pick gives its time and room.
func TestPreviewOfPicksIsARecap(t *testing.T) {
	doc := "# My recommended sessions for KubeCon Europe 2026\n\n" +
		"### 1. Weeding Pods Across Regions - Ana Luz, Acme\n\n- Time: Tuesday 11:00 - 11:30\n- Room: Hall 7\n\n" +
		"### 2. Queues Without Tears - Bo Chan, Initech\n\n- Time: Wednesday 14:00 - 14:30\n- Room: Auditorium\n\n" +
		"### 3. Compost for Clusters - Cy Diaz, Hooli\n\n- Time: Thursday 10:00 - 10:30\n- Room: G104\n"
	_, kind, _, err := world(t).LoadDocument("p.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if kind != KindRecap {
		t.Errorf("kind = %s, want recap", kind)
	}
}

// TestDayOfASeriesIsARecap: terse notes titled as one day of a series are
// an account of that day; the same sessions under a title that calls the
// page the day's schedule are a schedule.
func TestDayOfASeriesIsARecap(t *testing.T) {
	body := "\n\n#### talks\n\n##### [Weeding Pods Across Regions](https://kccnceu2031.sched.com/event/1aa/weeding-pods)\n\nLower cost.\n\n" +
		"##### [Queues Without Tears](https://kccnceu2031.sched.com/event/1ab/queues)\n\nCEL is fine.\n"
	for _, tc := range []struct {
		title string
		want  Kind
	}{
		{"# kubecon eu 2031 day 3", KindRecap},
		{"# KubeCon EU 2031 Day 3 Schedule", KindSchedule},
	} {
		_, kind, _, err := world(t).LoadDocument("d.md", []byte(tc.title+body))
		if err != nil {
			t.Fatal(err)
		}
		if kind != tc.want {
			t.Errorf("%s: kind = %s, want %s", tc.title, kind, tc.want)
		}
	}
}
