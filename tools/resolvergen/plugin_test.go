package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// sponsors is a relationship type the conference graph does not have: a
// company sponsoring an event.
var sponsors = &confgraph.RelSpec{Type: "SPONSORS", From: confgraph.LabelCompany, To: confgraph.LabelEvent,
	Out: confgraph.RelEnd{Field: "sponsored"}, In: confgraph.RelEnd{Field: "sponsors"}}

// sponsorsFields are its fields in both directions, as schema.graphqls
// would declare them.
const sponsorsFields = `
extend type Company {
  sponsored(where: EventWhere, sort: [EventSort!], limit: Int, offset: Int): [Event!]! @goField(batch: true)
  sponsoredConnection(where: EventWhere, sort: [EventSort!], first: Int, after: String): RelatedEventConnection! @goField(batch: true)
}
extend type Event {
  sponsors(where: CompanyWhere, sort: [CompanySort!], limit: Int, offset: Int): [Company!]! @goField(batch: true)
  sponsorsConnection(where: CompanyWhere, sort: [CompanySort!], first: Int, after: String): RelatedCompanyConnection! @goField(batch: true)
}
`

// withSponsors is the conference graph with the SPONSORS row added.
func withSponsors() *confgraph.Schema {
	s := *confgraph.Graph
	s.Rels = append(slices.Clone(s.Rels), sponsors)
	return &s
}

// generate runs the plugin over the repository's gqlgen configuration
// with extra schema text, writing beside a copy of graph/'s hand-written
// files (and extra ones, by name), and returns the file it wrote ("" when
// none).
func generate(t *testing.T, table *confgraph.Schema, schema string, files map[string]string) (string, error) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir("../..")
	cfg, err := config.LoadConfig("gqlgen.yml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Sources = append(cfg.Sources, &ast.Source{Name: "extra.graphqls", Input: schema})
	// The committed models stand in for modelgen, which would rewrite them.
	cfg.AutoBind = append(cfg.AutoBind, "github.com/confgraph/confgraph/graph")
	if err := cfg.LoadSchema(); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Init(); err != nil {
		t.Fatal(err)
	}
	data, err := codegen.BuildData(cfg)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob("graph/*.go")
	for _, name := range names {
		if !strings.HasSuffix(name, "_test.go") && filepath.Base(name) != "resolvers_gen.go" {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files[filepath.Base(name)] = string(b)
		}
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "resolvers_gen.go")
	cfg.Resolver.Filename = out
	p := &plugin{schema: table, rankings: confgraph.Rankings}
	err = p.GenerateCode(data)
	b, _ := os.ReadFile(out)
	return string(b), err
}

var unqualify = regexp.MustCompile(`\bgraph\.(\w)`)

// method returns the generated method of a receiver, "" when none. The
// scratch directory is not package graph, so graph's types are written
// qualified there; method drops the qualifier.
func method(file, recv, name string) string {
	for _, m := range strings.Split(file, "\nfunc ")[1:] {
		if strings.HasPrefix(m, "(r *"+recv+") "+name+"(") {
			return unqualify.ReplaceAllString(m, "$1")
		}
	}
	return ""
}

func TestGenerate(t *testing.T) {
	t.Run("NewRelationship", func(t *testing.T) {
		// A row in the table and its fields in the schema are all it
		// takes: graph/ is not edited.
		file, err := generate(t, withSponsors(), sponsorsFields, map[string]string{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[[2]string]string{
			{"companyResolver", "Sponsored"}:           "relList[*confgraph.Event](ctx, r.Store, objs)",
			{"companyResolver", "SponsoredConnection"}: "relConnection[*RelatedEventConnection](ctx, r.Store, objs)",
			{"eventResolver", "Sponsors"}:              "relList[*confgraph.Company](ctx, r.Store, objs)",
			{"eventResolver", "SponsorsConnection"}:    "relConnection[*RelatedCompanyConnection](ctx, r.Store, objs)",
			{"talkResolver", "Speakers"}:               "relList[*confgraph.Speaker](ctx, r.Store, objs)",
		}
		for m, body := range want {
			if got := method(file, m[0], m[1]); !strings.Contains(got, "return "+body) {
				t.Errorf("%s.%s is %q, want it to return %s", m[0], m[1], got, body)
			}
		}
	})
	t.Run("ErrUndeclared", func(t *testing.T) {
		file, err := generate(t, withSponsors(), "", map[string]string{})
		want := "Company.sponsored: confgraph.Graph declares it, but schema.graphqls has no such field"
		if err == nil || !strings.Contains(err.Error(), want) || file != "" {
			t.Errorf("got %v and a file of %d bytes, want the error %q and no file", err, len(file), want)
		}
	})
	t.Run("ErrWrongType", func(t *testing.T) {
		wrong := strings.Replace(sponsorsFields, "): [Event!]!", "): [Talk!]!", 1)
		_, err := generate(t, withSponsors(), wrong, map[string]string{})
		want := "Company.sponsored: it lists the Event of SPONSORS followed out, so its type must be [Event!]!"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	})
	t.Run("ErrNoResolver", func(t *testing.T) {
		extra := "extend type Talk { hype: Int @goField(forceResolver: true) }"
		file, err := generate(t, confgraph.Graph, extra, map[string]string{})
		want := "Talk.hype has no resolver"
		if err == nil || !strings.Contains(err.Error(), want) || file != "" {
			t.Errorf("got %v and a file of %d bytes, want the error %q and no file", err, len(file), want)
		}
	})
	t.Run("ErrBoth", func(t *testing.T) {
		hand := "package graph\n\nfunc (r *companyResolver) SpeakerCount() {}\n"
		_, err := generate(t, confgraph.Graph, "", map[string]string{"hand.go": hand})
		want := "companyResolver.SpeakerCount is also written by hand in hand.go"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	})
}
