package confgraph

// The graph's shape is written down once, here: each label with its stored
// properties (their type, whether queries filter and sort on them, whether
// search reads them, how two accounts of a node merge) and each
// relationship type with its ends, its cardinality and the GraphQL fields
// that follow it in both directions. The property maps (Properties, Trim,
// MergeNode, CloneNode, DisplayName), the Neo4j decoder and the GraphQL
// planner and resolvers read this table; adding a relationship type is a
// row in Rels, its fields in schema.graphqls and the loader that emits it.

// PropKind is the Go type of a stored property.
type PropKind int

// Property kinds: a string (also the string-valued enums such as Level),
// a whole number, a list of strings.
const (
	PropString PropKind = iota
	PropInt
	PropStrings
)

// MergeRule says how MergeNode combines a property two accounts of a node
// give.
type MergeRule int

// Merge rules. Fill keeps the first non-empty value. Longest keeps the
// longer text (a fuller bio). Aliases unions the names, the other
// account's display name included. A property with a Group is taken
// together with the rest of its group, from the account that has any of
// the group's key properties (a schedule's day, time and room come from
// one schedule).
const (
	MergeFill MergeRule = iota
	MergeLongest
	MergeAliases
)

// Prop is a stored property of a label.
type Prop struct {
	// Name is the property's name in Properties, Neo4j, the export and
	// the query IR.
	Name string
	Kind PropKind
	// Query says queries filter and sort on it, compared as Filter.
	Query  bool
	Filter FieldKind
	// Search says full-text search reads it.
	Search bool
	// Field is the GraphQL field that shows it, when not Name ("-" for
	// none).
	Field string
	Merge MergeRule
	// Group names the properties merged together; Key marks those whose
	// presence says an account has the group.
	Group string
	Key   bool

	str  func(Node) *string
	num  func(Node) *int
	list func(Node) *[]string
}

// GraphQLField is the GraphQL field that shows the property, "" for none.
func (p Prop) GraphQLField() string {
	switch p.Field {
	case "":
		return p.Name
	case "-":
		return ""
	}
	return p.Field
}

// Value returns the property of n (a string, an int or a []string) and
// whether n has it: empty strings, zero numbers and empty lists are
// absent.
func (p Prop) Value(n Node) (any, bool) {
	switch p.Kind {
	case PropInt:
		v := *p.num(n)
		return v, v != 0
	case PropStrings:
		v := *p.list(n)
		return v, len(v) > 0
	}
	v := *p.str(n)
	return v, v != ""
}

// Set gives n the value v, of the property's kind.
func (p Prop) Set(n Node, v any) {
	switch p.Kind {
	case PropInt:
		*p.num(n), _ = v.(int)
	case PropStrings:
		*p.list(n), _ = v.([]string)
	default:
		*p.str(n), _ = v.(string)
	}
}

func (p Prop) copy(dst, src Node) {
	switch p.Kind {
	case PropInt:
		*p.num(dst) = *p.num(src)
	case PropStrings:
		*p.list(dst) = append([]string(nil), *p.list(src)...)
	default:
		*p.str(dst) = *p.str(src)
	}
}

func (p Prop) set(n Node) bool { _, ok := p.Value(n); return ok }

// query marks a property queries filter and sort on.
func (p Prop) query(k FieldKind) Prop { p.Query, p.Filter = true, k; return p }

func (p Prop) search() Prop { p.Search = true; return p }

func (p Prop) field(f string) Prop { p.Field = f; return p }

func (p Prop) merge(m MergeRule) Prop { p.Merge = m; return p }

func (p Prop) group(g string, key bool) Prop { p.Group, p.Key = g, key; return p }

func str[T Node](name string, at func(T) *string) Prop {
	return Prop{Name: name, Kind: PropString, str: func(n Node) *string { return at(n.(T)) }}
}

func num[T Node](name string, at func(T) *int) Prop {
	return Prop{Name: name, Kind: PropInt, num: func(n Node) *int { return at(n.(T)) }}
}

func strs[T Node](name string, at func(T) *[]string) Prop {
	return Prop{Name: name, Kind: PropStrings, list: func(n Node) *[]string { return at(n.(T)) }, Merge: MergeAliases}
}

