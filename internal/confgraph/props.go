package confgraph

import (
	"crypto/sha1"
	"encoding/hex"
)

// Properties returns a node's properties as stored in Neo4j and written by
// the export: camelCase names, empty values left out, lists of strings for
// aliases. The id is included.
func Properties(n Node) map[string]any {
	p := map[string]any{"id": n.NodeID()}
	set := func(k string, v any) {
		switch x := v.(type) {
		case string:
			if x == "" {
				return
			}
		case int:
			if x == 0 {
				return
			}
		case []string:
			if len(x) == 0 {
				return
			}
		}
		p[k] = v
	}
	switch v := n.(type) {
	case *Event:
		set("name", v.Name)
		set("city", v.City)
		set("country", v.Country)
		set("year", v.Year)
		set("startDate", v.StartDate)
		set("endDate", v.EndDate)
	case *Talk:
		set("title", v.Title)
		set("abstract", v.Abstract)
		set("level", string(v.Level))
		set("kind", string(v.Kind))
		set("durationMinutes", v.DurationMinutes)
		set("participants", v.Participants)
		set("date", v.Date)
		set("startsAt", v.StartsAt)
		set("room", v.Room)
		set("scheduledDocument", v.Scheduled.Document)
		set("scheduledLine", v.Scheduled.Line)
		set("scheduledSnippet", v.Scheduled.Snippet)
		set("scheduledRule", v.Scheduled.Rule)
		set("recordingPublished", v.RecordingPublished)
		set("recordingDocument", v.Recording.Document)
		set("recordingLine", v.Recording.Line)
		set("recordingSnippet", v.Recording.Snippet)
		set("recordingRule", v.Recording.Rule)
	case *Speaker:
		set("name", v.Name)
		set("aliases", v.Aliases)
		set("bio", v.Bio)
		set("role", v.Role)
	case *Company:
		set("name", v.Name)
		set("aliases", v.Aliases)
	case *Project:
		set("name", v.Name)
		set("aliases", v.Aliases)
		set("homepage", v.Homepage)
		set("repo", v.Repo)
		set("maturity", v.Maturity)
		set("accepted", v.Accepted)
		set("incubating", v.Incubating)
		set("graduated", v.Graduated)
		set("archived", v.Archived)
	case *Recap:
		set("title", v.Title)
		set("author", v.Author)
		set("published", v.Published)
		set("document", v.Document)
		set("text", v.Text)
	}
	return p
}

// RelProperties returns a relationship's properties: its role when it has
// one and its evidence as three parallel lists (Neo4j properties cannot
// hold maps): evidenceDocuments, evidenceLines, evidenceSnippets and
// evidenceRules.
func RelProperties(r Relationship) map[string]any {
	p := map[string]any{}
	if r.Role != "" {
		p["role"] = r.Role
	}
	if len(r.Evidence) > 0 {
		docs := make([]string, len(r.Evidence))
		lines := make([]int, len(r.Evidence))
		snippets := make([]string, len(r.Evidence))
		rules := make([]string, len(r.Evidence))
		for i, e := range r.Evidence {
			docs[i], lines[i], snippets[i], rules[i] = e.Document, e.Line, e.Snippet, e.Rule
		}
		p["evidenceDocuments"] = docs
		p["evidenceLines"] = lines
		p["evidenceSnippets"] = snippets
		p["evidenceRules"] = rules
	}
	return p
}

// RelID returns a stable ID for a relationship, derived from its type and
// the IDs of its ends.
func RelID(r Relationship) string {
	sum := sha1.Sum([]byte(r.Key()))
	return "rel:" + hex.EncodeToString(sum[:8])
}
