package recap

import (
	"strings"
	"testing"
)

// describe writes an item as the tests compare it: rule, title, people,
// and the marks that change how it counts.
func describe(it Item) string {
	s := it.Rule + ": " + it.Title
	for _, sp := range it.Speakers {
		s += " | " + sp.Name + " @ " + sp.Company
	}
	if it.Weak {
		s += " (weak)"
	}
	if it.SpeakerOnly {
		s += " (speaker only)"
	}
	if it.SurelyNamed {
		s += " (surely named)"
	}
	return s
}

// TestTitleWithSpeakers: each shape of a line split by a dash, read by
// the rule it names.
func TestTitleWithSpeakers(t *testing.T) {
	tests := []struct {
		name, line string
		heading    bool
		want       string // "" when no rule reads the line
	}{
		{"TitleDashPeople", "Gardening for Operators - Ada Quill, Larchmont", false,
			"title-dash-people: Gardening for Operators | Ada Quill @ Larchmont"},
		{"HeadingDashPeople", "Gardening for Operators - Ada Quill, Larchmont", true,
			"heading-dash-people: Gardening for Operators | Ada Quill @ Larchmont"},
		{"LevelMarkIsNoPartOfTheTitle", "Gardening for Operators I - Ada Quill, Larchmont", false,
			"title-dash-people: Gardening for Operators | Ada Quill @ Larchmont"},
		{"SentenceCaseTitleIsWeak", "How we weeded our clusters - Ada Quill, Larchmont", false,
			"title-dash-people: How we weeded our clusters | Ada Quill @ Larchmont (weak)"},
		{"KeynoteInSentenceCaseIsNotWeak", "Keynote: welcome back to the garden - Ada Quill, Larchmont", false,
			"title-dash-people: welcome back to the garden | Ada Quill @ Larchmont"},
		{"LastDashSplitsTitleFromPeople", "Weeds - Why They Grow - Ada Quill, Larchmont", false,
			"title-dash-people: Weeds - Why They Grow | Ada Quill @ Larchmont"},
		{"SpeakerDashCompanyHeading", "Ada Quill - Larchmont", true,
			"speaker-dash-company: Ada Quill - Larchmont | Ada Quill @ Larchmont (speaker only)"},
		{"SpeakerDashCompanyNeedsAHeading", "Ada Quill - Larchmont", false, ""},
		{"SpeakerDashTitleLine", "Ada Quill - Gardening for Busy Operators", false,
			"speaker-dash-title: Gardening for Busy Operators | Ada Quill @  (surely named)"},
		{"StructuralWordBeforeTheDashIsNoSpeaker", "Day Two - Gardening for Busy Operators", true, ""},
		{"SentenceAfterTheDash", "Gardening for Operators - it was great.", false, ""},
		{"LeadAfterTheDash", "Gardening for Operators - Ada Quill:", false, ""},
		{"NoDash", "Gardening for Operators", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if it, ok := titleWithSpeakers(tc.line, tc.heading, gaz{}); ok {
				got = describe(it)
			}
			if got != tc.want {
				t.Errorf("titleWithSpeakers(%q, %v) = %q, want %q", tc.line, tc.heading, got, tc.want)
			}
		})
	}
}

func TestSpeakerFirst(t *testing.T) {
	tests := []struct {
		name, left, right string
		heading           bool
		want              bool
	}{
		{"HeadingWithAName", "Ada Quill", "Larchmont", true, true},
		{"LineWithANameAndATitle", "Ada Quill", "Gardening for Busy Operators", false, true},
		{"LineWithANameAndACompany", "Ada Quill", "Larchmont", false, false},
		{"LineWithANameAndASentence", "Ada Quill", "we all loved her talk", false, false},
		{"StructuralWord", "Morning Keynotes", "Gardening for Busy Operators", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := speakerFirst(tc.left, tc.right, tc.heading); got != tc.want {
				t.Errorf("speakerFirst(%q, %q, %v) = %v, want %v", tc.left, tc.right, tc.heading, got, tc.want)
			}
		})
	}
}

