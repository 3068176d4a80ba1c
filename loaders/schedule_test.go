package loaders

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/loaders/recap"
)

func TestDayIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		year int
		want string
	}{
		{"2024-08-21", 0, "2024-08-21"},
		{"Wednesday March 20, 2024 11:00am - 11:35am CET", 0, "2024-03-20"},
		{"When: Wednesday, November 13, 11:15am - 11:50am MST", 2024, "2024-11-13"},
		{"DateTime: Thursday April 3, 2025 14:30 - 15:00 BST", 2030, "2025-04-03"},
		{"Thu 3rd April 2025", 0, "2025-04-03"},
		{"Sept. 9 10:00", 2023, "2023-09-09"},
		{"February 30, 2024 9:00", 0, ""}, // no such day
		{"March 20 at 11:00", 0, ""},      // no year known
		{"Room 151 at 11:00", 2024, ""},
	} {
		if got := dayIn(tc.text, tc.year); got != tc.want {
			t.Errorf("dayIn(%q, %d) = %q, want %q", tc.text, tc.year, got, tc.want)
		}
	}
	for in, want := range map[string]string{"9:00am": "09:00", "12:30pm": "12:30", "12:05am": "00:05", "5:05pm": "17:05", "14:30": "14:30"} {
		if got := clock(sessionClock.FindStringSubmatch(in)); got != want {
			t.Errorf("clock(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScheduleWhen: the day, start and room each schedule shape of
// testdata/corpus4 states, with the line they were read from.
func TestScheduleWhen(t *testing.T) {
	w, err := DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.LoadDir("../testdata/corpus4")
	if err != nil {
		t.Fatal(err)
	}
	talks := map[string]*confgraph.Talk{}
	dated := 0
	for _, n := range res.Batch.Nodes() {
		if tk, ok := n.(*confgraph.Talk); ok {
			talks[tk.Title] = tk
			if tk.Date != "" {
				dated++
			}
		}
	}
	for _, tc := range []struct {
		title, date, start, room string
		line                     int
		snippet                  string // a regular expression
	}{
		// A sched page: the time line under the title, the venue under it.
		{"Envoy at the Edge of Reason", "2024-03-20", "11:00", "Paris Expo Porte de Versailles | Hall 7 | Level 7.3 | S03", 24, `^Wednesday March 20, 2024 11:00am`},
		{"Four and a Half Years of Kubernetes", "2018-12-11", "09:10", "Hall 4AB, Washington State Convention Center", 32, `^Tuesday December 11, 2018 9:10am`},
		// A CSV export: the date, start and room columns of the row.
		{"Envoy Gateway in a Bank That Still Runs Mainframes", "2024-08-22", "11:50", "Level 1 | Hung Hom Room 7", 21, `^2024-08-22,11:50,12:25`},
		// A post's When:/Where: lines, the year the event's.
		{"Karmada Fleet Drills for the Rest of Us", "2024-11-13", "11:15", "Salt Palace | Level 1 | Room 151 G", 19, `^When: Wednesday, November 13`},
		// A list item's DateTime: and Venue: keys, on 24 hours.
		{"Durable Workflows Without the Drama: Running Dapr in Production at a Logistics Company", "2025-04-03", "14:30", "Level 0 | ICC Capital Hall | Room N", 21, `DateTime: Thursday April 3, 2025 14:30`},
	} {
		tk := talks[tc.title]
		if tk == nil {
			t.Errorf("no talk %q", tc.title)
			continue
		}
		if tk.Date != tc.date || tk.StartsAt != tc.start || tk.Room != tc.room {
			t.Errorf("%q: %s %s in %q, want %s %s in %q", tc.title, tk.Date, tk.StartsAt, tk.Room, tc.date, tc.start, tc.room)
		}
		if tk.Scheduled.Line != tc.line || !regexp.MustCompile(tc.snippet).MatchString(tk.Scheduled.Snippet) || tk.Scheduled.Document == "" {
			t.Errorf("%q: evidence %+v, want line %d matching %s", tc.title, tk.Scheduled, tc.line, tc.snippet)
		}
	}
	// Schedules that give no time (a picks list, a link list) date nothing;
	// the others date their sessions.
	if dated < 40 {
		t.Errorf("%d talks of corpus4 dated, want at least 40", dated)
	}
}

// TestItemSpans: the lines that describe a talk, whatever the post's shape.
func TestItemSpans(t *testing.T) {
	for _, tc := range []struct {
		name, doc, title, want string
	}{
		{"LinkedTitleThenSentence",
			"# KubeCon Europe 2024 highlights\n\n1. [**Quotas at Scale**](https://www.youtube.com/watch?v=a): Ana Luz and Bo Chan shared how they run Kueue for forty teams.\n2. [**Edge Notes**](https://www.youtube.com/watch?v=b): lightweight clusters like k3s in shops.\n",
			"Quotas at Scale", ": Ana Luz and Bo Chan shared how they run Kueue for forty teams."},
		{"AttributionIsNoDescription",
			"# KubeCon Europe 2024 picks\n\n- [Quotas at Scale](https://sched.co/a) - 15-minute presentation by Ana Luz, Carvel Maintainer\n",
			"Quotas at Scale", ""},
		{"FieldsOfTheEntryBelongToIt",
			"# KubeCon Europe 2024 picks\n\n- Title: **[Quotas at Scale](https://sched.co/a)**\n- Speakers: Ana Luz (Acme)\n\nAna will show Kueue on a real cluster.\n",
			"Quotas at Scale", "- Speakers: Ana Luz (Acme) / Ana will show Kueue on a real cluster."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := recap.Parse("t.md", strings.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			items := doc.Items()
			for i, sp := range itemSpans(doc, items) {
				if items[i].Title != tc.title {
					continue
				}
				var got []string
				for _, l := range sp.lines {
					got = append(got, strings.TrimSpace(l.Text))
				}
				if g := strings.Join(got, " / "); g != tc.want {
					t.Errorf("span = %q, want %q", g, tc.want)
				}
				return
			}
			t.Fatalf("no item %q among %+v", tc.title, items)
		})
	}
}

// TestAgainWithoutArticle: a title that names an ambiguous project after
// an article ("the Helm") and again on its own discusses it; one that
// names it only after an article does not.
func TestAgainWithoutArticle(t *testing.T) {
	w, err := DefaultWorld()
	if err != nil {
		t.Fatal(err)
	}
	for title, want := range map[string]bool{
		"Growing the Helm Ecosystem With Helm 4": true,
		"Who Takes the Helm When Nobody Does":    false,
	} {
		hits := w.Projects.FindIn(title, map[string]bool{"chart": true, "charts": true, "kubernetes": true})
		got := false
		for _, h := range hits {
			if h.Spec.Name == "Helm" && (!afterArticle(title, h.Start) || againWithoutArticle(title, h)) {
				got = true
			}
		}
		if got != want {
			t.Errorf("%q discusses Helm = %v, want %v", title, got, want)
		}
	}
}

// TestRowDurationIsItsOwn: a schedule row's duration is its own time
// range's; the row under it (another item's hours) is no part of it.
func TestRowDurationIsItsOwn(t *testing.T) {
	doc := "# Our booth at KubeCon Japan 2025\n\nWhen | Topic | Presenter\n---|---|---\n10:30 - 11:05 | _Weeding Pods With Argo CD_ | Ana Luz\n-- | _Pruning Charts With Helm_ | Bo Chan\nJune 16 10:30 - 14:30 | Booth open\n\nBoth talks end with a demo of Prometheus dashboards.\n"
	b, got := loadDurations(t, doc)
	if got["Weeding Pods With Argo CD"] != 35 || got["Pruning Charts With Helm"] != 0 || len(got) != 2 {
		t.Errorf("durations = %v, want Weeding Pods 35, Pruning Charts 0", got)
	}
	// The text after the table is about both rows, no one row's.
	for _, r := range b.Rels() {
		if r.Type == confgraph.RelDiscusses && strings.Contains(r.To, "prometheus") {
			t.Errorf("%s DISCUSSES %s from the text after the table", r.From, r.To)
		}
	}
}

// TestScheduleExportFields: a schedule exported as text, each session a
// heading line with the anchor sign its page left ("Title#") over "Time:",
// "Speakers:" and "Venue:" fields whose times carry their zone.
func TestScheduleExportFields(t *testing.T) {
	doc := "KubeCon + CloudNativeCon North America 2031#\nThursday, November 13, 2031#\nKeynote: Gardens Beyond Operations#\nTime: 9:07am EST - 9:23am EST\nSpeakers: Ana Luz (Principal Engineer, Acme)\nVenue: Hall B\nType: KEYNOTE SESSIONS\n" +
		"Weeding Pods With Flux#\nTime: 11:00am EST - 11:30am EST\nSpeakers: Bo Chan (Engineer, Initech)\nVenue: Room 2\nType: TALK\n"
	_, got := loadDurations(t, doc)
	want := map[string]int{"Gardens Beyond Operations": 16, "Weeding Pods With Flux": 30}
	if !maps.Equal(got, want) {
		t.Errorf("talks = %v, want %v", got, want)
	}
}

// TestKoreanRecapIsAnAccount: a Korean post told in the first person and
// the past tense is a recap, even when the one session it names comes
// with its speaker.
func TestKoreanRecapIsAnAccount(t *testing.T) {
	doc := "# KubeCon NA 2020 핵심 요약\n\n저는 지난주에 가상 KubeCon NA 이벤트를 마쳤습니다. 훌륭한 세션이 너무 많았습니다.\n\n" +
		"메시지를 강화한 것은 Ana Luz 가 훌륭한 기조 연설 인“ The Garden Journey @Acme ”에서였습니다.\n\n나는 많은 것을 배웠습니다.\n"
	b, _, _, err := world(t).LoadDocument("d.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	recaps, talks := 0, 0
	for _, n := range b.Nodes() {
		switch n.(type) {
		case *confgraph.Recap:
			recaps++
		case *confgraph.Talk:
			talks++
		}
	}
	if recaps != 1 || talks != 1 {
		t.Errorf("recaps = %d, talks = %d, want 1 and 1", recaps, talks)
	}
}

// TestTalkPage: a page about one session — a speaker's talk page with
// front matter fields of a talk, a talk-tracking site's page with an
// abstract — is a listing of that session, titled by the page; a post
// whose title names the conference stays a recap.
func TestTalkPage(t *testing.T) {
	tests := []struct {
		name, doc string
		talks     []string // title | speakers
		recap     bool
	}{
		{"FrontMatterFields", "---\ntitle: Walls Around Gardens\nsubtitle: What if the weeds climb?\ndate: 2024-11-12\nslides: https://example.org/walls.pdf\nvenue: KubeCon NA 2024 Salt Lake City\ncospeaker: Bo Chan\n---\n\nWhat happens when a weed escapes its bed? In this talk we look at Flux and its fences.\n",
			[]string{"Walls Around Gardens | Bo Chan"}, false},
		{"TitleWithPeopleAndAbstract", "---\ntitle: \"Pruning Pods Politely - Ana Luz & Bo Chan, Acme\"\ncategories: [\"KubeCon + CloudNativeCon North America 2024\"]\n---\n\n## Abstract\n\nPods grow wild. This talk shows how Acme prunes them.\n\n[Sched URL](https://kccncna2024.sched.com/event/abc)\n",
			[]string{"Pruning Pods Politely | Ana Luz, Bo Chan"}, false},
		{"EventSuffixInTitle", "---\ntitle: Caching Seeds Across Clusters / KubeCon + CloudNativeCon Japan\nspeakerdeck_url: https://speakerdeck.com/x/y\nevent: \"KubeCon + CloudNativeCon Japan 2025\"\n---\n\nSeeds take long to pull.\n",
			[]string{"Caching Seeds Across Clusters | "}, false},
		{"SlidesReadmeWithoutFrontMatter", "# Why Your Weeds Lie\n\nDiagnosing Gardens with Minimal Metrics\n\nKubeCon + CloudNativeCon China 2025 · 2025-06-10 16:15 · Harbour Hall · 30 分钟含 QA\n讲者：Ana Luz（[@analuz](https://github.com/analuz)）、Bo Chan（[@bochan](https://github.com/bochan)）— Acme · 演讲语言：中文\n\n## 本地预览\n\n```bash\npnpm dev\n```\n",
			[]string{"Why Your Weeds Lie | Ana Luz, Bo Chan"}, false},
		{"PostWithOnlyAnEventField", "---\ntitle: Thoughts on Platform Gardening\nevent: KubeCon Europe 2024\n---\n\nI went to Paris for KubeCon Europe 2024 and loved it. The keynotes were great and the hallway even better.\n",
			nil, true},
		{"RecapWithEventField", "---\ntitle: My KubeCon Europe 2024 Recap\nevent: KubeCon Europe 2024\n---\n\nI went to Paris and loved it. The keynotes were great.\n",
			nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, _, _, err := world(t).LoadDocument("d.md", []byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			people := map[string][]string{}
			titles := map[string]string{}
			recap := false
			for _, n := range b.Nodes() {
				switch n := n.(type) {
				case *confgraph.Talk:
					titles[n.ID] = n.Title
				case *confgraph.Recap:
					recap = true
				}
			}
			for _, r := range b.Rels() {
				if r.Type == confgraph.RelPresented {
					people[r.To] = append(people[r.To], b.Node(r.From).(*confgraph.Speaker).Name)
				}
			}
			var got []string
			for id, title := range titles {
				slices.Sort(people[id])
				got = append(got, title+" | "+strings.Join(people[id], ", "))
			}
			if !slices.Equal(got, tc.talks) || recap != tc.recap {
				t.Errorf("talks = %q, recap = %v; want %q, %v", got, recap, tc.talks, tc.recap)
			}
		})
	}
}

// TestTimesLeadTheirEntries: a page that prints each session's time alone
// above its entry gives each entry the time above it, not the next one's.
func TestTimesLeadTheirEntries(t *testing.T) {
	doc := "## Unsere Sessions auf der KubeCon Europe 2024 in Paris\n\n### Mittwoch, 20. März\n\n09:42 - 09:57 CET\n\n* [Keynote: Laufzeitsicherheit als gemeinsame Aufgabe](https://sched.co/a)\n\n" +
		"11:55 - 12:30 CET\n\n* [Verdächtiges Verhalten in Clustern erkennen](https://sched.co/b)\n\n17:15 - 17:20 CET\n\n* [Lightning Talk: Regeln testen, bevor sie Alarm schlagen](https://sched.co/c)\n"
	_, got := loadDurations(t, doc)
	want := map[string]int{"Laufzeitsicherheit als gemeinsame Aufgabe": 15, "Verdächtiges Verhalten in Clustern erkennen": 35, "Lightning Talk: Regeln testen, bevor sie Alarm schlagen": 5}
	if !maps.Equal(got, want) {
		t.Errorf("durations = %v, want %v", got, want)
	}
}

// loadDurations loads a document and returns its batch and its talks'
// durations by title.
func loadDurations(t *testing.T, doc string) (*confgraph.Batch, map[string]int) {
	t.Helper()
	b, _, _, err := world(t).LoadDocument("d.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, n := range b.Nodes() {
		if tk, ok := n.(*confgraph.Talk); ok {
			got[tk.Title] = tk.DurationMinutes
		}
	}
	return b, got
}

// TestBoothParagraphIsThePages: a paragraph about where to meet the page's
// people (a kiosk, a booth, "am Falco-Stand") after the last entry gives
// that entry no projects.
func TestBoothParagraphIsThePages(t *testing.T) {
	doc := "# Flux at KubeCon Europe 2024 in Paris\n\n- [Weeding Pods at Scale](https://sched.co/a) - Ana Luz, Acme\n- [Office Hours With the Maintainers](https://sched.co/b) - Bo Chan, Initech\n\n" +
		"Come and say hello at the Flux kiosk in the Project Pavilion, where we demo Flux and Flagger all week.\n"
	b, _, _, err := world(t).LoadDocument("d.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.Rels() {
		if r.Type == confgraph.RelDiscusses && strings.Contains(r.From, "office") {
			t.Errorf("%s DISCUSSES %s from the booth paragraph", r.From, r.To)
		}
	}
}
