package confgraph

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/internal/text"
)

// FieldKind is the type of a filterable, sortable node property.
type FieldKind int

// Field kinds. Dates are YYYY-MM-DD strings (and times of day HH:MM
// strings), compared as strings.
const (
	KindString FieldKind = iota
	KindInt
	KindDate
)

// Fields lists, per label, the properties queries may filter and sort on,
// by their GraphQL and Neo4j name: read off the schema table.
var Fields = Graph.QueryFields()

// AliasField is the list property of other names a speaker, company or
// project has. Only an equality tests it (OpEq, usually ignoring case),
// and it holds when one of the names is equal: name lookups fall back to
// it.
const AliasField = "aliases"

// HasAliases reports the labels whose nodes have AliasField.
func HasAliases(label Label) bool {
	return label == LabelSpeaker || label == LabelCompany || label == LabelProject
}

// AliasHolds reports whether one of a node's aliases equals s (after
// text.FoldCase of both when fold).
func AliasHolds(n Node, s string, fold bool) bool {
	names, _ := Properties(n)[AliasField].([]string)
	if fold {
		s = text.FoldCase(s)
	}
	for _, a := range names {
		if fold {
			a = text.FoldCase(a)
		}
		if a == s {
			return true
		}
	}
	return false
}

// EnumOrder lists, per label and property, the values of an enumerated
// property in the order sorts put them: by meaning, not by spelling.
// Levels go from beginner to advanced; kinds from the keynotes that open
// a day to the talks, the panels and the other sessions. A node without
// the property sorts before every value.
var EnumOrder = map[Label]map[string][]string{
	LabelTalk: {
		"level": {string(LevelBeginner), string(LevelIntermediate), string(LevelAdvanced)},
		"kind":  {string(KindKeynote), string(KindTalk), string(KindPanel), string(KindOther)},
	},
}

// EnumRank is the position of an enumerated property's value in its
// EnumOrder, counting from 1; 0 for a missing or unknown value.
func EnumRank(label Label, field, value string) int {
	for i, v := range EnumOrder[label][field] {
		if v == value {
			return i + 1
		}
	}
	return 0
}

// SortsAsInt reports whether a sort key of label compares whole numbers:
// counts, number properties and enumerated properties (by EnumRank).
func SortsAsInt(label Label, k SortKey) bool {
	if k.Count != nil || Fields[label][k.Field] == KindInt {
		return true
	}
	_, enum := EnumOrder[label][k.Field]
	return enum
}

// FieldValue returns a node's property by name: a string or an int, and
// false when the node does not have it (empty strings and zero ints are
// absent, as in the stores).
func FieldValue(n Node, field string) (any, bool) {
	v, ok := Properties(n)[field]
	if !ok {
		return nil, false
	}
	switch x := v.(type) {
	case string, int:
		return x, true
	}
	return nil, false
}

// Op is a comparison of a property with a value.
type Op string

// Comparison operators.
const (
	OpEq         Op = "eq"
	OpIn         Op = "in"
	OpContains   Op = "contains"
	OpStartsWith Op = "startsWith"
	OpEndsWith   Op = "endsWith"
	OpLt         Op = "lt"
	OpLte        Op = "lte"
	OpGt         Op = "gt"
	OpGte        Op = "gte"
	// OpIsNull holds when the node lacks the property (Value true) or
	// has it (Value false). Empty strings and zero numbers are absent.
	OpIsNull Op = "isNull"
)

// Cond compares one property. Value is a string or an int; for OpIn,
// Values holds the candidates. Fold compares strings case-insensitively.
type Cond struct {
	Field  string
	Op     Op
	Value  any
	Values []any
	Fold   bool
}

// Quantifier says how many related nodes must match a relationship filter.
type Quantifier string

// Quantifiers, as in the Neo4j GraphQL Library.
const (
	Some   Quantifier = "some"
	All    Quantifier = "all"
	None   Quantifier = "none"
	Single Quantifier = "single"
)

// RelCond filters on the nodes at the other end of a relationship.
type RelCond struct {
	Rel   RelType
	Dir   Direction
	Quant Quantifier
	Where *Filter // nil matches every related node
}

