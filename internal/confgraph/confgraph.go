// Package confgraph holds the domain of the conference knowledge graph: the
// nodes (events, talks, speakers, companies, projects, recaps), the
// relationships between them with the evidence that supports each one, the
// Store interface every backend implements, and the error codes shared by
// the stores and the API. It imports neither the GraphQL layer nor a
// database driver.
package confgraph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
)

// Label names a kind of node, as used by Neo4j and the export format.
type Label string

// The node labels of the graph.
const (
	LabelEvent   Label = "Event"
	LabelTalk    Label = "Talk"
	LabelSpeaker Label = "Speaker"
	LabelCompany Label = "Company"
	LabelProject Label = "Project"
	LabelRecap   Label = "Recap"
)

// Labels lists every node label in a fixed order, Graph's.
var Labels = Graph.labels()

// RelType names a kind of relationship.
type RelType string

// The relationship types of the graph (Graph.Rels gives their ends).
const (
	RelPresented RelType = "PRESENTED" // Speaker -> Talk
	RelWorksAt   RelType = "WORKS_AT"  // Speaker -> Company
	RelPartOf    RelType = "PART_OF"   // Talk -> Event
	RelDiscusses RelType = "DISCUSSES" // Talk -> Project
	RelCovers    RelType = "COVERS"    // Recap -> Event
	RelReviews   RelType = "REVIEWS"   // Recap -> Talk
	RelMentions  RelType = "MENTIONS"  // Recap -> Project
)

// RelTypes lists every relationship type in a fixed order, Graph's.
var RelTypes = Graph.relTypes()

// Endpoints returns the labels a relationship of type t starts and ends at.
func (t RelType) Endpoints() (from, to Label) {
	if r := Graph.Rel(t); r != nil {
		return r.From, r.To
	}
	return "", ""
}

// Direction says which way a relationship is followed from a node.
type Direction int

// Directions: Out follows a relationship from its start node to its end node,
// In from its end node back to its start node.
const (
	Out Direction = iota
	In
)

// Node is implemented by every node type of the graph.
type Node interface {
	NodeID() string
	NodeLabel() Label
}

// Level is the audience level a listing gives a talk.
type Level string

// Talk levels, from the listing markers [B], [I] and [A].
const (
	LevelBeginner     Level = "BEGINNER"
	LevelIntermediate Level = "INTERMEDIATE"
	LevelAdvanced     Level = "ADVANCED"
)

// TalkKind says what sort of session a talk is.
type TalkKind string

// Talk kinds: keynotes and panels are marked by a title prefix; awards,
// salons and other sessions without speakers presenting a topic are OTHER.
const (
	KindTalk    TalkKind = "TALK"
	KindKeynote TalkKind = "KEYNOTE"
	KindPanel   TalkKind = "PANEL"
	KindOther   TalkKind = "OTHER"
)

// Event is one edition of a conference, such as KubeCon + CloudNativeCon
// North America 2017.
type Event struct {
	ID        string
	Name      string
	City      string
	Country   string
	Year      int
	StartDate string // YYYY-MM-DD, empty when unknown
	EndDate   string // YYYY-MM-DD, empty when unknown
}

// Talk is a session of an event: a talk, keynote, panel or other session.
type Talk struct {
	ID              string
	Title           string
	Abstract        string
	Level           Level // empty when the listing gives none
	Kind            TalkKind
	DurationMinutes int // 0 when unknown
	Participants    int // 0 when unknown
	// When and where a schedule says the talk was given: the day
	// (YYYY-MM-DD), the local time it starts (HH:MM, 24-hour), the room as
	// the schedule names it, and the line they were read from.
	Date, StartsAt, Room string
	Scheduled            Evidence // Document empty when no schedule says
	// When the talk's recording was published (YYYY-MM-DD), as a listing's
	// date line above the entry says, and that line; not when the talk was
	// given.
	RecordingPublished string
	Recording          Evidence // Document empty when no listing says
}

// Speaker is a person who presents, moderates or hosts a talk.
type Speaker struct {
	ID      string
	Name    string
	Aliases []string // other spellings of the name seen in the documents
	Bio     string
	Role    string // job title, when a header or bio gives one
}

// Company is an organisation speakers work for.
type Company struct {
	ID      string
	Name    string
	Aliases []string
}

// Project is an open-source project or open specification.
type Project struct {
	ID         string
	Name       string
	Aliases    []string
	Homepage   string
	Repo       string
	Maturity   string // CNCF maturity: sandbox, incubating, graduated, archived; empty outside the CNCF
	Accepted   string // date the CNCF accepted the project, YYYY-MM-DD
	Incubating string // date it moved to incubating
	Graduated  string // date it graduated
	Archived   string // date it was archived
}