// NodeSpec is a label with its properties.
type NodeSpec struct {
	Label Label
	// Display names the property a node is listed by.
	Display string
	Props   []Prop
	id      func(Node) *string
	clone   func(Node) Node
}

// New returns an empty node of the label with the given ID.
func (s *NodeSpec) New(id string) Node {
	n := s.clone(nil)
	*s.id(n) = id
	return n
}

// Prop returns the property called name.
func (s *NodeSpec) Prop(name string) (Prop, bool) {
	for _, p := range s.Props {
		if p.Name == name {
			return p, true
		}
	}
	return Prop{}, false
}

func node[T any, P interface {
	*T
	Node
}](label Label, display string, id func(P) *string, props ...Prop) *NodeSpec {
	return &NodeSpec{Label: label, Display: display, Props: props,
		id: func(n Node) *string { return id(n.(P)) },
		clone: func(n Node) Node {
			var c T
			if n != nil {
				c = *n.(P)
			}
			return P(&c)
		}}
}

// RelEnd names the GraphQL fields that follow a relationship type from
// one of its ends: a list (or, for the single end of a to-one
// relationship followed out, one node) and its where-input field, the
// list's connection (Field + "Connection"), and a count (a field and a
// sort key; "" when there is none).
type RelEnd struct {
	Field string
	Count string
}

// Conn is the name of the connection field.
func (e RelEnd) Conn() string { return e.Field + "Connection" }

// RelSpec is a relationship type: the labels it starts and ends at, and
// whether a start node has at most one (One, e.g. a talk's event). Out
// are the fields on the start label, In those on the end label.
type RelSpec struct {
	Type     RelType
	From, To Label
	One      bool
	Out, In  RelEnd
}

// Far is the label at the other end of a relationship followed in dir.
func (r *RelSpec) Far(dir Direction) Label {
	if dir == In {
		return r.From
	}
	return r.To
}

// End returns the fields that follow the relationship in dir.
func (r *RelSpec) End(dir Direction) RelEnd {
	if dir == In {
		return r.In
	}
	return r.Out
}

// DerivedCount is a count field (and sort key) of a label that counts
// more than one step: Company.talkCount, the talks its speakers gave.
type DerivedCount struct {
	Label Label
	Field string
	Count RelCount
}

// Schema is the graph's shape.
type Schema struct {
	Nodes  []*NodeSpec
	Rels   []*RelSpec
	Counts []DerivedCount
}

// Node returns the spec of a label, nil for an unknown one.
func (s *Schema) Node(l Label) *NodeSpec {
	for _, n := range s.Nodes {
		if n.Label == l {
			return n
		}
	}
	return nil
}

// Rel returns the spec of a relationship type, nil for an unknown one.
func (s *Schema) Rel(t RelType) *RelSpec {
	for _, r := range s.Rels {
		if r.Type == t {
			return r
		}
	}
	return nil
}