func TestSpeakerDashCompanyAndTitle(t *testing.T) {
	tests := []struct {
		name, left, right string
		company, title    bool // which of the two rules reads the line
	}{
		{"OneWordCompany", "Ada Quill", "Larchmont", true, false},
		{"CompanyOfMaxCompanyWords", "Ada Quill", "Larchmont Data Works", true, false},
		{"LowercaseIsNoCompany", "Ada Quill", "larchmont", false, false},
		{"TitleOfMoreThanMaxCompanyWords", "Ada Quill", "Gardening for Busy Operators", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			line := tc.left + " - " + tc.right
			if _, ok := speakerDashCompany(line, tc.left, tc.right); ok != tc.company {
				t.Errorf("speakerDashCompany(%q) = %v, want %v", line, ok, tc.company)
			}
			if _, ok := speakerDashTitle(line, tc.left, tc.right); ok != tc.title {
				t.Errorf("speakerDashTitle(%q) = %v, want %v", line, ok, tc.title)
			}
		})
	}
}

func TestNamedInProseItems(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
	}{
		{"Called", "I liked the session called Compost for Clusters. It was short.", []string{"named-in-prose: Compost for Clusters"}},
		{"TitledInQuotes", "Then came a talk titled “Weeding at Scale”.", []string{"named-in-prose: Weeding at Scale"}},
		{"Two", "One talk named Compost for Clusters. Another one called Seeds and Shards.",
			[]string{"named-in-prose: Compost for Clusters", "named-in-prose: Seeds and Shards"}},
		{"NotTitleShaped", "We saw the one called Weeding with a friend of mine today.", nil},
		{"NoTalkWord", "My dog is named Compost for Clusters.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, it := range namedInProseItems(tc.line) {
				got = append(got, describe(it))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("namedInProseItems(%q) =\n%s\nwant\n%s", tc.line, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestTitleThenPeople(t *testing.T) {
	tests := []struct {
		name, title, next string
		strict            bool
		want              string
	}{
		{"SpeakerLine", "Gardening for Operators", "Ada Quill, Head Gardener, Larchmont", true,
			"title-then-people: Gardening for Operators | Ada Quill @ Larchmont"},
		{"NameAndJob", "Gardening for Operators", "Ada Quill, Staff Engineer", true,
			"title-then-people: Gardening for Operators | Ada Quill @ "},
		{"SpeakersLead", "Gardening for Operators", "Presenters: Ada Quill and Bo Reed", true,
			"title-then-people: Gardening for Operators | Ada Quill @  | Bo Reed @ "},
		{"LooseTitleIsWeak", "How we weeded our clusters", "Ada Quill, Head Gardener, Larchmont", false,
			"title-then-people: How we weeded our clusters | Ada Quill @ Larchmont (weak)"},
		{"ProseIsNoPeople", "Gardening for Operators", "Ada showed us, with care, how to weed.", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if it, ok := titleThenPeople(tc.title, tc.next, tc.strict, gaz{}); ok {
				got = describe(it)
			}
			if got != tc.want {
				t.Errorf("titleThenPeople(%q, %q) = %q, want %q", tc.title, tc.next, got, tc.want)
			}
		})
	}
}

func TestTitleAlone(t *testing.T) {
	const prose = "Ada showed how she keeps a hundred clusters weeded."
	tests := []struct {
		name, title, next string
		heading, strict   bool
		want              string
	}{
		{"Heading", "Gardening for Operators", "", true, true, "heading: Gardening for Operators"},
		{"LineAboveProse", "Gardening for Operators", prose, false, true, "standalone-title: Gardening for Operators"},
		{"LooseLineIsWeak", "How we weeded our clusters", prose, false, false, "standalone-title: How we weeded our clusters (weak)"},
		{"LineAboveNoProse", "Gardening for Operators", "Seeds and Shards", false, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if it, ok := titleAlone(tc.title, tc.next, tc.heading, tc.strict); ok {
				got = describe(it)
			}
			if got != tc.want {
				t.Errorf("titleAlone(%q, %q) = %q, want %q", tc.title, tc.next, got, tc.want)
			}
		})
	}
}

func TestPlaceOf(t *testing.T) {
	tests := []struct {
		name, line string
		deepest    int
		want       linePlace
		text       string
	}{
		{"PlainPost", "Gardening for Operators", 0, placeText, "Gardening for Operators"},
		{"TopLevelOnly", "# Gardening for Operators", 1, placeSection, "Gardening for Operators"},
		{"DeepestLevel", "### Gardening for Operators", 3, placeSessionHeading, "Gardening for Operators"},
		{"AboveDeepest", "## Day 1", 3, placeSection, "Day 1"},
		{"PlainLineUnderSubheadings", "Gardening for Operators", 2, placeProse, "Gardening for Operators"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, text := placeOf(tc.line, tc.deepest); got != tc.want || text != tc.text {
				t.Errorf("placeOf(%q, %d) = %d, %q; want %d, %q", tc.line, tc.deepest, got, text, tc.want, tc.text)
			}
		})
	}
}

