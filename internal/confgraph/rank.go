package confgraph

// Ranking is an analytics field: the far nodes of a Tally, most counted
// first; DefaultLimit is how many it shows when the request says nothing
// (0 for all).
type Ranking struct {
	Tally        Tally
	DefaultLimit int
}

var (
	worksAtIn    = RelCount{Rel: RelWorksAt, Dir: In}
	worksAtOut   = RelCount{Rel: RelWorksAt, Dir: Out}
	presentedIn  = RelCount{Rel: RelPresented, Dir: In}
	presentedOut = RelCount{Rel: RelPresented, Dir: Out}
	discussesIn  = RelCount{Rel: RelDiscusses, Dir: In}
	discussesOut = RelCount{Rel: RelDiscusses, Dir: Out}
	partOfIn     = RelCount{Rel: RelPartOf, Dir: In}
)

// DefaultTopProjects is how many projects Event.topProjects shows when
// given no page size.
const DefaultTopProjects = 10

// Rankings are the rankings by label and GraphQL field name.
var Rankings = map[Label]map[string]Ranking{
	// A company's projects: the talks its speakers gave, each counting once
	// for every project it discusses.
	LabelCompany: {"projects": {Tally: Tally{Via: []RelCount{worksAtIn, presentedOut}, Far: []RelCount{discussesOut}}}},
	// A project's companies: the talks discussing it, each counting once
	// for every company one of its speakers works at.
	LabelProject: {"companies": {Tally: Tally{Via: []RelCount{discussesIn}, Far: []RelCount{presentedIn, worksAtOut}}}},
	// An event's projects: its talks, each counting once per project.
	LabelEvent: {"topProjects": {Tally: Tally{Via: []RelCount{partOfIn}, Far: []RelCount{discussesOut}}, DefaultLimit: DefaultTopProjects}},
}

// FarLabel is the label of the nodes a tally ranks.
func (t Tally) FarLabel() Label {
	last := t.Far[len(t.Far)-1]
	if r := Graph.Rel(last.Rel); r != nil {
		return r.Far(last.Dir)
	}
	return ""
}
