package main

import (
	"slices"
	"strings"
	"testing"
)

const corpus4 = "../../testdata/corpus4"

// TestScheduleOnBothStores: what schedules say of when and where talks
// were given, asked as a frontend would, from the embedded store and
// from Neo4j loaded with the same documents.
func TestScheduleOnBothStores(t *testing.T) {
	t.Run("Memory", func(t *testing.T) {
		base, _ := boot(t, "--corpus", corpus4)
		checkSchedule(t, base)
	})
	t.Run("Neo4j", func(t *testing.T) {
		clearNeo4j(t)
		if _, stderr, err := run(t, append([]string{"load", "--corpus", corpus4}, neo4jArgs(t)...)...); err != nil {
			t.Fatalf("load: %v\n%s", err, stderr)
		}
		base, _ := boot(t, append([]string{"--store", "neo4j"}, neo4jArgs(t)...)...)
		waitReady(t, base)
		checkSchedule(t, base)
	})
}

func checkSchedule(t *testing.T, base string) {
	t.Run("ReadmeCookbook", func(t *testing.T) { checkReadmeOn(t, base, true) })

	// One day of Paris 2024, in order: the sched page's five talks of
	// Wednesday March 20.
	var d struct {
		Talks []struct {
			Title, Date, StartsAt, Room string
			Scheduled                   struct {
				Document string
				Line     int
				Snippet  string
			}
		}
	}
	decode(t, base, `{ talks(where: { event: { name: { eq: "KubeCon + CloudNativeCon Europe 2024" } }, date: { eq: "2024-03-20" } }, sort: [{ startsAt: ASC }]) {
  title date startsAt room scheduled { document line snippet } } }`, nil, &d)
	var titles []string
	for i, tk := range d.Talks {
		titles = append(titles, tk.StartsAt+" "+tk.Title)
		if tk.Date != "2024-03-20" || i > 0 && tk.StartsAt < d.Talks[i-1].StartsAt {
			t.Errorf("%q on %s at %s: not in the day's order", tk.Title, tk.Date, tk.StartsAt)
		}
		if !strings.Contains(tk.Scheduled.Snippet, "Wednesday March 20, 2024") || tk.Scheduled.Line == 0 || !strings.HasPrefix(tk.Scheduled.Document, "302_") {
			t.Errorf("%q: evidence %+v, want the sched page's time line", tk.Title, tk.Scheduled)
		}
	}
	want := []string{"11:00 Envoy at the Edge of Reason", "11:55 Falco Rules at the Speed of Pager", "14:30 Kueue: Project Update and What's Next",
		"15:25 Lightning Talk: Backstage Plugins for People Who Hate Writing Plugins", "16:30 Sovereign Cloud, Open Source and the Linux Foundation Europe"}
	if len(titles) != len(want) || titles[0] != want[0] || titles[1] != want[1] || titles[2] != want[2] {
		t.Errorf("Wednesday March 20:\n  %q\nwant\n  %q", titles, want)
	}
	if len(d.Talks) > 0 && d.Talks[0].Room != "Paris Expo Porte de Versailles | Hall 7 | Level 7.3 | S03" {
		t.Errorf("room of %q = %q", d.Talks[0].Title, d.Talks[0].Room)
	}

	// Afternoon talks of the CSV export's first day, by room then time.
	var a struct {
		Talks []struct{ Title, StartsAt, Room string }
	}
	decode(t, base, `{ talks(where: { date: { eq: "2024-08-21" }, startsAt: { gte: "14:00" } }, sort: [{ room: ASC }, { startsAt: ASC }]) { title startsAt room } }`, nil, &a)
	var rooms []string
	for _, tk := range a.Talks {
		if tk.StartsAt < "14:00" {
			t.Errorf("%q starts at %s, before 14:00", tk.Title, tk.StartsAt)
		}
		rooms = append(rooms, tk.Room)
	}
	if len(a.Talks) < 3 || !slices.IsSorted(rooms) {
		t.Errorf("afternoon of 2024-08-21 by room: %+v", a.Talks)
	}

	// Bad input is named.
	r := query(t, base, `{ talks(where: { startsAt: { gte: "2pm" } }) { title } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "HH:MM") {
		t.Errorf("startsAt 2pm: %+v, want one BAD_USER_INPUT naming HH:MM", r.Errors)
	}
}