// Filter is a condition on nodes of one label: all of Conds and Rels hold,
// and all of And, at least one of Or (when given), and not Not.
type Filter struct {
	Conds []Cond
	Rels  []RelCond
	And   []*Filter
	Or    []*Filter
	Not   *Filter
}

// Empty reports whether f matches everything.
func (f *Filter) Empty() bool {
	return f == nil || len(f.Conds) == 0 && len(f.Rels) == 0 && len(f.And) == 0 && len(f.Or) == 0 && f.Not == nil
}

// Validate checks f against the fields and relationships of label.
func (f *Filter) Validate(label Label) error {
	if f == nil {
		return nil
	}
	for _, c := range f.Conds {
		if c.Field == AliasField && HasAliases(label) {
			if _, ok := c.Value.(string); !ok || c.Op != OpEq {
				return Errorf(EINVALID, "%s.%s is tested only for equality with a name", label, c.Field)
			}
			continue
		}
		kind, ok := Fields[label][c.Field]
		if !ok {
			return Errorf(EINVALID, "%s has no field %q to filter on", label, c.Field)
		}
		switch c.Op {
		case OpIsNull:
			if _, ok := c.Value.(bool); !ok {
				return Errorf(EINVALID, "%s.%s: isNull takes true or false", label, c.Field)
			}
			continue
		case OpEq, OpIn:
		case OpContains, OpStartsWith, OpEndsWith:
			if kind == KindInt {
				return Errorf(EINVALID, "%s.%s is a number: %s does not apply", label, c.Field, c.Op)
			}
		case OpLt, OpLte, OpGt, OpGte:
			if kind == KindString {
				return Errorf(EINVALID, "%s.%s is text: %s applies to numbers and dates", label, c.Field, c.Op)
			}
		default:
			return Errorf(EINVALID, "unknown operator %q", c.Op)
		}
		vals := c.Values
		if c.Op != OpIn {
			vals = []any{c.Value}
		}
		for _, v := range vals {
			switch v.(type) {
			case int:
				if kind != KindInt {
					return Errorf(EINVALID, "%s.%s compares with text, not a number", label, c.Field)
				}
			case string:
				if kind == KindInt {
					return Errorf(EINVALID, "%s.%s compares with a number, not text", label, c.Field)
				}
			default:
				return Errorf(EINVALID, "%s.%s: unsupported value %v", label, c.Field, v)
			}
		}
	}
	for _, r := range f.Rels {
		from, to := r.Rel.Endpoints()
		if from == "" {
			return Errorf(EINVALID, "unknown relationship %q", r.Rel)
		}
		if r.Dir != Out && r.Dir != In {
			return Errorf(EINVALID, "unknown direction %d", r.Dir)
		}
		near, far := from, to
		if r.Dir == In {
			near, far = to, from
		}
		if near != label {
			return Errorf(EINVALID, "%s has no relationship %s in that direction", label, r.Rel)
		}
		if !slices.Contains([]Quantifier{Some, All, None, Single}, r.Quant) {
			return Errorf(EINVALID, "unknown quantifier %q", r.Quant)
		}
		if err := r.Where.Validate(far); err != nil {
			return err
		}
	}
	for _, g := range append(append([]*Filter{}, f.And...), f.Or...) {
		if err := g.Validate(label); err != nil {
			return err
		}
	}
	return f.Not.Validate(label)
}

// Depth is how deeply f nests relationship filters and boolean groups.
func (f *Filter) Depth() int {
	if f == nil {
		return 0
	}
	d := 0
	for _, r := range f.Rels {
		d = max(d, 1+r.Where.Depth())
	}
	for _, g := range append(append([]*Filter{}, f.And...), f.Or...) {
		d = max(d, 1+g.Depth())
	}
	if f.Not != nil {
		d = max(d, 1+f.Not.Depth())
	}
	return d
}

// MaxFilterDepth bounds the nesting of a filter.
const MaxFilterDepth = 8

// SortKey orders nodes by a property, or by how many relationships of a
// type they have (Count set).
type SortKey struct {
	Field string
	Count *RelCount
	Desc  bool
}

// RelCount names a relationship count: the number of Rel relationships
// followed in Dir from a node; with Then, the number of distinct nodes
// reached by following Then from those (a company's talks: WORKS_AT in,
// then PRESENTED out).
type RelCount struct {
	Rel  RelType
	Dir  Direction
	Then *RelCount
}

