package recap

import (
	"strings"
	"testing"
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
