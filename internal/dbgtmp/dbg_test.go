package dbg

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/loaders/listing"
)

func TestDump(t *testing.T) {
	f, _ := os.Open("/work/shared/corpus/001_5b8ffd1119a2fd59.txt")
	d, err := listing.Parse("001", f)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(d.EventName, "|", d.EventCity, len(d.Entries), d.Warnings, d.Boilerplate)
	type gs struct{ Name, Company, CompanyFromBio, Role *string }
	var gold []struct {
		Title, RawHeader string
		Level, Kind      *string
		DurationMinutes  int
		Participants     int
		Position         int
		Speakers         []struct {
			Name           string
			Company        *string
			CompanyFromBio *string
			Role           *string
		}
		AboutOnlySpeakers []struct {
			Name           string
			CompanyFromBio *string
		}
	}
	b, _ := os.ReadFile("/work/shared/gold/talks.json")
	json.Unmarshal(b, &gold)
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	bad := 0
	for _, g := range gold {
		e := d.Entries[g.Position-1]
		var want, got []string
		for _, sp := range g.Speakers {
			want = append(want, fmt.Sprintf("%s|%s|%s|%s", sp.Name, s(sp.Company), s(sp.CompanyFromBio), s(sp.Role)))
		}
		for _, sp := range g.AboutOnlySpeakers {
			want = append(want, fmt.Sprintf("%s||%s|", sp.Name, s(sp.CompanyFromBio)))
		}
		for _, sp := range e.Speakers {
			got = append(got, fmt.Sprintf("%s|%s|%s|%s", sp.Name, sp.Company, sp.BioCompany, sp.Role))
		}
		ok := e.Title == g.Title && e.Level == s(g.Level) && e.Kind == s(g.Kind) && e.Duration == g.DurationMinutes && e.Participants == g.Participants && strings.Join(want, ";") == strings.Join(got, ";")
		if !ok {
			bad++
			fmt.Printf("#%d %q\n  want %q %s %s %d %d %v\n  got  %q %s %s %d %d %v\n", g.Position, g.RawHeader, g.Title, s(g.Level), s(g.Kind), g.DurationMinutes, g.Participants, want, e.Title, e.Level, e.Kind, e.Duration, e.Participants, got)
		}
	}
	fmt.Println("bad", bad, "of", len(gold))
}
