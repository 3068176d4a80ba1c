package listing

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func parseFile(t *testing.T, path string) *Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	d, err := Parse(filepath.Base(path), f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return d
}

type wantSpeaker struct{ name, part, role, company, bioCompany string }

func TestParseHeaderShapes(t *testing.T) {
	d := parseFile(t, "testdata/harbourcon.txt")
	if d.EventName != "KubeCon + CloudNativeCon Europe 2031" || d.EventCity != "Valencia" {
		t.Errorf("event = %q in %q, want KubeCon + CloudNativeCon Europe 2031 in Valencia", d.EventName, d.EventCity)
	}
	tests := []struct {
		name     string
		title    string
		level    string
		kind     string
		duration int
		speakers []wantSpeaker
	}{
		{"TwoSpeakersOneCompany", "Scaling Tide Pools with Kubernetes", "BEGINNER", "TALK", 31, []wantSpeaker{
			{"Wren Okafor", "speaker", "", "Driftwood Labs", "Driftwood Labs"},
			{"Tomasz Lindqvist", "speaker", "", "Driftwood Labs", "Driftwood Labs"},
		}},
		{"KeynoteWithRoleAndCommaCompany", "Steering the Ship", "", "KEYNOTE", 12, []wantSpeaker{
			{"Imani Castellanos", "speaker", "Vice President, Cloud & Edge Group", "Marlin Systems, Inc.", "Marlin Systems"},
		}},
		{"PanelistsOnlyInAbout", "Who Runs the Harbour?", "INTERMEDIATE", "PANEL", 63, []wantSpeaker{
			{"Priya Ramanathan", "moderator", "", "Open Harbour Foundation", "Open Harbour Foundation"},
			{"Jonas Eberhardt", "panelist", "", "", "Kelpworks"},
			{"Aiko Tanabe", "panelist", "", "", "Coral Reef Analytics"},
		}},
		{"DashInTitleAndIndependent", "Buoy Telemetry - The Long Way Round", "", "TALK", 28, []wantSpeaker{
			{"Sam Ferreira", "speaker", "", "Independent", "Saltmarsh Networks"},
			{"Lucía Ortega", "speaker", "", "Red Kelp, Inc.", ""},
		}},
		{"AffiliationWithCommasAndThreePeople", "Anchors Away: Stateful Workloads", "ADVANCED", "TALK", 35, []wantSpeaker{
			{"Dr. Noor Haddad", "speaker", "", "Pelican Institute (PIX), University of Lagos", ""},
			{"Kai Brandt", "speaker", "", "Tidewater", ""},
			{"Mei Lin", "speaker", "", "Tidewater", ""},
		}},
		{"AwardsWithoutSpeakers", "Lighthouse Awards", "", "OTHER", 20, nil},
		{"HostedSalon", "Harbour Salon", "", "OTHER", 45, []wantSpeaker{
			{"Tomasz Lindqvist", "host", "", "Driftwood Labs", ""},
		}},
		{"MissingCompany", "Quiet Waters: Debugging Without Logs", "INTERMEDIATE", "TALK", 33, []wantSpeaker{
			{"Bea Johansson", "speaker", "", "", "Gannet Compute"},
		}},
	}
	if len(d.Entries) != len(tests) {
		t.Fatalf("got %d entries, want %d", len(d.Entries), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := d.Entries[i]
			if e.Title != tt.title || e.Level != tt.level || e.Kind != tt.kind || e.Duration != tt.duration {
				t.Errorf("entry = %q %q %q %d min, want %q %q %q %d min", e.Title, e.Level, e.Kind, e.Duration, tt.title, tt.level, tt.kind, tt.duration)
			}
			var got []wantSpeaker
			for _, s := range e.Speakers {
				got = append(got, wantSpeaker{s.Name, s.Part, s.Role, s.Company, s.BioCompany})
			}
			if len(got) != len(tt.speakers) {
				t.Fatalf("speakers = %+v, want %+v", got, tt.speakers)
			}
			for k := range got {
				if got[k] != tt.speakers[k] {
					t.Errorf("speaker %d = %+v, want %+v", k, got[k], tt.speakers[k])
				}
			}
			if strings.Contains(e.Abstract, "Join us for") {
				t.Errorf("abstract keeps the repeated footer: %q", e.Abstract)
			}
		})
	}
}

func TestBoilerplateIsNotPartOfAnyTalk(t *testing.T) {
	d := parseFile(t, "testdata/harbourcon.txt")
	for _, e := range d.Entries {
		for _, s := range e.Speakers {
			if strings.Contains(s.Bio, "Join us for") || strings.Contains(s.Bio, "youtube image") {
				t.Errorf("%s: bio of %s keeps page furniture: %q", e.Title, s.Name, s.Bio)
			}
		}
	}
}

func TestParseRejectsDocumentsWithoutEntries(t *testing.T) {
	_, err := Parse("notes.txt", strings.NewReader("Just some notes\n\n  • 3 minutes\n"))
	if err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Fatalf("Parse = %v, want an error naming notes.txt", err)
	}
}

func TestGolden(t *testing.T) {
	d := parseFile(t, "testdata/harbourcon.txt")
	got, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := "testdata/harbourcon.golden.json"
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
		t.Errorf("parse of harbourcon.txt differs from %s; review with go test -update and git diff", golden)
	}
}

func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile("testdata/harbourcon.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("1 Jan 2020\n\nA - B,\n  • 1 minutes\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse("fuzz.txt", strings.NewReader(s))
		if err == nil && len(d.Entries) == 0 {
			t.Fatal("no error but no entries")
		}
	})
}

// TestAboutIsNotAlwaysAPerson: an abstract paragraph opening "About Envoy."
// names no speaker.
func TestAboutIsNotAlwaysAPerson(t *testing.T) {
	doc := `Conference / KubeCon + CloudNativeCon Europe 2031

1 Jan 2031

Proxies at Scale [I] - Ada Okafor, Acme Cloud

About Envoy.
It is a proxy.

About Ada Okafor
Ada works at Acme Cloud.
  • 1 participant
  • 30 minutes

1 Jan 2031

Meshes [B] - Bo Li, Acme Cloud

Text.
  • 1 participant
  • 30 minutes
`
	d, err := Parse("l.txt", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Entries[0].Speakers {
		if s.Name != "Ada Okafor" {
			t.Errorf("speaker %q, want only Ada Okafor", s.Name)
		}
	}
}
