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
	spec := specOf(n)
	if spec == nil {
		return p
	}
	for _, prop := range spec.Props {
		if v, ok := prop.Value(n); ok {
			p[prop.Name] = v
		}
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