// Recap is a blog post or write-up about an event.
type Recap struct {
	ID        string
	Title     string
	Author    string
	Published string // YYYY-MM-DD, empty when unknown
	Document  string // the document's file name
	Text      string
}

// Evidence records where a fact was read: the document, the 1-based line
// and the text of that line (or the part of it that states the fact).
type Evidence struct {
	Document string
	Line     int
	Snippet  string
	// Rule names the extraction rule that read the fact ("link-item",
	// "listing-header"); "" when not recorded.
	Rule string
}

// Relationship links two nodes by their IDs. Role qualifies PRESENTED
// (speaker, moderator, host, panelist); Evidence lists every place that
// states the relationship.
type Relationship struct {
	Type     RelType
	From     string
	To       string
	Role     string
	Evidence []Evidence
}

// Key identifies a relationship: there is at most one of each type between
// two nodes.
func (r Relationship) Key() string { return string(r.Type) + "|" + r.From + "|" + r.To }

// NodeID implements Node.
func (e *Event) NodeID() string { return e.ID }

// NodeLabel implements Node.
func (e *Event) NodeLabel() Label { return LabelEvent }

// NodeID implements Node.
func (t *Talk) NodeID() string { return t.ID }

// NodeLabel implements Node.
func (t *Talk) NodeLabel() Label { return LabelTalk }

// NodeID implements Node.
func (s *Speaker) NodeID() string { return s.ID }

// NodeLabel implements Node.
func (s *Speaker) NodeLabel() Label { return LabelSpeaker }

// NodeID implements Node.
func (c *Company) NodeID() string { return c.ID }

// NodeLabel implements Node.
func (c *Company) NodeLabel() Label { return LabelCompany }

// NodeID implements Node.
func (p *Project) NodeID() string { return p.ID }

// NodeLabel implements Node.
func (p *Project) NodeLabel() Label { return LabelProject }

// NodeID implements Node.
func (r *Recap) NodeID() string { return r.ID }

// NodeLabel implements Node.
func (r *Recap) NodeLabel() Label { return LabelRecap }

// Page bounds a list: at most Limit items after skipping Offset. A zero
// Limit means the store's default.
type Page struct {
	Limit  int
	Offset int
}

// Edge is one relationship followed from a node, with the node at its
// other end.
type Edge struct {
	Rel  Relationship
	Node Node
}

// SearchHit is a node found by a full-text search, with its score.
type SearchHit struct {
	Node  Node
	Score float64
}

// Path is a walk through the graph: Nodes[i] and Nodes[i+1] are joined by
// Rels[i], in either direction.
type Path struct {
	Nodes []Node
	Rels  []Relationship
}

// MaxHops bounds a shortest-path search.
const MaxHops = 6

// PathBefore is the tie-break between shortest paths of the same length:
// the one whose node IDs, compared from the start one by one, are smaller
// comes first, then by the types of its relationships the same way.
// Choosing at each step the smallest neighbour that is still on a
// shortest path gives the first path in this order.
func PathBefore(a, b *Path) bool {
	for i := range min(len(a.Nodes), len(b.Nodes)) {
		if x, y := a.Nodes[i].NodeID(), b.Nodes[i].NodeID(); x != y {
			return x < y
		}
	}
	for i := range min(len(a.Rels), len(b.Rels)) {
		if a.Rels[i].Type != b.Rels[i].Type {
			return a.Rels[i].Type < b.Rels[i].Type
		}
	}
	return len(a.Rels) < len(b.Rels)
}

// CheckPathTypes validates the relationship types a path may follow.
func CheckPathTypes(types []RelType) error {
	for _, t := range types {
		if from, _ := t.Endpoints(); from == "" {
			return Errorf(EINVALID, "unknown relationship type %q", t)
		}
	}
	return nil
}

