package neo4jstore

import (
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// props reads typed values out of a property map as the driver returns it
// (int64 for integers, []any for lists). The first value of the wrong type
// is remembered in err; missing properties read as zero values.
type props struct {
	what string
	m    map[string]any
	err  error
}

func newProps(what string, v any) (*props, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: properties are %T, want a map", what, v)
	}
	return &props{what: what, m: m}, nil
}

func (p *props) bad(k string, v any, want string) {
	if p.err == nil {
		p.err = fmt.Errorf("%s: property %s is %T, want %s", p.what, k, v, want)
	}
}

func (p *props) str(k string) string {
	v, ok := p.m[k]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		p.bad(k, v, "a string")
	}
	return s
}

func (p *props) int(k string) int {
	v, ok := p.m[k]
	if !ok || v == nil {
		return 0
	}
	n, ok := v.(int64)
	if !ok {
		p.bad(k, v, "an integer")
	}
	return int(n)
}

func (p *props) strs(k string) []string {
	return list(p, k, "a list of strings", func(x any) (string, bool) { s, ok := x.(string); return s, ok })
}

func (p *props) ints(k string) []int {
	return list(p, k, "a list of integers", func(x any) (int, bool) { n, ok := x.(int64); return int(n), ok })
}

// list reads a list property whose items conv turns into T, want naming
// what it should be.
func list[T any](p *props, k, want string, conv func(any) (T, bool)) []T {
	v, ok := p.m[k]
	if !ok || v == nil {
		return nil
	}
	l, ok := v.([]any)
	if !ok {
		p.bad(k, v, "a list")
		return nil
	}
	out := make([]T, len(l))
	for i, x := range l {
		if out[i], ok = conv(x); !ok {
			p.bad(k, x, want)
		}
	}
	return out
}

// decodeNode turns the properties of a node with the given label back into
// the domain type; the sortKey is not part of it.
func decodeNode(label confgraph.Label, v any) (confgraph.Node, error) {
	p, err := newProps("node", v)
	if err != nil {
		return nil, err
	}
	id := p.str("id")
	p.what = "node " + id
	spec := confgraph.Graph.Node(label)
	if spec == nil {
		return nil, fmt.Errorf("node %s: unknown label %q", id, label)
	}
	n := spec.New(id)
	for _, prop := range spec.Props {
		switch prop.Kind {
		case confgraph.PropInt:
			prop.Set(n, p.int(prop.Name))
		case confgraph.PropStrings:
			prop.Set(n, p.strs(prop.Name))
		default:
			prop.Set(n, p.str(prop.Name))
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	if id == "" {
		return nil, fmt.Errorf("a %s node has no id", label)
	}
	return n, nil
}

// decodeLabelled adds to out the nodes of records holding a label and a
// property map.
func decodeLabelled(recs []*neo4j.Record, out map[string]confgraph.Node) error {
	for _, rec := range recs {
		label, _ := rec.Values[0].(string)
		n, err := decodeNode(confgraph.Label(label), rec.Values[1])
		if err != nil {
			return err
		}
		if _, dup := out[n.NodeID()]; dup {
			return fmt.Errorf("node %s is stored under more than one label", n.NodeID())
		}
		out[n.NodeID()] = n
	}
	return nil
}

// decodeRel turns a relationship's ends and properties back into the
// domain type, evidence rebuilt from the parallel lists.
func decodeRel(t confgraph.RelType, from, to, v any) (confgraph.Relationship, error) {
	r := confgraph.Relationship{Type: t}
	r.From, _ = from.(string)
	r.To, _ = to.(string)
	p, err := newProps(fmt.Sprintf("relationship %s", r.Key()), v)
	if err != nil {
		return r, err
	}
	r.Role = p.str("role")
	docs, lines, snippets := p.strs("evidenceDocuments"), p.ints("evidenceLines"), p.strs("evidenceSnippets")
	if p.err != nil {
		return r, p.err
	}
	if len(lines) != len(docs) || len(snippets) != len(docs) {
		return r, fmt.Errorf("relationship %s: evidence lists of different lengths (%d documents, %d lines, %d snippets)",
			r.Key(), len(docs), len(lines), len(snippets))
	}
	// Rules are recorded since the loaders name them; a relationship
	// written before has none.
	var rules []string
	if _, ok := p.m["evidenceRules"]; ok {
		rules = p.strs("evidenceRules")
	}
	for i := range docs {
		e := confgraph.Evidence{Document: docs[i], Line: lines[i], Snippet: snippets[i]}
		if len(rules) == len(docs) {
			e.Rule = rules[i]
		}
		r.Evidence = append(r.Evidence, e)
	}
	return r, p.err
}