// Graph is the shape of the conference graph.
var Graph = &Schema{
	Nodes: []*NodeSpec{
		node(LabelEvent, "name", func(e *Event) *string { return &e.ID },
			str("name", func(e *Event) *string { return &e.Name }).query(KindString),
			str("city", func(e *Event) *string { return &e.City }).query(KindString),
			str("country", func(e *Event) *string { return &e.Country }).query(KindString),
			num("year", func(e *Event) *int { return &e.Year }).query(KindInt),
			str("startDate", func(e *Event) *string { return &e.StartDate }).query(KindDate),
			str("endDate", func(e *Event) *string { return &e.EndDate }).query(KindDate)),
		node(LabelTalk, "title", func(t *Talk) *string { return &t.ID },
			str("title", func(t *Talk) *string { return &t.Title }).query(KindString).search(),
			str("abstract", func(t *Talk) *string { return &t.Abstract }).query(KindString).search(),
			str("level", func(t *Talk) *string { return (*string)(&t.Level) }).query(KindString),
			str("kind", func(t *Talk) *string { return (*string)(&t.Kind) }).query(KindString),
			num("durationMinutes", func(t *Talk) *int { return &t.DurationMinutes }).query(KindInt),
			num("participants", func(t *Talk) *int { return &t.Participants }).query(KindInt),
			str("date", func(t *Talk) *string { return &t.Date }).query(KindDate).group("schedule", true),
			str("startsAt", func(t *Talk) *string { return &t.StartsAt }).query(KindDate).group("schedule", true),
			str("room", func(t *Talk) *string { return &t.Room }).query(KindString).group("schedule", true),
			str("scheduledDocument", func(t *Talk) *string { return &t.Scheduled.Document }).field("scheduled").group("schedule", false),
			num("scheduledLine", func(t *Talk) *int { return &t.Scheduled.Line }).field("scheduled").group("schedule", false),
			str("scheduledSnippet", func(t *Talk) *string { return &t.Scheduled.Snippet }).field("scheduled").group("schedule", false),
			str("scheduledRule", func(t *Talk) *string { return &t.Scheduled.Rule }).field("scheduled").group("schedule", false),
			str("recordingPublished", func(t *Talk) *string { return &t.RecordingPublished }).field("recording").group("recording", true),
			str("recordingDocument", func(t *Talk) *string { return &t.Recording.Document }).field("recording").group("recording", false),
			num("recordingLine", func(t *Talk) *int { return &t.Recording.Line }).field("recording").group("recording", false),
			str("recordingSnippet", func(t *Talk) *string { return &t.Recording.Snippet }).field("recording").group("recording", false),
			str("recordingRule", func(t *Talk) *string { return &t.Recording.Rule }).field("recording").group("recording", false)),
		node(LabelSpeaker, "name", func(s *Speaker) *string { return &s.ID },
			str("name", func(s *Speaker) *string { return &s.Name }).query(KindString).search(),
			strs("aliases", func(s *Speaker) *[]string { return &s.Aliases }),
			str("bio", func(s *Speaker) *string { return &s.Bio }).query(KindString).search().merge(MergeLongest),
			str("role", func(s *Speaker) *string { return &s.Role }).query(KindString)),
		node(LabelCompany, "name", func(c *Company) *string { return &c.ID },
			str("name", func(c *Company) *string { return &c.Name }).query(KindString).search(),
			strs("aliases", func(c *Company) *[]string { return &c.Aliases })),
		node(LabelProject, "name", func(p *Project) *string { return &p.ID },
			str("name", func(p *Project) *string { return &p.Name }).query(KindString).search(),
			strs("aliases", func(p *Project) *[]string { return &p.Aliases }),
			str("homepage", func(p *Project) *string { return &p.Homepage }).query(KindString),
			str("repo", func(p *Project) *string { return &p.Repo }),
			str("maturity", func(p *Project) *string { return &p.Maturity }).query(KindString),
			str("accepted", func(p *Project) *string { return &p.Accepted }).query(KindDate),
			str("incubating", func(p *Project) *string { return &p.Incubating }).query(KindDate),
			str("graduated", func(p *Project) *string { return &p.Graduated }).query(KindDate),
			str("archived", func(p *Project) *string { return &p.Archived }).field("-")),
		node(LabelRecap, "title", func(r *Recap) *string { return &r.ID },
			str("title", func(r *Recap) *string { return &r.Title }).query(KindString).search(),
			str("author", func(r *Recap) *string { return &r.Author }).query(KindString),
			str("published", func(r *Recap) *string { return &r.Published }).query(KindDate),
			str("document", func(r *Recap) *string { return &r.Document }).query(KindString),
			str("text", func(r *Recap) *string { return &r.Text }).search().field("-")),
	},
	Rels: []*RelSpec{
		{Type: RelPresented, From: LabelSpeaker, To: LabelTalk,
			Out: RelEnd{"talks", "talkCount"}, In: RelEnd{"speakers", "speakerCount"}},
		{Type: RelWorksAt, From: LabelSpeaker, To: LabelCompany,
			Out: RelEnd{"companies", ""}, In: RelEnd{"speakers", "speakerCount"}},
		{Type: RelPartOf, From: LabelTalk, To: LabelEvent, One: true,
			Out: RelEnd{"event", ""}, In: RelEnd{"talks", "talkCount"}},
		{Type: RelDiscusses, From: LabelTalk, To: LabelProject,
			Out: RelEnd{"projects", "projectCount"}, In: RelEnd{"talks", "talkCount"}},
		{Type: RelCovers, From: LabelRecap, To: LabelEvent, One: true,
			Out: RelEnd{"event", ""}, In: RelEnd{"recaps", ""}},
		{Type: RelReviews, From: LabelRecap, To: LabelTalk,
			Out: RelEnd{"talks", "talkCount"}, In: RelEnd{"recaps", "recapCount"}},
		{Type: RelMentions, From: LabelRecap, To: LabelProject,
			Out: RelEnd{"projects", ""}, In: RelEnd{"recaps", "recapCount"}},
	},
	Counts: []DerivedCount{
		// A company's talks: those its speakers gave, each once.
		{Label: LabelCompany, Field: "talkCount",
			Count: RelCount{Rel: RelWorksAt, Dir: In, Then: &RelCount{Rel: RelPresented, Dir: Out}}},
	},
}

