package confgraph

import (
	"slices"
	"sort"
	"strings"

	"github.com/confgraph/confgraph/internal/text"
)

// Batch is a set of nodes and relationships ready to be written to a store.
// Adding a node whose ID is already present merges the two; adding a
// relationship that is already present merges its evidence. The zero value
// is not usable; call NewBatch.
type Batch struct {
	nodes  map[string]Node   // each node resolved from its claims
	claims map[string]Claims // by node ID
	rels   map[string]*Relationship
}

// NewBatch returns an empty batch.
func NewBatch() *Batch {
	return &Batch{nodes: map[string]Node{}, claims: map[string]Claims{}, rels: map[string]*Relationship{}}
}

// AddNode adds n as said by no document in particular (see Attribute),
// merging it into what was said of the same ID before.
func (b *Batch) AddNode(n Node) {
	b.AddClaim(Claim{Node: n})
}

// AddClaim adds what a document says of a node; the node is resolved
// again from all the batch's claims on it (Claims.Resolve). A claim on an
// ID the batch holds under another label is ignored.
func (b *Batch) AddClaim(c Claim) {
	id := c.Node.NodeID()
	if old, ok := b.nodes[id]; ok && old.NodeLabel() != c.Node.NodeLabel() {
		return
	}
	n := CloneNode(c.Node)
	// Aliases are a sorted set whichever order they were found in.
	for _, p := range specOf(n).Props {
		if p.Merge == MergeAliases {
			*p.list(n) = unionAliases(DisplayName(n), nil, *p.list(n))
		}
	}
	c.Node = n
	b.claims[id] = b.claims[id].With(c)
	b.nodes[id] = b.claims[id].Resolve()
}

// Claims returns the claims on the node with the given ID.
func (b *Batch) Claims(id string) Claims { return b.claims[id] }

// Attribute makes the batch what document doc says, at the given rank:
// every node's claims become one claim of doc. A loader calls it on the
// batch of one document.
func (b *Batch) Attribute(doc string, rank int) {
	for id, n := range b.nodes {
		b.claims[id] = Claims{{Document: doc, Rank: rank, Node: CloneNode(n)}}
	}
}

// AddRel adds r, merging its evidence into an equal relationship when there
// is one.
func (b *Batch) AddRel(r Relationship) {
	if old, ok := b.rels[r.Key()]; ok {
		MergeRel(old, r)
		return
	}
	r.Evidence = SortEvidence(slices.Clone(r.Evidence))
	b.rels[r.Key()] = &r
}

// Merge adds every node and relationship of o to b.
func (b *Batch) Merge(o *Batch) {
	for _, n := range o.Nodes() {
		for _, c := range o.claims[n.NodeID()] {
			b.AddClaim(c)
		}
	}
	for _, r := range o.Rels() {
		b.AddRel(r)
	}
}

// Node returns the node with the given ID, or nil.
func (b *Batch) Node(id string) Node { return b.nodes[id] }

// Nodes returns the batch's nodes ordered by label and ID.
func (b *Batch) Nodes() []Node {
	out := make([]Node, 0, len(b.nodes))
	for _, n := range b.nodes {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].NodeLabel() != out[j].NodeLabel() {
			return labelRank(out[i].NodeLabel()) < labelRank(out[j].NodeLabel())
		}
		return out[i].NodeID() < out[j].NodeID()
	})
	return out
}

// Rels returns the batch's relationships ordered by type, start and end.
func (b *Batch) Rels() []Relationship {
	out := make([]Relationship, 0, len(b.rels))
	for _, r := range b.rels {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return relRank(out[i].Type) < relRank(out[j].Type)
		}
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].To < out[j].To
	})
	return out
}

// RemoveRel deletes the relationship with the given key, if present.
func (b *Batch) RemoveRel(key string) { delete(b.rels, key) }

// Len returns the number of nodes and relationships in the batch.
func (b *Batch) Len() (nodes, rels int) { return len(b.nodes), len(b.rels) }

func labelRank(l Label) int { return slices.Index(Labels, l) }

func relRank(t RelType) int { return slices.Index(RelTypes, t) }

// MergeNode copies into dst the fields of src that dst lacks, and unions
// their aliases. Both must be of the same type; otherwise dst is unchanged.
func MergeNode(dst, src Node) {
	spec := specOf(dst)
	if spec == nil || src.NodeLabel() != dst.NodeLabel() {
		return
	}
	// The groups dst has, before anything is merged into it.
	var has []string
	for _, p := range spec.Props {
		if p.Key && p.set(dst) {
			has = append(has, p.Group)
		}
	}
	for _, p := range spec.Props {
		switch {
		case p.Group != "":
			if !slices.Contains(has, p.Group) {
				p.copy(dst, src)
			}
		case p.Merge == MergeAliases:
			*p.list(dst) = unionAliases(DisplayName(dst), *p.list(dst), append([]string{DisplayName(src)}, *p.list(src)...))
		case p.Merge == MergeLongest:
			if len(*p.str(src)) > len(*p.str(dst)) {
				p.copy(dst, src)
			}
		case !p.set(dst):
			p.copy(dst, src)
		}
	}
}

// MergeRel adds to dst the evidence of src it does not already hold.
func MergeRel(dst *Relationship, src Relationship) {
	fill(&dst.Role, src.Role)
	// One place in one document is one piece of evidence, whichever rule
	// read it; a rule is kept where one was recorded.
	for _, e := range src.Evidence {
		i := slices.IndexFunc(dst.Evidence, func(d Evidence) bool { return d.SamePlace(e) })
		switch {
		case i < 0:
			dst.Evidence = append(dst.Evidence, e)
		case dst.Evidence[i].Rule == "":
			dst.Evidence[i].Rule = e.Rule
		}
	}
	SortEvidence(dst.Evidence)
}

// SamePlace reports whether e and o state a fact from the same text: the
// same document, line and snippet.
func (e Evidence) SamePlace(o Evidence) bool {
	return e.Document == o.Document && e.Line == o.Line && e.Snippet == o.Snippet
}

// SortEvidence orders evidence by document, then line, then snippet, so
// that it does not depend on the order documents were loaded in.
func SortEvidence(es []Evidence) []Evidence {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Snippet < b.Snippet
	})
	return es
}

func fill(dst *string, src string) {
	if *dst == "" {
		*dst = src
	}
}

// unionAliases returns the sorted union of have and add, leaving out the
// name itself and blanks.
func unionAliases(name string, have, add []string) []string {
	out := slices.Clone(have)
	for _, a := range add {
		a = strings.TrimSpace(a)
		if a == "" || a == name || slices.Contains(out, a) {
			continue
		}
		out = append(out, a)
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// ID returns the stable ID of a node of the given label whose identity is
// key, e.g. ID(LabelSpeaker, "Matt Klein") = "speaker:matt-klein". The ID
// depends only on the label and the key, never on load order.
func ID(label Label, key string) string {
	return strings.ToLower(string(label)) + ":" + text.Slug(key)
}

// LabelOfID returns the label an ID made by ID names. A store may hold
// nodes under other IDs, so this is a hint to look first, not a fact.
func LabelOfID(id string) (Label, bool) {
	prefix, _, ok := strings.Cut(id, ":")
	if !ok {
		return "", false
	}
	for _, l := range Labels {
		if strings.ToLower(string(l)) == prefix {
			return l, true
		}
	}
	return "", false
}
