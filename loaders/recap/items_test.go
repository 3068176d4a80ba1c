package recap

import (
	"strings"
	"testing"

	"github.com/confgraph/confgraph/loaders/listing"
)

func itemTitles(t *testing.T, text string) []string {
	t.Helper()
	d, err := Parse("r.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range d.Items() {
		s := it.Title
		for _, sp := range it.Speakers {
			s += " | " + sp.Name + " @ " + sp.Company
		}
		if it.Weak {
			s += " (weak: counts only if it names a known session)"
		}
		out = append(out, s)
	}
	return out
}

func TestItems(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"TitleDashSpeakersWithCaptions", `KubeCon Valencia 2031

Morning Keynotes

Harbour: Keynote Day #1 Shot #1
Harbour: Keynote crowd
Harbour: Booth

Steering the Ship - Imani Castellanos, Vice President, Cloud & Edge Group, Marlin Systems

Tide Pools at Scale I - Wren Okafor & Tomasz Lindqvist, Driftwood Labs

The keynote was great - everyone said so.
`, []string{
			"Steering the Ship | Imani Castellanos @ Marlin Systems",
			"Tide Pools at Scale | Wren Okafor @ Driftwood Labs | Tomasz Lindqvist @ Driftwood Labs",
		}},
		{"TitleThenSpeakerLine", `CloudNativeCon + KubeCon Europe 2031

Day 1

Counting Buoys with Prometheus
Priya Ramanathan, Open Harbour Foundation
Priya showed how buoys are counted.

All Attendees Party
The party was fun.
`, []string{"Counting Buoys with Prometheus | Priya Ramanathan @ Open Harbour Foundation"}},
		{"MarkdownHeadings", `---
title: "Valencia 2031 notes"
date: 2031-06-09
---

## Keynote Summaries

### Imani Castellanos - Marlin

Notes on the keynote.

## Session Notes

### Tide Pools at Scale

Some notes.
`, []string{"Imani Castellanos - Marlin | Imani Castellanos @ Marlin", "Tide Pools at Scale"}},
		{"TitleAbovePararaph", `The 2031 KubeCon in Valencia, Spain

Day 2 Keynotes

Lightning talks

Whats Up With All The Different Buoys?

There are many buoys and I was still a little clueless after this session, to be honest.

Have Fun!

The best talk for me was the one named Crossing the Bay by Feeling the Stones. It was about strategy.
`, []string{"Lightning talks (weak: counts only if it names a known session)", "Whats Up With All The Different Buoys?", "Crossing the Bay by Feeling the Stones"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := itemTitles(t, tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestWithoutHost(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Breakfast with the Gardeners - Larchmont Media", "Breakfast with the Gardeners"},
		{"Weeds - Why They Grow", "Weeds - Why They Grow"},                                               // no organisation after the dash
		{"Gardening - Larchmont Media", "Gardening - Larchmont Media"},                                   // fewer than minTitleWords words before it
		{"Breakfast with the Gardeners - A B C D Media", "Breakfast with the Gardeners - A B C D Media"}, // more than maxHostWords
	}
	for _, tc := range tests {
		if got := withoutHost(tc.title, orgGaz{}); got != tc.want {
			t.Errorf("withoutHost(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// orgGaz knows any name ending in "Media" as an organisation.
type orgGaz struct{ gaz }

func (orgGaz) IsOrg(n string) bool { return strings.HasSuffix(n, " Media") }

func TestNoSession(t *testing.T) {
	person := []listing.Speaker{{Name: "Ada Quill"}}
	tests := []struct {
		name         string
		it           Item
		byConvention bool
		want         bool
	}{
		{"Title", Item{Title: "Gardening for Operators"}, false, false},
		{"SectionOfThePost", Item{Title: "Key Takeaways"}, false, true},
		{"SpeakersLead", Item{Title: "Speakers: Ada Quill"}, false, true},
		{"JapaneseCaptionOfAPerson", Item{Title: "園芸部長の Ada Quill 氏"}, false, true},
		{"PersonAlone", Item{Title: "Ada Quill"}, false, true},
		{"PersonAloneAtTheSessionLevel", Item{Title: "Ada Quill"}, true, false},
		{"PersonAloneLinkingARecording", Item{Title: "Ada Quill", Recording: true}, false, false},
		{"TopicHeading", Item{Title: "Flux & Argo"}, false, true},
		{"TopicHeadingWithPeople", Item{Title: "Flux & Argo", Speakers: person}, false, false},
		{"EventHeading", Item{Title: "Welcome to KubeCon India"}, false, true},
		{"LinkedWelcomeKeynoteWithItsSpeaker", Item{Title: "Welcome to KubeCon India", Speakers: person, Rule: RuleLinkItem}, false, false},
		{"RowOfADay2Talk", Item{Title: "Day 2 Operations for Gardens", Speakers: person, Rule: RuleTableRow}, false, false},
		{"RegistrationLinkWithAName", Item{Title: "Register for KubeCon India", Speakers: person, Rule: RuleLinkItem}, false, true},
		{"YearLineOfATimeline", Item{Title: "2023 AI"}, false, true},
		{"TitleOpeningWithAYearInJapanese", Item{Title: "2024年クラウドネイティブの現状"}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := noSession(tc.it, tc.byConvention, gaz{}); got != tc.want {
				t.Errorf("noSession(%q) = %v, want %v", tc.it.Title, got, tc.want)
			}
		})
	}
}

// TestDittoRows: rows whose first cell says "as above" are talks under a
// row that names no one ("Lightning talks") and items of a session under
// a row that has its presenters; names in katakana fill a presenter column.
func TestDittoRows(t *testing.T) {
	text := `# 前日イベント

時間 | トピック | 発表者
-----|--------|------
13:00 | ライトニングトーク
--    | _Kubernetes上の庭づくり_ | [アナ・ルス](https://example.org/a)
--    | _「as-a-Garden」パターンの実装_ | Bo Chan
14:00 | 作業グループの報告 | [WG リーダー](https://example.org/wg)
--    | _プラットフォーム_ | Cy Diaz
--    | _その他_
`
	got := strings.Join(itemTitles(t, text), "\n")
	want := strings.Join([]string{
		"Kubernetes上の庭づくり | アナ・ルス @ ",
		"「as-a-Garden」パターンの実装 | Bo Chan @ ",
	}, "\n")
	if got != want {
		t.Errorf("items:\n%s\nwant:\n%s", got, want)
	}
}

func TestCJKAlone(t *testing.T) {
	person := []listing.Speaker{{Name: "Ada Quill"}}
	tests := []struct {
		name string
		it   Item
		want bool
	}{
		{"JapaneseHeading", Item{Title: "一日目のまとめ", Rule: RuleHeading}, true},
		{"JapaneseLineAlone", Item{Title: "一日目のまとめ", Rule: RuleStandaloneTitle}, true},
		{"JapaneseWithPeople", Item{Title: "庭の手入れ入門", Rule: RuleHeading, Speakers: person}, false},
		{"JapaneseReadByAnotherRule", Item{Title: "庭の手入れ入門", Rule: RuleTitleBy}, false},
		{"EnglishHeading", Item{Title: "Gardening for Operators", Rule: RuleHeading}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cjkAlone(tc.it); got != tc.want {
				t.Errorf("cjkAlone(%+v) = %v, want %v", tc.it, got, tc.want)
			}
		})
	}
}

// TestHeadingConvention: what a post's deepest headings say about how it
// names sessions, and what that does to its items.
func TestHeadingConvention(t *testing.T) {
	tests := []struct {
		name, text        string
		deepest           int
		names, attributed bool
		items             []string
	}{
		{"SessionHeadings", "# Notes\n\n## Ada Quill\n\nHer talk was about weeds.\n\n## Compost for Clusters\n\nThis session had a demo.\n",
			2, true, false, []string{"Ada Quill", "Compost for Clusters"}}, // a name counts at the session level
		{"OneHeadingIsNoConvention", "# Notes\n\n## Ada Quill\n\nHer talk was about weeds.\n",
			2, false, false, nil},
		{"AttributedHeadings", "# Top\n\n## 1. Compost for Clusters, Ada Quill\n\nGood.\n\n## 2. Seeds and Shards, Bo Reed\n\nGood.\n\n## 3. Weeding at Scale, Cy Moss\n\nGood.\n\n## Where to Eat Nearby\n\nThe talks were great.\n",
			2, false, true, []string{"Compost for Clusters | Ada Quill", "Seeds and Shards | Bo Reed", "Weeding at Scale | Cy Moss", "Where to Eat Nearby (weak)"}},
		{"HeadingOverNoSession", "# Notes\n\n## Getting Around Valencia\n\nThe trams were quick.\n\n## Where to Eat Nearby\n\nTry the rice.\n",
			2, false, false, []string{"Getting Around Valencia (weak)", "Where to Eat Nearby (weak)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("r.md", strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			d.Gazetteer = gaz{}
			its := d.Items()
			c := headingConventionOf(d.Layout, its)
			if c.deepest != tc.deepest || c.names != tc.names || c.attributed != tc.attributed {
				t.Errorf("convention = %+v, want deepest %d, names %v, attributed %v", c, tc.deepest, tc.names, tc.attributed)
			}
			var got []string
			for _, it := range its {
				s := it.Title
				for _, sp := range it.Speakers {
					s += " | " + sp.Name
				}
				if it.Weak {
					s += " (weak)"
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(tc.items, "\n") {
				t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.items, "\n"))
			}
		})
	}
}

func TestMergeItems(t *testing.T) {
	person := []listing.Speaker{{Name: "Ada Quill"}}
	tests := []struct {
		name             string
		lines, fromBlock []Item
		want             []string
	}{
		{"BlockItemWithPeopleWins",
			[]Item{{Line: 3, Title: "Compost for Clusters", Rule: RuleStandaloneTitle}},
			[]Item{{Line: 3, Title: "Compost for Clusters", Rule: RuleTitleBy, Speakers: person}},
			[]string{"title-by: Compost for Clusters | Ada Quill @ "}},
		{"LineItemWithPeopleStays",
			[]Item{{Line: 3, Title: "Compost for Clusters", Rule: RuleTitleDash, Speakers: person}},
			[]Item{{Line: 3, Title: "Compost for Clusters", Rule: RuleHeading}},
			[]string{"title-dash-people: Compost for Clusters | Ada Quill @ "}},
		{"SurerItemWins",
			[]Item{{Line: 3, Title: "Compost for clusters", Rule: RuleStandaloneTitle, Weak: true}},
			[]Item{{Line: 3, Title: "Compost for clusters", Rule: RuleKindLead}},
			[]string{"kind-lead: Compost for clusters"}},
		{"AParagraphNamesSeveral",
			[]Item{{Line: 5, Title: "Compost for Clusters", Rule: RuleNamedInProse}},
			[]Item{{Line: 5, Title: "Seeds and Shards", Rule: RuleProseTitle}, {Line: 5, Title: "Weeding at Scale", Rule: RuleQuotedTitle}},
			[]string{"named-in-prose: Compost for Clusters", "prose-title: Seeds and Shards", "quoted-title: Weeding at Scale"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, it := range mergeItems(tc.lines, tc.fromBlock) {
				got = append(got, describe(it))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("mergeItems =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestRecordedProjectIsASession: a title that is only a project's name is a
// topic, unless it links a recording or slides among others that do.
func TestRecordedProjectIsASession(t *testing.T) {
	if !noSession(Item{Title: "Istio", Rule: RuleHeading}, false, gaz{}) {
		t.Error("heading 'Istio' read as a session")
	}
	if noSession(Item{Title: "Istio", Rule: RuleLinkItem, Recording: true}, false, gaz{}) {
		t.Error("'[Istio](slides.pdf)' not read as a session")
	}
	text := "# Decks\n\n* Mesh\n  * [Istio Intro](https://example.org/decks/istio-intro.pdf)\n  * [Linkerd Without Tears](https://example.org/decks/linkerd.pdf)\n"
	d, err := Parse("r.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	d.Gazetteer = gaz{}
	var got []string
	for _, it := range d.Items() {
		got = append(got, it.Title)
	}
	if strings.Join(got, "; ") != "Istio Intro; Linkerd Without Tears" {
		t.Errorf("items = %v, want Istio Intro and Linkerd Without Tears", got)
	}
}