// RelField is a relationship field of a label: the relationship it
// follows, and whether it is the list, its connection, the single node of
// a to-one end, or a count.
type RelField struct {
	Rel   *RelSpec
	Dir   Direction
	Kind  RelFieldKind
	Count RelCount // RelFieldCount
}

// RelFieldKind says what a relationship field returns.
type RelFieldKind int

// Relationship field kinds.
const (
	RelFieldList RelFieldKind = iota + 1
	RelFieldConn
	RelFieldOne
	RelFieldCount
)

// Far is the label of the nodes the field returns.
func (f RelField) Far() Label { return f.Rel.Far(f.Dir) }

// RelFields returns, for each label and GraphQL field name, the
// relationship field it is: lists, connections, single nodes and counts
// of every relationship end, and the derived counts.
func (s *Schema) RelFields() map[Label]map[string]RelField {
	out := map[Label]map[string]RelField{}
	add := func(l Label, name string, f RelField) {
		if out[l] == nil {
			out[l] = map[string]RelField{}
		}
		out[l][name] = f
	}
	for _, r := range s.Rels {
		for _, dir := range []Direction{Out, In} {
			near, end := r.Far(1-dir), r.End(dir)
			kind := RelFieldList
			if r.One && dir == Out {
				kind = RelFieldOne
			}
			add(near, end.Field, RelField{Rel: r, Dir: dir, Kind: kind})
			add(near, end.Conn(), RelField{Rel: r, Dir: dir, Kind: RelFieldConn})
			if end.Count != "" {
				add(near, end.Count, RelField{Rel: r, Dir: dir, Kind: RelFieldCount, Count: RelCount{Rel: r.Type, Dir: dir}})
			}
		}
	}
	for _, c := range s.Counts {
		add(c.Label, c.Field, RelField{Rel: s.Rel(c.Count.Rel), Dir: c.Count.Dir, Kind: RelFieldCount, Count: c.Count})
	}
	return out
}

func (s *Schema) labels() []Label {
	out := make([]Label, len(s.Nodes))
	for i, n := range s.Nodes {
		out[i] = n.Label
	}
	return out
}

func (s *Schema) relTypes() []RelType {
	out := make([]RelType, len(s.Rels))
	for i, r := range s.Rels {
		out[i] = r.Type
	}
	return out
}

// specOf is the spec of n's label.
func specOf(n Node) *NodeSpec { return Graph.Node(n.NodeLabel()) }

// QueryFields are the properties queries filter and sort on, by label,
// with their kinds (the id always).
func (s *Schema) QueryFields() map[Label]map[string]FieldKind {
	out := map[Label]map[string]FieldKind{}
	for _, n := range s.Nodes {
		out[n.Label] = map[string]FieldKind{"id": KindString}
		for _, p := range n.Props {
			if p.Query {
				out[n.Label][p.Name] = p.Filter
			}
		}
	}
	return out
}

// SearchFields are the properties full-text search reads, by label (a
// label with none is absent).
func (s *Schema) SearchFields() map[Label][]string {
	out := map[Label][]string{}
	for _, n := range s.Nodes {
		for _, p := range n.Props {
			if p.Search {
				out[n.Label] = append(out[n.Label], p.Name)
			}
		}
	}
	return out
}
