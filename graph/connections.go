package graph

import "github.com/confgraph/confgraph/internal/confgraph"

// A top-level connection keeps its query so that totalCount is counted
// only when asked for, and without loading the nodes.

// TalkConnection is a page of talks.
type TalkConnection struct {
	Edges    []*TalkEdge
	PageInfo *PageInfo
	query    confgraph.Query
}

// SpeakerConnection is a page of speakers.
type SpeakerConnection struct {
	Edges    []*SpeakerEdge
	PageInfo *PageInfo
	query    confgraph.Query
}

// CompanyConnection is a page of companys.
type CompanyConnection struct {
	Edges    []*CompanyEdge
	PageInfo *PageInfo
	query    confgraph.Query
}

// ProjectConnection is a page of projects.
type ProjectConnection struct {
	Edges    []*ProjectEdge
	PageInfo *PageInfo
	query    confgraph.Query
}

// EventConnection is a page of events.
type EventConnection struct {
	Edges    []*EventEdge
	PageInfo *PageInfo
	query    confgraph.Query
}

// RecapConnection is a page of recaps.
type RecapConnection struct {
	Edges    []*RecapEdge
	PageInfo *PageInfo
	query    confgraph.Query
}