// Query asks a store for one page of nodes of a label.
type Query struct {
	Label Label
	Where *Filter
	// Sort orders the result; display name and ID always break ties, so
	// the order is total and cursors are stable.
	Sort   []SortKey
	Limit  int
	Offset int
	// After and Before are keyset cursors from an earlier page.
	After, Before *Cursor
	// Last takes the last Limit nodes (of those before Before).
	Last bool
}

// Cursor marks a position in a sorted list: the values of the sort keys,
// the display name and the ID of a node.
type Cursor struct {
	Values []any  `json:"v"`
	Name   string `json:"n"`
	ID     string `json:"i"`
}

// Encode returns the cursor as an opaque string.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses a cursor made by Encode for a query sorted by sort.
func DecodeCursor(s string, sort []SortKey) (*Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, Errorf(EINVALID, "invalid cursor %q", s)
	}
	var c Cursor
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&c); err != nil || len(c.Values) != len(sort) || c.ID == "" {
		return nil, Errorf(EINVALID, "invalid cursor %q (made for another sort order?)", s)
	}
	for i, v := range c.Values {
		if n, ok := v.(json.Number); ok {
			x, err := n.Int64()
			if err != nil {
				return nil, Errorf(EINVALID, "invalid cursor %q", s)
			}
			c.Values[i] = int(x)
		}
	}
	return &c, nil
}

// SortValue is the value of a sort key for a node, given its relationship
// counts: "" or 0 when absent. Display names sort case-insensitively.
func SortValue(n Node, k SortKey, count func(RelCount) int) any {
	if k.Count != nil {
		return count(*k.Count)
	}
	v, ok := FieldValue(n, k.Field)
	if _, enum := EnumOrder[n.NodeLabel()][k.Field]; enum {
		s, _ := v.(string)
		return EnumRank(n.NodeLabel(), k.Field, s)
	}
	if !ok {
		if Fields[n.NodeLabel()][k.Field] == KindInt {
			return 0
		}
		return ""
	}
	if s, ok := v.(string); ok {
		return strings.ToLower(s)
	}
	return v
}

// CursorOf returns the cursor of a node in a list sorted by sort.
func CursorOf(n Node, sort []SortKey, count func(RelCount) int) Cursor {
	c := Cursor{Name: strings.ToLower(DisplayName(n)), ID: n.NodeID()}
	for _, k := range sort {
		c.Values = append(c.Values, SortValue(n, k, count))
	}
	return c
}

