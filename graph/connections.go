package graph

// The top-level connection types: gqlgen binds them here (gqlgen.yml) so
// that each keeps its query and store (pageOf) for totalCount.

// TalkConnection is a page of talks.
type TalkConnection struct {
	Edges    []*TalkEdge
	PageInfo *PageInfo
	pageOf
}

// SpeakerConnection is a page of speakers.
type SpeakerConnection struct {
	Edges    []*SpeakerEdge
	PageInfo *PageInfo
	pageOf
}

// CompanyConnection is a page of companies.
type CompanyConnection struct {
	Edges    []*CompanyEdge
	PageInfo *PageInfo
	pageOf
}

// ProjectConnection is a page of projects.
type ProjectConnection struct {
	Edges    []*ProjectEdge
	PageInfo *PageInfo
	pageOf
}

// EventConnection is a page of events.
type EventConnection struct {
	Edges    []*EventEdge
	PageInfo *PageInfo
	pageOf
}

// RecapConnection is a page of recaps.
type RecapConnection struct {
	Edges    []*RecapEdge
	PageInfo *PageInfo
	pageOf
}