func TestNoLineItem(t *testing.T) {
	captions := captionPrefixes([]Line{{1, "Booth: our stand"}, {2, "Booth: the crowd"}, {3, "Booth: stickers"}, {4, "Track: Seeds and Shards"}})
	tests := []struct {
		line string
		want bool
	}{
		{"", true},
		{"Booth: the crowd", true}, // minCaptionLines lines share "Booth:"
		{"Track: Seeds and Shards", false},
		{"![a photo](garden.png)", true},
		{"> a quotation", true},
		{"| a | table |", true},
		{"- a list item", true},
		{"[a link](https://example.org)", true},
		{"Gardening for Operators", false},
	}
	for _, tc := range tests {
		if got := noLineItem(tc.line, captions); got != tc.want {
			t.Errorf("noLineItem(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestColonPrefix(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Booth: our stand", "Booth"},
		{"Day 1 Booth: our stand", "Day 1 Booth"},
		{"Gardening for Busy Operators: A Guide", ""}, // more than maxCaptionPrefixWords words
		{"No colon here", ""},
	}
	for _, tc := range tests {
		if got := colonPrefix(tc.line); got != tc.want {
			t.Errorf("colonPrefix(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestLineRulesNameTheirItems: whole posts, each item named by the rule
// that read it.
func TestLineRulesNameTheirItems(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"SpeakerFirstHeadings", "# Garden Notes\n\n## Talks\n\n### Ada Quill - Larchmont\n\nHer keynote was about weeds.\n\n### Bo Reed - Seeds and Shards at Scale\n\nThis talk was about seeds.\n",
			[]string{"speaker-dash-company: Ada Quill - Larchmont | Ada Quill @ Larchmont (speaker only)",
				"speaker-dash-title: Seeds and Shards at Scale | Bo Reed @  (surely named)"}},
		{"PlainLines", "Garden Notes\n\nGardening for Operators - Ada Quill, Larchmont\n\nCompost for Clusters\nBo Reed, Head Gardener, Larchmont\n\nWeeding at Scale\n\nCy Moss showed how to weed a hundred clusters in a week.\n",
			[]string{"title-dash-people: Gardening for Operators | Ada Quill @ Larchmont",
				"title-then-people: Compost for Clusters | Bo Reed @ Larchmont",
				"standalone-title: Weeding at Scale | Cy Moss @ "}}, // the people from the prose under it
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("r.md", strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			d.Gazetteer = gaz{}
			var got []string
			for _, it := range d.Items() {
				got = append(got, describe(it))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestFieldLineIsNoTitle: a "Key: value" line whose key is a session's
// field (a venue, a location) stands alone above prose but names no talk.
func TestFieldLineIsNoTitle(t *testing.T) {
	text := "Gardening at KubeCon 2031\n\nSee you at the booth.\n\nVenue Location: Harbour Hall * 10 Quay Street, Valletta\n\nGoogle is a proud sponsor of KubeCon 2031 and will be giving away seeds to everyone who drops by.\n"
	for _, got := range itemTitles(t, text) {
		if strings.Contains(got, "Venue") {
			t.Errorf("item %q read from a field line", got)
		}
	}
}