// CompareCursors orders two positions under sort: negative when a comes
// first.
func CompareCursors(a, b Cursor, sort []SortKey) int {
	for i, k := range sort {
		if i >= len(a.Values) || i >= len(b.Values) {
			break
		}
		c := compareValues(a.Values[i], b.Values[i])
		if k.Desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// NormalizeCursor returns c with its values as the sort keys of label
// compare them: a whole number for a key that SortsAsInt, else a string,
// and the key's zero value for one of the wrong type (a cursor made for
// another sort, or tampered with). CompareCursors compares a node's
// position with a cursor's as if normalised, and a store that compares
// elsewhere (in Cypher) normalises first, so both place such a cursor at
// the same position.
func NormalizeCursor(label Label, sort []SortKey, c Cursor) Cursor {
	out := Cursor{Values: make([]any, len(sort)), Name: c.Name, ID: c.ID}
	for i, k := range sort {
		isInt := SortsAsInt(label, k)
		var v any = ""
		if isInt {
			v = 0
		}
		if i < len(c.Values) {
			switch x := c.Values[i].(type) {
			case int:
				if isInt {
					v = x
				}
			case string:
				if !isInt {
					v = x
				}
			}
		}
		out.Values[i] = v
	}
	return out
}

func compareValues(a, b any) int {
	switch x := a.(type) {
	case int:
		y, _ := b.(int)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case string:
		y, _ := b.(string)
		return strings.Compare(x, y)
	}
	return 0
}

// ValidateSort checks sort keys against a label.
func ValidateSort(label Label, sort []SortKey) error {
	for _, k := range sort {
		if k.Count != nil {
			if k.Count.Then != nil && k.Count.Then.Then != nil {
				return Errorf(EINVALID, "a count may go through at most one intermediate node")
			}
			at := label
			for c := k.Count; c != nil; c = c.Then {
				if c.Dir != Out && c.Dir != In {
					return Errorf(EINVALID, "unknown direction %d", c.Dir)
				}
				from, to := c.Rel.Endpoints()
				near, far := from, to
				if c.Dir == In {
					near, far = to, from
				}
				if near != at {
					return Errorf(EINVALID, "%s cannot be sorted by %s", label, c.Rel)
				}
				at = far
			}
			continue
		}
		if _, ok := Fields[label][k.Field]; !ok {
			return Errorf(EINVALID, "%s has no field %q to sort on", label, k.Field)
		}
	}
	return nil
}

// Validate checks a query against the labels, fields and relationships
// it names, so that every store refuses the same queries with the same
// codes.
func (q Query) Validate() error {
	if !slices.Contains(Labels, q.Label) {
		return Errorf(EINVALID, "unknown label %q", q.Label)
	}
	if err := q.Where.Validate(q.Label); err != nil {
		return err
	}
	if d := q.Where.Depth(); d > MaxFilterDepth {
		return Errorf(EINVALID, "filter nested %d deep; at most %d", d, MaxFilterDepth)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return Errorf(EINVALID, "limit and offset must not be negative")
	}
	if err := ValidateSort(q.Label, q.Sort); err != nil {
		return err
	}
	for _, c := range []*Cursor{q.After, q.Before} {
		if c != nil && len(c.Values) != len(q.Sort) {
			return Errorf(EINVALID, "the cursor was made for another sort order")
		}
	}
	return nil
}

// CheckRel validates a relationship type and a direction to follow it in.
func CheckRel(rel RelType, dir Direction) error {
	if !slices.Contains(RelTypes, rel) {
		return Errorf(EINVALID, "unknown relationship type %q", rel)
	}
	if dir != Out && dir != In {
		return Errorf(EINVALID, "unknown direction %d", dir)
	}
	return nil
}

// FarLabel is the label at the other end of rel followed in dir.
func FarLabel(rel RelType, dir Direction) Label {
	from, to := rel.Endpoints()
	if dir == In {
		return from
	}
	return to
}

// CheckPath validates the bound and the relationship types of a
// shortest-path search.
func CheckPath(maxHops int, types []RelType) error {
	if maxHops < 1 || maxHops > MaxHops {
		return Errorf(EINVALID, "maxHops must be between 1 and %d", MaxHops)
	}
	return CheckPathTypes(types)
}

// String describes a query for logs and errors.
func (q Query) String() string {
	return fmt.Sprintf("%s where %v sort %v limit %d offset %d", q.Label, q.Where, q.Sort, q.Limit, q.Offset)
}

// SearchFields lists the properties full-text search looks at, per label:
// read off the schema table.
var SearchFields = Graph.SearchFields()

// Tokens splits text into the words full-text search matches on: runs of
// letters and digits, lowercased. Both stores use it, so that they find the
// same nodes for the same words.
func Tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// SearchWords returns the words of a node's searchable fields.
func SearchWords(n Node) []string {
	var words []string
	for _, f := range SearchFields[n.NodeLabel()] {
		if v, ok := FieldValue(n, f); ok {
			words = append(words, Tokens(v.(string))...)
		}
	}
	return words
}

// SearchLabels checks what a search asks for: the terms of text (at least
// one) and the labels to look in, each searchable, every searchable one
// when none is given, in Labels order.
func SearchLabels(text string, labels []Label) ([]SearchTerm, []Label, error) {
	terms := ParseSearch(text)
	if len(terms) == 0 {
		return nil, nil, Errorf(EINVALID, "search needs at least one word")
	}
	for _, l := range labels {
		if _, ok := SearchFields[l]; !ok {
			return nil, nil, Errorf(EINVALID, "%s is not searchable", l)
		}
	}
	var out []Label
	for _, l := range Labels {
		if _, ok := SearchFields[l]; ok && (len(labels) == 0 || slices.Contains(labels, l)) {
			out = append(out, l)
		}
	}
	return terms, out, nil
}
