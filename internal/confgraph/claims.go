package confgraph

import (
	"slices"
	"strings"
)

// Claim is what one document says of one node: the node as that document
// alone makes it. A node's properties are resolved from the claims of the
// documents that support it (see Claims.Resolve), so that adding,
// replacing or removing a document changes exactly the values it
// supported, whatever order documents arrive in.
type Claim struct {
	Document string // "" for a node written without naming its document
	Rank     int    // RankListed or RankRecap: lower ranks win a property
	Node     Node
}

// Ranks of documents: a property one document states is taken from the
// document of the lowest rank, then the first by name.
const (
	// RankListed is the rank of documents that list talks (listings and
	// schedules): they are the programme itself.
	RankListed = 0
	// RankRecap is the rank of recaps, written about talks afterwards.
	RankRecap = 1
)

// Claims are the claims on one node, at most one per document, ordered
// by rank, then document name. A Claims value is never changed in place:
// With and Without return new slices, so one can be shared.
type Claims []Claim

func claimOrder(a, b Claim) int {
	if a.Rank != b.Rank {
		return a.Rank - b.Rank
	}
	return strings.Compare(a.Document, b.Document)
}

// With returns cs with c added. A claim of the same document is merged
// with c (confgraph.MergeNode, the earlier claim first), keeping the lower
// rank.
func (cs Claims) With(c Claim) Claims {
	c.Node = CloneNode(c.Node)
	out := make(Claims, 0, len(cs)+1)
	for _, o := range cs {
		if o.Document != c.Document {
			out = append(out, o)
			continue
		}
		merged := CloneNode(o.Node)
		MergeNode(merged, c.Node)
		c = Claim{Document: o.Document, Rank: min(o.Rank, c.Rank), Node: merged}
	}
	i, _ := slices.BinarySearchFunc(out, c, claimOrder)
	return slices.Insert(out, i, c)
}

// Without returns cs without the claim of document doc, and whether there
// was one.
func (cs Claims) Without(doc string) (Claims, bool) {
	i := slices.IndexFunc(cs, func(c Claim) bool { return c.Document == doc })
	if i < 0 {
		return cs, false
	}
	return slices.Delete(slices.Clone(cs), i, i+1), true
}

// Documented reports whether a document (not an unnamed writer) claims
// the node: such a node stays while that document does.
func (cs Claims) Documented() bool {
	return slices.ContainsFunc(cs, func(c Claim) bool { return c.Document != "" })
}

// Resolve returns the node the claims describe, or nil for no claims.
// The rule, a function of the set of claims alone: claims are taken in
// order (rank, then document name) and each fills the properties the ones
// before it left empty (MergeNode), so a listing's level or duration
// beats a recap's and, between two listings, the first by name gives it;
// a speaker's bio is the longest one given (the first by that order among
// equals), and aliases are the union of every claim's names and aliases.
func (cs Claims) Resolve() Node {
	if len(cs) == 0 {
		return nil
	}
	n := CloneNode(cs[0].Node)
	for _, c := range cs[1:] {
		MergeNode(n, c.Node)
	}
	return n
}
