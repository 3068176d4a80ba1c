package confgraph

import (
	"context"
	"sort"
)

// RelatedPath is a way RelatedTalks finds other talks: Out from a talk to
// what it shares, Back to the talks that share it, Weight for each shared
// thing, and Kind naming it in the reasons.
type RelatedPath struct {
	Out, Back []RelCount
	Weight    float64
	Kind      string
}

// RelatedPaths score 3 per speaker, 2 per project and 1 per company of a
// speaker two talks share.
var RelatedPaths = []RelatedPath{
	{[]RelCount{presentedIn}, []RelCount{presentedOut}, 3, "speaker"},
	{[]RelCount{discussesOut}, []RelCount{discussesIn}, 2, "project"},
	{[]RelCount{presentedIn, worksAtOut}, []RelCount{worksAtIn, presentedOut}, 1, "company"},
}

// RelatedTalk is another talk with what it shares with a talk.
type RelatedTalk struct {
	Talk    *Talk
	Score   float64
	Reasons []string // sorted, e.g. "speaker Matt Klein"
}

// RelatedTalks scores the other talks by what they share with each of
// ids (RelatedPaths) and returns for each the n best, highest score first
// and then in display-name order. It walks out and back in a fixed
// number of store calls, however many talks.
func RelatedTalks(ctx context.Context, s Store, ids []string, n int) (map[string][]RelatedTalk, error) {
	score := map[string]map[string]float64{}
	reasons := map[string]map[string][]string{}
	talks := map[string]*Talk{}
	for _, id := range ids {
		score[id], reasons[id] = map[string]float64{}, map[string][]string{}
	}
	for _, p := range RelatedPaths {
		shared, via, err := reachAll(ctx, s, ids, p.Out)
		if err != nil {
			return nil, err
		}
		mids := make([]string, 0, len(via))
		for id := range via {
			mids = append(mids, id)
		}
		sort.Strings(mids)
		back, others, err := reachAll(ctx, s, mids, p.Back)
		if err != nil {
			return nil, err
		}
		for _, t := range ids {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			for vid := range shared[t] {
				for oid := range back[vid] {
					o, ok := others[oid].(*Talk)
					if oid == t || !ok {
						continue
					}
					talks[oid] = o
					score[t][oid] += p.Weight
					reasons[t][oid] = append(reasons[t][oid], p.Kind+" "+DisplayName(via[vid]))
				}
			}
		}
	}
	out := make(map[string][]RelatedTalk, len(ids))
	for _, t := range ids {
		others := make([]string, 0, len(score[t]))
		for id := range score[t] {
			others = append(others, id)
		}
		sort.Slice(others, func(a, b int) bool {
			sa, sb := score[t][others[a]], score[t][others[b]]
			if sa != sb {
				return sa > sb
			}
			return Less(talks[others[a]], talks[others[b]])
		})
		list := []RelatedTalk{}
		for _, id := range others[:min(n, len(others))] {
			rs := reasons[t][id]
			sort.Strings(rs)
			list = append(list, RelatedTalk{Talk: talks[id], Score: score[t][id], Reasons: rs})
		}
		out[t] = list
	}
	return out, nil
}

// EventDays gives each event's first (or last) day: the one a document
// states, else the first (last) day its schedules date a talk, asked in
// one store call for all the events that state none; "" when neither
// says.
func EventDays(ctx context.Context, s Store, events []*Event, last bool) ([]string, error) {
	out := make([]string, len(events))
	var missing []string
	for i, e := range events {
		out[i] = e.StartDate
		if last {
			out[i] = e.EndDate
		}
		if out[i] == "" {
			missing = append(missing, e.ID)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	q := Query{Limit: 1,
		Where: &Filter{Conds: []Cond{{Field: "date", Op: OpIsNull, Value: false}}},
		Sort:  []SortKey{{Field: "date", Desc: last}}}
	m, err := s.RelatedQuery(ctx, DistinctIDs(missing), RelPartOf, In, q)
	if err != nil {
		return nil, err
	}
	for i, e := range events {
		if out[i] != "" || len(m[e.ID]) == 0 {
			continue
		}
		if t, ok := m[e.ID][0].Node.(*Talk); ok {
			out[i] = t.Date
		}
	}
	return out, nil
}

// DistinctIDs returns ids without repeats, in the order they first come.
func DistinctIDs(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
