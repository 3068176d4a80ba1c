package graph

import (
	"github.com/confgraph/confgraph/internal/confgraph"
)

// sortKey is one possible key of a GraphQL sort input: a property, or a
// relationship count.
type sortKey struct {
	dir   *SortDirection
	field string
	count *confgraph.RelCount
}

// keys turns sort inputs into store sort keys; each input object must set
// exactly one field.
func keys[T any](in []*T, typ string, fields func(*T) []sortKey) ([]confgraph.SortKey, error) {
	var out []confgraph.SortKey
	for _, s := range in {
		var set []sortKey
		for _, k := range fields(s) {
			if k.dir != nil {
				set = append(set, k)
			}
		}
		if len(set) != 1 {
			return nil, confgraph.Errorf(confgraph.EINVALID, "each %s must set exactly one field, got %d", typ, len(set))
		}
		k := set[0]
		out = append(out, confgraph.SortKey{Field: k.field, Count: k.count, Desc: *k.dir == SortDirectionDesc})
	}
	return out, nil
}

func count(rel confgraph.RelType, dir confgraph.Direction) *confgraph.RelCount {
	return &confgraph.RelCount{Rel: rel, Dir: dir}
}

func talkSort(in []*TalkSort) ([]confgraph.SortKey, error) {
	return keys(in, "TalkSort", func(s *TalkSort) []sortKey {
		return []sortKey{{s.Title, "title", nil}, {s.Level, "level", nil}, {s.Kind, "kind", nil},
			{s.DurationMinutes, "durationMinutes", nil}, {s.Participants, "participants", nil},
			{s.Date, "date", nil}, {s.StartsAt, "startsAt", nil}, {s.Room, "room", nil},
			{s.SpeakerCount, "", count(confgraph.RelPresented, confgraph.In)},
			{s.ProjectCount, "", count(confgraph.RelDiscusses, confgraph.Out)},
			{s.RecapCount, "", count(confgraph.RelReviews, confgraph.In)}}
	})
}

func speakerSort(in []*SpeakerSort) ([]confgraph.SortKey, error) {
	return keys(in, "SpeakerSort", func(s *SpeakerSort) []sortKey {
		return []sortKey{{s.Name, "name", nil}, {s.TalkCount, "", count(confgraph.RelPresented, confgraph.Out)}}
	})
}

func companySort(in []*CompanySort) ([]confgraph.SortKey, error) {
	return keys(in, "CompanySort", func(s *CompanySort) []sortKey {
		return []sortKey{{s.Name, "name", nil}, {s.SpeakerCount, "", count(confgraph.RelWorksAt, confgraph.In)},
			{s.TalkCount, "", &confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: confgraph.In, Then: count(confgraph.RelPresented, confgraph.Out)}}}
	})
}

func projectSort(in []*ProjectSort) ([]confgraph.SortKey, error) {
	return keys(in, "ProjectSort", func(s *ProjectSort) []sortKey {
		return []sortKey{{s.Name, "name", nil}, {s.Maturity, "maturity", nil}, {s.Accepted, "accepted", nil},
			{s.TalkCount, "", count(confgraph.RelDiscusses, confgraph.In)},
			{s.RecapCount, "", count(confgraph.RelMentions, confgraph.In)}}
	})
}

func eventSort(in []*EventSort) ([]confgraph.SortKey, error) {
	return keys(in, "EventSort", func(s *EventSort) []sortKey {
		return []sortKey{{s.Name, "name", nil}, {s.Year, "year", nil}, {s.StartDate, "startDate", nil},
			{s.TalkCount, "", count(confgraph.RelPartOf, confgraph.In)}}
	})
}

func recapSort(in []*RecapSort) ([]confgraph.SortKey, error) {
	return keys(in, "RecapSort", func(s *RecapSort) []sortKey {
		return []sortKey{{s.Title, "title", nil}, {s.Published, "published", nil},
			{s.TalkCount, "", count(confgraph.RelReviews, confgraph.Out)}}
	})
}
