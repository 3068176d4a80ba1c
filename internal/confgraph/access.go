package confgraph

// AccessPath is one way to find, from an index rather than by scanning a
// label, a superset of the nodes a filter can match: every match is
// reached by following Steps from a node of Label that meets Cond, an
// equality on its ID or display name. When Or is set instead of Cond, the
// node meets one of the branches of an OR group, and each branch has ways
// of its own in (the union of one way into each branch is a superset).
//
// Which path to take is the store's choice, by its own measure of what a
// path costs; which paths exist is the filter's meaning, written here once.
type AccessPath struct {
	// Steps are the relationship filters the path goes through, from the
	// filtered node outward; each is a "some" or "single" filter of the
	// query's, so a match has a related node at every step.
	Steps []*RelCond
	Label Label
	Cond  Cond
	Or    [][]AccessPath
}

// AccessPaths lists the access paths of f, a filter on label, in the order
// of the filter: its own conditions, then its relationship filters, its AND
// groups and its OR group. A path is admissible when a match must pass
// through it: an equality (eq or in) on an ID or display name the filter
// itself requires, or one reached through a "some" or "single" relationship
// filter or an AND group, recursively. An OR group is a path only when each
// of its branches has one; NOT and the other quantifiers never are, as a
// match need not meet what they contain. nil when f has none, and the whole
// label must be read.
func AccessPaths(f *Filter, label Label) []AccessPath {
	if f == nil {
		return nil
	}
	var out []AccessPath
	for _, c := range f.Conds {
		if keyEquality(label, c) {
			out = append(out, AccessPath{Label: label, Cond: c})
		}
	}
	for i := range f.Rels {
		r := &f.Rels[i]
		if r.Quant != Some && r.Quant != Single {
			continue
		}
		for _, p := range AccessPaths(r.Where, FarLabel(r.Rel, r.Dir)) {
			p.Steps = append([]*RelCond{r}, p.Steps...)
			out = append(out, p)
		}
	}
	for _, g := range f.And {
		out = append(out, AccessPaths(g, label)...)
	}
	if len(f.Or) > 0 {
		branches := make([][]AccessPath, 0, len(f.Or))
		for _, g := range f.Or {
			ps := AccessPaths(g, label)
			if len(ps) == 0 {
				// A branch without a way in may match any node.
				return out
			}
			branches = append(branches, ps)
		}
		out = append(out, AccessPath{Label: label, Or: branches})
	}
	return out
}

// keyEquality reports whether c is an equality a store can look up: on an
// ID, exactly (IDs are unique and kept as written, so an ID compared
// ignoring case has no index to go through), or on the display name,
// ignoring case or not.
func keyEquality(label Label, c Cond) bool {
	if c.Op != OpEq && c.Op != OpIn {
		return false
	}
	return c.Field == "id" && !c.Fold || c.Field == DisplayField(label)
}