// Store is a read/write view of the graph. Every backend answers the same
// questions the same way: lists are ordered by the node's display name
// (title for talks and recaps) and then by ID.
type Store interface {
	// Write merges a batch into the graph. Writing the same batch twice
	// changes nothing.
	Write(ctx context.Context, b *Batch) error
	// List returns nodes of one label in display-name order.
	List(ctx context.Context, label Label, page Page) ([]Node, error)
	// Nodes returns the nodes with the given IDs; unknown IDs are absent
	// from the map.
	Nodes(ctx context.Context, ids []string) (map[string]Node, error)
	// Related follows relationships of one type from each of the given
	// nodes, returning for each ID its edges in display-name order of the
	// node at the other end.
	Related(ctx context.Context, ids []string, rel RelType, dir Direction) (map[string][]Edge, error)
	// Counts returns how many nodes of each label and relationships of each
	// type the store holds, keyed by label or type name.
	Counts(ctx context.Context) (map[string]int, error)
	// Dump returns the whole graph as a batch, for export.
	Dump(ctx context.Context) (*Batch, error)

	// Find returns one page of the nodes of q.Label that match q.Where,
	// in q.Sort order (display name, then ID, break ties).
	Find(ctx context.Context, q Query) ([]Node, error)
	// Count returns how many nodes of a label match where, without
	// loading them.
	Count(ctx context.Context, label Label, where *Filter) (int, error)
	// RelatedQuery follows rel from each of ids like Related, keeping the
	// edges whose far node matches q.Where, in q.Sort order, at most
	// q.Limit per node after q.Offset (q.Label is the far label).
	RelatedQuery(ctx context.Context, ids []string, rel RelType, dir Direction, q Query) (map[string][]Edge, error)
	// Degrees counts, for each of ids, the rel relationships followed in
	// dir whose far node matches where.
	Degrees(ctx context.Context, ids []string, rel RelType, dir Direction, where *Filter) (map[string]int, error)
	// Search returns the nodes of the given labels (all when empty) whose
	// text matches any word of text, best first, at most limit.
	Search(ctx context.Context, text string, labels []Label, limit int) ([]SearchHit, error)
	// ShortestPath returns a shortest path between two nodes over
	// relationships of the given types (every type when empty) in either
	// direction, of at most maxHops relationships, or nil when there is
	// none. Of several shortest paths it returns the one PathBefore puts
	// first, so that every store returns the same one.
	ShortestPath(ctx context.Context, from, to string, maxHops int, types []RelType) (*Path, error)
	// Close releases the store's resources.
	Close() error
}

// DocumentReplacer is a store that can replace what one document said.
type DocumentReplacer interface {
	// ReplaceDocument removes the evidence document name gave (and the
	// relationships left without evidence, and the nodes those leave
	// without relationships) and writes b, as one step. Replacing a
	// document with the batch it gave before changes nothing.
	ReplaceDocument(ctx context.Context, name string, b *Batch) error
}

// SourceKeeper is a store that keeps the text of the documents its graph
// was read from, so that every server reading it (stateless replicas in
// front of one Neo4j, or one server after a restart) can read a change
// against the same documents: the documents that depend on a changed one
// are read again, not only the changed one against the graph.
type SourceKeeper interface {
	DocumentReplacer
	// Sources says which documents are kept, with the version of the
	// set, which every change to it moves on.
	Sources(ctx context.Context) (*SourceSet, error)
	// SourceVersion returns the version of the kept documents alone.
	SourceVersion(ctx context.Context) (int64, error)
	// SourceTexts returns the kept texts of the named documents.
	SourceTexts(ctx context.Context, names []string) (map[string][]byte, error)
	// KeepSources keeps texts by document name, as a bulk load of them
	// has written what they say.
	KeepSources(ctx context.Context, texts map[string][]byte) error
	// ApplyDocuments replaces what each changed document says and keeps
	// or forgets the texts the changes carry, as one step, when the kept
	// documents are still at version. Otherwise it changes nothing and
	// returns an error that is ErrSourcesMoved.
	ApplyDocuments(ctx context.Context, version int64, changes []DocumentChange) error
}

// SourceSet is the set of documents a SourceKeeper keeps.
type SourceSet struct {
	// Version moves on with every change to the set.
	Version int64
	// Digests holds each kept document's digest (SourceDigest), by name.
	Digests map[string]string
	// Unkept names the documents that say something in the graph but
	// whose text is not kept (written by a bulk load before texts were).
	Unkept []string
}

// SourceDigest is the digest a SourceKeeper keeps of a document's text.
func SourceDigest(text []byte) string {
	sum := sha256.Sum256(text)
	return hex.EncodeToString(sum[:])
}

// DocumentChange is one document's part of ApplyDocuments: what it says
// now (Batch, empty when it says nothing or is removed) and, when Keep,
// its text to keep (nil: forget it).
type DocumentChange struct {
	Name  string
	Batch *Batch
	Keep  bool
	Text  []byte
}

// ErrSourcesMoved is the error of an ApplyDocuments whose version is no
// longer the kept documents': another server changed them in between.
var ErrSourcesMoved = &Error{Code: EUNAVAILABLE, Message: "the documents changed on another server during the change; try again"}

// Pinner is a store whose reads can be held to one version of the graph,
// so that a request making several calls never sees half of a write.
type Pinner interface {
	// Pin returns a context in which every read of the store sees one
	// version of the graph until release is called; release must be
	// called once the reads are done. Writes made with the pinned context
	// are not seen by its reads.
	Pin(ctx context.Context) (pinned context.Context, release func())
}

// AddResult says what adding a document did.
type AddResult struct {
	Name          string
	Kind          string // listing or recap
	Warnings      []string
	Nodes         int // nodes the document gave
	Relationships int // relationships the document gave
}

// DocumentAdder adds documents to the graph.
type DocumentAdder interface {
	Add(ctx context.Context, name string, text []byte) (*AddResult, error)
}
