package storetest

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// Shorthands for the queries below.

func cond(field string, op confgraph.Op, v any) confgraph.Cond {
	return confgraph.Cond{Field: field, Op: op, Value: v}
}

func fold(c confgraph.Cond) confgraph.Cond { c.Fold = true; return c }

func oneOf(field string, vs ...any) confgraph.Cond {
	return confgraph.Cond{Field: field, Op: confgraph.OpIn, Values: vs}
}

func where(cs ...confgraph.Cond) *confgraph.Filter { return &confgraph.Filter{Conds: cs} }

func rels(rs ...confgraph.RelCond) *confgraph.Filter { return &confgraph.Filter{Rels: rs} }

func quant(q confgraph.Quantifier, t confgraph.RelType, d confgraph.Direction, f *confgraph.Filter) confgraph.RelCond {
	return confgraph.RelCond{Rel: t, Dir: d, Quant: q, Where: f}
}

func not(f *confgraph.Filter) *confgraph.Filter { return &confgraph.Filter{Not: f} }

func asc(field string) confgraph.SortKey  { return confgraph.SortKey{Field: field} }
func desc(field string) confgraph.SortKey { return confgraph.SortKey{Field: field, Desc: true} }

func byCount(t confgraph.RelType, d confgraph.Direction, descending bool) confgraph.SortKey {
	return confgraph.SortKey{Count: &confgraph.RelCount{Rel: t, Dir: d}, Desc: descending}
}

// worksAt is "some employer is named company".
func worksAt(company string) *confgraph.Filter {
	return rels(quant(confgraph.Some, confgraph.RelWorksAt, confgraph.Out, where(cond("name", confgraph.OpEq, company))))
}

func find(t *testing.T, s confgraph.Store, q confgraph.Query) []confgraph.Node {
	t.Helper()
	got, err := s.Find(context.Background(), q)
	if err != nil {
		t.Fatalf("Find(%s): %v", q, err)
	}
	return got
}

func ids(ns []confgraph.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.NodeID())
	}
	return out
}

// relCount counts rc from a node as an API would: by Degrees, or by two
// rounds of Related for a count through an intermediate node.
func relCount(t *testing.T, s confgraph.Store, id string, rc confgraph.RelCount) int {
	t.Helper()
	ctx := context.Background()
	if rc.Then == nil {
		m, err := s.Degrees(ctx, []string{id}, rc.Rel, rc.Dir, nil)
		if err != nil {
			t.Fatalf("Degrees: %v", err)
		}
		return m[id]
	}
	first, err := s.Related(ctx, []string{id}, rc.Rel, rc.Dir)
	if err != nil {
		t.Fatalf("Related: %v", err)
	}
	seen := map[string]bool{}
	for _, e := range first[id] {
		second, err := s.Related(ctx, []string{e.Node.NodeID()}, rc.Then.Rel, rc.Then.Dir)
		if err != nil {
			t.Fatalf("Related: %v", err)
		}
		for _, f := range second[e.Node.NodeID()] {
			seen[f.Node.NodeID()] = true
		}
	}
	return len(seen)
}

// cursor returns the cursor of n under sort the way the API makes one,
// through its string form.
func cursor(t *testing.T, s confgraph.Store, n confgraph.Node, sort []confgraph.SortKey) *confgraph.Cursor {
	t.Helper()
	count := func(rc confgraph.RelCount) int { return relCount(t, s, n.NodeID(), rc) }
	c, err := confgraph.DecodeCursor(confgraph.CursorOf(n, sort, count).Encode(), sort)
	if err != nil {
		t.Fatalf("DecodeCursor: %v", err)
	}
	return c
}

// runQueries holds the stores to the same answers for filtered, sorted and
// paged queries and relationship queries.
func runQueries(t *testing.T, loaded func(t *testing.T) confgraph.Store) {
	const (
		in, out = confgraph.In, confgraph.Out
		talk    = confgraph.LabelTalk
	)
	var (
		some, all, none, single = confgraph.Some, confgraph.All, confgraph.None, confgraph.Single
	)

	t.Run("Find", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			name  string
			label confgraph.Label
			where *confgraph.Filter
			want  []string // IDs in display order
		}{
			{"Everything", talk, nil, []string{talkPanel, talkClosingEU, talkClosingNA, talkEBPF, talkKeynote, talkZeroTrust, talkEclairs}},
			{"Eq", talk, where(cond("title", confgraph.OpEq, "Keynote: Welcome Back")), []string{talkKeynote}},
			{"EqIsCaseSensitive", talk, where(cond("title", confgraph.OpEq, "closing remarks")), []string{talkClosingEU}},
			{"EqFold", talk, where(fold(cond("title", confgraph.OpEq, "CLOSING REMARKS"))), []string{talkClosingEU, talkClosingNA}},
			{"EqID", confgraph.LabelSpeaker, where(cond("id", confgraph.OpEq, speakerDana)), []string{speakerDana}},
			{"EqInt", talk, where(cond("participants", confgraph.OpEq, 4)), []string{talkPanel}},
			{"In", talk, where(oneOf("kind", "PANEL", "KEYNOTE")), []string{talkPanel, talkKeynote}},
			{"InFold", talk, where(fold(oneOf("level", "beginner", "Advanced"))), []string{talkEBPF, talkZeroTrust}},
			{"InNothing", talk, where(oneOf("kind")), nil},
			{"Contains", talk, where(cond("title", confgraph.OpContains, "Remarks")), []string{talkClosingNA}},
			{"ContainsFold", talk, where(fold(cond("title", confgraph.OpContains, "REMARKS"))), []string{talkClosingEU, talkClosingNA}},
			{"StartsWith", confgraph.LabelSpeaker, where(cond("name", confgraph.OpStartsWith, "D")), []string{speakerDana}},
			// An accented capital is another letter, folded or not.
			{"StartsWithFoldKeepsAccents", talk, where(fold(cond("title", confgraph.OpStartsWith, "E"))), []string{talkEBPF}},
			{"EndsWith", talk, where(cond("abstract", confgraph.OpEndsWith, "tears.")), []string{talkZeroTrust}},
			{"Lt", talk, where(cond("durationMinutes", confgraph.OpLt, 30)), []string{talkClosingEU, talkKeynote}},
			{"Lte", talk, where(cond("durationMinutes", confgraph.OpLte, 30)), []string{talkClosingEU, talkEBPF, talkKeynote}},
			{"Gt", talk, where(cond("durationMinutes", confgraph.OpGt, 35)), []string{talkPanel}},
			{"Gte", talk, where(cond("durationMinutes", confgraph.OpGte, 35)), []string{talkPanel, talkZeroTrust}},
			{"DateGte", confgraph.LabelEvent, where(cond("startDate", confgraph.OpGte, "2031-01-01")), []string{eventEU}},
			{"DateLt", confgraph.LabelProject, where(cond("accepted", confgraph.OpLt, "2028")), []string{projectLumen}},
			{"TwoConditions", talk, where(cond("kind", confgraph.OpEq, "TALK"), cond("durationMinutes", confgraph.OpGt, 0)), []string{talkEBPF, talkZeroTrust}},
			// Aliases are tested by equality with one of them.
			{"AliasFold", confgraph.LabelSpeaker, where(fold(cond(confgraph.AliasField, confgraph.OpEq, "a. OKAFOR"))), []string{speakerAda}},
			{"AliasExact", confgraph.LabelSpeaker, where(cond(confgraph.AliasField, confgraph.OpEq, "a. OKAFOR")), nil},
			{"AliasNotAName", confgraph.LabelSpeaker, where(fold(cond(confgraph.AliasField, confgraph.OpEq, "Ada Okafor"))), nil},
			// A schedule's day, time and room.
			{"DateEq", talk, where(cond("date", confgraph.OpEq, "2031-03-19")), []string{talkEBPF}},
			{"DateRange", talk, where(cond("date", confgraph.OpGte, "2031-03-18"), cond("startsAt", confgraph.OpGte, "12:00")), []string{talkZeroTrust}},
			{"RoomFold", talk, where(fold(cond("room", confgraph.OpStartsWith, "hall"))), []string{talkEBPF, talkZeroTrust}},
			// isNull asks for a missing property (or a present one).
			{"IsNullString", talk, where(cond("level", confgraph.OpIsNull, true)), []string{talkPanel, talkClosingEU, talkClosingNA, talkKeynote}},
			{"IsNullFalse", talk, where(cond("level", confgraph.OpIsNull, false)), []string{talkEBPF, talkZeroTrust, talkEclairs}},
			{"IsNullInt", talk, where(cond("durationMinutes", confgraph.OpIsNull, true)), []string{talkClosingNA, talkEclairs}},
			{"IsNullNeverNull", talk, where(cond("title", confgraph.OpIsNull, true)), nil},
			{"NotIsNull", confgraph.LabelSpeaker, not(where(cond("role", confgraph.OpIsNull, true))), []string{speakerAda, speakerBruno}},
			// A missing property matches no condition, so NOT of one holds.
			{"NotOverMissingInt", talk, not(where(cond("durationMinutes", confgraph.OpLt, 30))),
				[]string{talkPanel, talkClosingNA, talkEBPF, talkZeroTrust, talkEclairs}},
			{"NotOverMissingString", confgraph.LabelSpeaker, not(where(cond("role", confgraph.OpContains, "Engineer"))), []string{speakerChen, speakerDana}},
			{"NotOverMissingFold", talk, not(where(fold(cond("level", confgraph.OpEq, "beginner")))),
				[]string{talkPanel, talkClosingEU, talkClosingNA, talkKeynote, talkZeroTrust, talkEclairs}},
			{"NotNot", talk, not(not(where(cond("durationMinutes", confgraph.OpLt, 30)))), []string{talkClosingEU, talkKeynote}},
			{"Or", talk, &confgraph.Filter{Or: []*confgraph.Filter{where(cond("kind", confgraph.OpEq, "PANEL")), where(cond("durationMinutes", confgraph.OpLt, 15))}},
				[]string{talkPanel, talkClosingEU}},
			{"NotOr", talk, not(&confgraph.Filter{Or: []*confgraph.Filter{where(cond("level", confgraph.OpEq, "BEGINNER")), where(cond("durationMinutes", confgraph.OpGt, 20))}}),
				[]string{talkClosingEU, talkClosingNA, talkKeynote, talkEclairs}},
			{"And", talk, &confgraph.Filter{And: []*confgraph.Filter{
				where(cond("level", confgraph.OpEq, "ADVANCED")),
				rels(quant(some, confgraph.RelDiscusses, out, where(cond("name", confgraph.OpEq, "Lumen")))),
			}}, []string{talkZeroTrust}},

			// Quantifiers over the speakers of a talk.
			{"Some", talk, rels(quant(some, confgraph.RelPresented, in, where(cond("name", confgraph.OpEq, "Chen Wei")))), []string{talkPanel, talkEclairs}},
			{"SomeWithoutFilter", confgraph.LabelProject, rels(quant(some, confgraph.RelMentions, in, nil)), []string{projectLumen}},
			{"None", talk, rels(quant(none, confgraph.RelPresented, in, worksAt("Acme Cloud"))), []string{talkClosingEU, talkClosingNA, talkEclairs}},
			// Talks without speakers have no speaker who fails: all holds.
			{"All", talk, rels(quant(all, confgraph.RelPresented, in, worksAt("Globex Systems"))), []string{talkClosingEU, talkClosingNA, talkEclairs}},
			{"AllVacuous", talk, rels(quant(all, confgraph.RelPresented, in, where(cond("name", confgraph.OpEq, "Nobody")))), []string{talkClosingEU, talkClosingNA}},
			// All over a missing property: Chen and Dana have no role.
			{"AllOverMissing", talk, rels(quant(all, confgraph.RelPresented, in, not(where(cond("role", confgraph.OpContains, "Staff"))))),
				[]string{talkClosingEU, talkClosingNA, talkKeynote, talkZeroTrust, talkEclairs}},
			{"Single", talk, rels(quant(single, confgraph.RelPresented, in, nil)), []string{talkEBPF, talkKeynote, talkZeroTrust, talkEclairs}},
			{"SingleWithFilter", talk, rels(quant(single, confgraph.RelPresented, in, worksAt("Globex Systems"))), []string{talkEclairs}},

			// Nested two levels: talks whose speakers work at a company named X.
			{"SpeakersWorkAt", talk, rels(quant(some, confgraph.RelPresented, in, worksAt("Acme Cloud"))),
				[]string{talkPanel, talkEBPF, talkKeynote, talkZeroTrust}},
			// Talks discussing a project whose speakers work at a company.
			{"DiscussingAndSpeakersWorkAt", talk, rels(
				quant(some, confgraph.RelDiscusses, out, where(cond("name", confgraph.OpEq, "Lumen"))),
				quant(some, confgraph.RelPresented, in, worksAt("Acme Cloud")),
			), []string{talkEBPF, talkZeroTrust}},
			{"CompaniesWithSpeakersAtEvent", confgraph.LabelCompany, rels(quant(some, confgraph.RelWorksAt, in,
				rels(quant(some, confgraph.RelPresented, out,
					rels(quant(some, confgraph.RelPartOf, out, where(cond("city", confgraph.OpEq, "Denver")))))))),
				[]string{companyAcme, companyGlobex}},
			{"NotSomeIsNone", talk, not(rels(quant(some, confgraph.RelPresented, in, worksAt("Acme Cloud")))),
				[]string{talkClosingEU, talkClosingNA, talkEclairs}},
			{"OrOfRelationships", confgraph.LabelSpeaker, &confgraph.Filter{Or: []*confgraph.Filter{
				worksAt("Globex Systems"),
				rels(quant(some, confgraph.RelPresented, out, where(cond("kind", confgraph.OpEq, "KEYNOTE")))),
			}}, []string{speakerBruno, speakerChen, speakerDana}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				q := confgraph.Query{Label: tc.label, Where: tc.where}
				if got := ids(find(t, s, q)); !slices.Equal(got, tc.want) {
					t.Errorf("Find(%s) =\n  %v\nwant\n  %v", q, got, tc.want)
				}
				n, err := s.Count(context.Background(), tc.label, tc.where)
				if err != nil {
					t.Fatalf("Count: %v", err)
				}
				if n != len(tc.want) {
					t.Errorf("Count(%s) = %d, want %d", q, n, len(tc.want))
				}
			})
		}
	})

	t.Run("FindSorted", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			name  string
			label confgraph.Label
			sort  []confgraph.SortKey
			want  []string
		}{
			// Missing durations count as 0; ties keep display order.
			{"IntAsc", talk, []confgraph.SortKey{asc("durationMinutes")},
				[]string{talkClosingNA, talkEclairs, talkClosingEU, talkKeynote, talkEBPF, talkZeroTrust, talkPanel}},
			{"IntDesc", talk, []confgraph.SortKey{desc("durationMinutes")},
				[]string{talkPanel, talkZeroTrust, talkEBPF, talkKeynote, talkClosingEU, talkClosingNA, talkEclairs}},
			// Titles equal but for case tie, and ties go by ID ascending.
			{"TitleDesc", talk, []confgraph.SortKey{desc("title")},
				[]string{talkEclairs, talkZeroTrust, talkKeynote, talkEBPF, talkClosingEU, talkClosingNA, talkPanel}},
			{"StringWithMissing", confgraph.LabelSpeaker, []confgraph.SortKey{asc("role")}, []string{speakerChen, speakerDana, speakerBruno, speakerAda}},
			// Kinds sort by confgraph.EnumOrder: keynotes, talks, panels, others.
			{"TwoKeys", talk, []confgraph.SortKey{asc("kind"), desc("durationMinutes")},
				[]string{talkKeynote, talkZeroTrust, talkEBPF, talkEclairs, talkPanel, talkClosingEU, talkClosingNA}},
			// Talks no schedule dates first, then by day and start.
			{"DayThenStart", talk, []confgraph.SortKey{asc("date"), asc("startsAt")},
				[]string{talkPanel, talkClosingEU, talkClosingNA, talkKeynote, talkEclairs, talkZeroTrust, talkEBPF}},
			// Levels sort by meaning, not spelling: no level, then
			// BEGINNER < INTERMEDIATE < ADVANCED.
			{"LevelByMeaning", talk, []confgraph.SortKey{asc("level")},
				[]string{talkPanel, talkClosingEU, talkClosingNA, talkKeynote, talkEBPF, talkEclairs, talkZeroTrust}},
			{"LevelByMeaningDesc", talk, []confgraph.SortKey{desc("level")},
				[]string{talkZeroTrust, talkEclairs, talkEBPF, talkPanel, talkClosingEU, talkClosingNA, talkKeynote}},
			{"CountDesc", talk, []confgraph.SortKey{byCount(confgraph.RelPresented, in, true)},
				[]string{talkPanel, talkEBPF, talkKeynote, talkZeroTrust, talkEclairs, talkClosingEU, talkClosingNA}},
			{"CountAsc", confgraph.LabelProject, []confgraph.SortKey{byCount(confgraph.RelDiscusses, in, false)}, []string{projectTidewater, projectLumen}},
			// Acme's people gave 4 talks, Globex's 2 (the panel once).
			{"CountThrough", confgraph.LabelCompany, []confgraph.SortKey{{Count: &confgraph.RelCount{Rel: confgraph.RelWorksAt, Dir: in,
				Then: &confgraph.RelCount{Rel: confgraph.RelPresented, Dir: out}}}}, []string{companyGlobex, companyAcme}},
			// The people each speaker shared a stage with, themselves
			// included: Ada, Chen and Dana 3 (the panel), Bruno 1.
			{"CountThroughBackToItself", confgraph.LabelSpeaker, []confgraph.SortKey{{Count: &confgraph.RelCount{Rel: confgraph.RelPresented, Dir: out,
				Then: &confgraph.RelCount{Rel: confgraph.RelPresented, Dir: in}}}, desc("name")}, []string{speakerBruno, speakerDana, speakerChen, speakerAda}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				q := confgraph.Query{Label: tc.label, Sort: tc.sort}
				all := find(t, s, q)
				if got := ids(all); !slices.Equal(got, tc.want) {
					t.Fatalf("Find(%s) =\n  %v\nwant\n  %v", q, got, tc.want)
				}
				p := q
				p.Offset, p.Limit = 2, 3
				if got := ids(find(t, s, p)); !slices.Equal(got, tc.want[2:min(5, len(tc.want))]) {
					t.Errorf("offset 2 limit 3 = %v, want %v", got, tc.want[2:min(5, len(tc.want))])
				}

				// Forwards two at a time, each page after the last one's end.
				var fwd []string
				p = q
				p.Limit = 2
				for range len(all) + 1 {
					page := find(t, s, p)
					if len(page) == 0 {
						break
					}
					fwd = append(fwd, ids(page)...)
					p.After = cursor(t, s, page[len(page)-1], q.Sort)
				}
				if !slices.Equal(fwd, tc.want) {
					t.Errorf("paging forwards = %v, want %v", fwd, tc.want)
				}

				// Backwards: the last two before the previous page's start.
				var back []string
				p = confgraph.Query{Label: q.Label, Sort: q.Sort, Limit: 2, Last: true}
				for range len(all) + 1 {
					page := find(t, s, p)
					if len(page) == 0 {
						break
					}
					back = append(ids(page), back...)
					p.Before = cursor(t, s, page[0], q.Sort)
				}
				if !slices.Equal(back, tc.want) {
					t.Errorf("paging backwards = %v, want %v", back, tc.want)
				}

				// Between two cursors.
				if len(all) < 3 {
					return
				}
				p = confgraph.Query{Label: q.Label, Sort: q.Sort, After: cursor(t, s, all[1], q.Sort), Before: cursor(t, s, all[len(all)-1], q.Sort)}
				if got, want := ids(find(t, s, p)), tc.want[2:len(tc.want)-1]; !slices.Equal(got, want) {
					t.Errorf("between the 2nd and the last = %v, want %v", got, want)
				}
			})
		}
	})

	t.Run("FindFilteredSortedPaged", func(t *testing.T) {
		s := loaded(t)
		q := confgraph.Query{Label: talk, Where: rels(quant(some, confgraph.RelPartOf, out, where(cond("country", confgraph.OpEq, "Portugal")))),
			Sort: []confgraph.SortKey{desc("durationMinutes")}, Limit: 2, Offset: 1}
		if got, want := ids(find(t, s, q)), []string{talkEBPF, talkClosingEU}; !slices.Equal(got, want) {
			t.Errorf("European talks, longest first, 2 after the first = %v, want %v", got, want)
		}
		q.Offset, q.Last = 0, true
		if got, want := ids(find(t, s, q)), []string{talkClosingEU, talkEclairs}; !slices.Equal(got, want) {
			t.Errorf("European talks, longest first, the last 2 = %v, want %v", got, want)
		}
	})

	t.Run("FindRejectsBadQueries", func(t *testing.T) {
		s := loaded(t)
		deep := where(cond("name", confgraph.OpEq, "x"))
		for range confgraph.MaxFilterDepth + 1 {
			deep = not(deep)
		}
		for _, tc := range []struct {
			name string
			q    confgraph.Query
		}{
			{"UnknownLabel", confgraph.Query{Label: "Talk) DETACH DELETE (n"}},
			{"UnknownField", confgraph.Query{Label: talk, Where: where(cond("name", confgraph.OpEq, "x"))}},
			{"FieldWithQuote", confgraph.Query{Label: talk, Where: where(cond("title` = '' OR true //", confgraph.OpEq, "x"))}},
			{"TextOpOnInt", confgraph.Query{Label: talk, Where: where(cond("durationMinutes", confgraph.OpContains, "3"))}},
			{"RangeOnText", confgraph.Query{Label: talk, Where: where(cond("title", confgraph.OpLt, "M"))}},
			{"WrongValueType", confgraph.Query{Label: talk, Where: where(cond("durationMinutes", confgraph.OpEq, "30"))}},
			{"UnknownOp", confgraph.Query{Label: talk, Where: where(cond("title", "like", "x"))}},
			{"RelationshipFromWrongLabel", confgraph.Query{Label: talk, Where: rels(quant(some, confgraph.RelWorksAt, out, nil))}},
			{"UnknownQuantifier", confgraph.Query{Label: talk, Where: rels(quant("most", confgraph.RelPresented, in, nil))}},
			{"TooDeep", confgraph.Query{Label: confgraph.LabelSpeaker, Where: deep}},
			{"NegativeLimit", confgraph.Query{Label: talk, Limit: -1}},
			{"NegativeOffset", confgraph.Query{Label: talk, Offset: -1}},
			{"UnknownSortField", confgraph.Query{Label: talk, Sort: []confgraph.SortKey{asc("name")}}},
			{"SortByForeignCount", confgraph.Query{Label: talk, Sort: []confgraph.SortKey{byCount(confgraph.RelWorksAt, out, false)}}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.Find(context.Background(), tc.q)
				checkCode(t, err, confgraph.EINVALID)
				_, err = s.Count(context.Background(), tc.q.Label, tc.q.Where)
				if tc.q.Where != nil || tc.q.Label != talk {
					checkCode(t, err, confgraph.EINVALID)
				}
			})
		}
	})

	t.Run("RelatedQuery", func(t *testing.T) {
		s := loaded(t)
		ctx := context.Background()
		events := []string{eventEU, eventNA, "event:nowhere"}
		for _, tc := range []struct {
			name string
			q    confgraph.Query
			want map[string][]string
		}{
			{"FilteredSortedLimited", confgraph.Query{Where: where(cond("kind", confgraph.OpEq, "TALK")), Sort: []confgraph.SortKey{desc("durationMinutes")}, Limit: 2},
				map[string][]string{eventEU: {talkZeroTrust, talkEBPF}, eventNA: nil, "event:nowhere": nil}},
			{"OffsetPerEvent", confgraph.Query{Offset: 1, Limit: 2},
				map[string][]string{eventEU: {talkEBPF, talkZeroTrust}, eventNA: {talkClosingNA, talkKeynote}, "event:nowhere": nil}},
			{"LastPerEvent", confgraph.Query{Limit: 1, Last: true, Sort: []confgraph.SortKey{byCount(confgraph.RelPresented, in, true)}},
				map[string][]string{eventEU: {talkClosingEU}, eventNA: {talkClosingNA}, "event:nowhere": nil}},
			{"NestedFilter", confgraph.Query{Where: rels(quant(some, confgraph.RelPresented, in, worksAt("Globex Systems")))},
				map[string][]string{eventEU: {talkEclairs}, eventNA: {talkPanel}, "event:nowhere": nil}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.RelatedQuery(ctx, events, confgraph.RelPartOf, in, tc.q)
				if err != nil {
					t.Fatalf("RelatedQuery: %v", err)
				}
				for _, id := range events {
					edges, ok := got[id]
					if !ok {
						t.Errorf("no entry for %s", id)
					}
					var far []string
					for _, e := range edges {
						far = append(far, e.Node.NodeID())
						if e.Rel.Type != confgraph.RelPartOf || e.Rel.From != e.Node.NodeID() || e.Rel.To != id || len(e.Rel.Evidence) != 1 {
							t.Errorf("edge %+v from %s to %s", e.Rel, id, e.Node.NodeID())
						}
					}
					if !slices.Equal(far, tc.want[id]) {
						t.Errorf("talks of %s = %v, want %v", id, far, tc.want[id])
					}
				}
			})
		}

		t.Run("RolesAndEvidence", func(t *testing.T) {
			got, err := s.RelatedQuery(ctx, []string{talkPanel}, confgraph.RelPresented, in,
				confgraph.Query{Sort: []confgraph.SortKey{desc("name")}, Limit: 2})
			if err != nil {
				t.Fatalf("RelatedQuery: %v", err)
			}
			checkEdges(t, "the panel's speakers, last name first", got[talkPanel], []edgeFact{
				{speakerDana, "Dana Moreno", "moderator"},
				{speakerChen, "Chen Wei", "panelist"},
			})
			if len(got[talkPanel]) == 2 {
				want := []confgraph.Evidence{{Document: listingNA, Line: 39, Snippet: "Moderator: Dana Moreno — Globex Systems"}}
				if ev := got[talkPanel][0].Rel.Evidence; !slices.Equal(ev, want) {
					t.Errorf("evidence that Dana Moreno moderates the panel = %+v, want %+v", ev, want)
				}
			}
		})

		t.Run("AfterCursor", func(t *testing.T) {
			sort := []confgraph.SortKey{asc("name")}
			all := find(t, s, confgraph.Query{Label: confgraph.LabelSpeaker, Sort: sort})
			got, err := s.RelatedQuery(ctx, []string{talkPanel}, confgraph.RelPresented, in,
				confgraph.Query{Sort: sort, After: cursor(t, s, all[0], sort)})
			if err != nil {
				t.Fatalf("RelatedQuery: %v", err)
			}
			checkEdges(t, "the panel's speakers after Ada Okafor", got[talkPanel], []edgeFact{
				{speakerChen, "Chen Wei", "panelist"},
				{speakerDana, "Dana Moreno", "moderator"},
			})
		})

		t.Run("Errors", func(t *testing.T) {
			_, err := s.RelatedQuery(ctx, events, "KNOWS", in, confgraph.Query{})
			checkCode(t, err, confgraph.EINVALID)
			_, err = s.RelatedQuery(ctx, events, confgraph.RelPartOf, in, confgraph.Query{Where: where(cond("name", confgraph.OpEq, "x"))})
			checkCode(t, err, confgraph.EINVALID)
		})
	})

	t.Run("Degrees", func(t *testing.T) {
		s := loaded(t)
		ctx := context.Background()
		for _, tc := range []struct {
			name  string
			ids   []string
			rel   confgraph.RelType
			dir   confgraph.Direction
			where *confgraph.Filter
			want  map[string]int
		}{
			{"SpeakersPerTalk", []string{talkPanel, talkEBPF, talkClosingEU, "talk:nowhere"}, confgraph.RelPresented, in, nil,
				map[string]int{talkPanel: 3, talkEBPF: 1, talkClosingEU: 0, "talk:nowhere": 0}},
			{"SpeakersAtGlobexPerTalk", []string{talkPanel, talkEBPF}, confgraph.RelPresented, in, worksAt("Globex Systems"),
				map[string]int{talkPanel: 2, talkEBPF: 0}},
			{"EngineersPerCompany", []string{companyAcme, companyGlobex}, confgraph.RelWorksAt, in, where(cond("role", confgraph.OpContains, "Engineer")),
				map[string]int{companyAcme: 2, companyGlobex: 0}},
			{"TalksPerSpeaker", []string{speakerAda, speakerDana}, confgraph.RelPresented, out, nil,
				map[string]int{speakerAda: 2, speakerDana: 1}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.Degrees(ctx, tc.ids, tc.rel, tc.dir, tc.where)
				if err != nil {
					t.Fatalf("Degrees: %v", err)
				}
				if fmt.Sprint(got) != fmt.Sprint(tc.want) {
					t.Errorf("Degrees = %v, want %v", got, tc.want)
				}
			})
		}
		_, err := s.Degrees(ctx, []string{talkPanel}, "KNOWS", in, nil)
		checkCode(t, err, confgraph.EINVALID)
	})

	t.Run("Shape", func(t *testing.T) {
		s, ok := loaded(t).(confgraph.Shaper)
		if !ok {
			t.Skip("the store keeps no shape")
		}
		sh, err := s.Shape(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range confgraph.Labels {
			want := 0
			for _, n := range Fixture().Nodes() {
				if n.NodeLabel() == l {
					want++
				}
			}
			if got, ok := sh.Count(l); !ok || got != want {
				t.Errorf("%s nodes = %d, %v; want %d", l, got, ok, want)
			}
		}
		for _, tc := range []struct {
			what string
			rel  confgraph.RelType
			dir  confgraph.Direction
			want int
		}{
			{"the panel's three speakers", confgraph.RelPresented, in, 3},
			{"Ada's and Bruno's two talks each", confgraph.RelPresented, out, 2},
			{"the four sessions of the European event", confgraph.RelPartOf, in, 4},
			{"one event per talk", confgraph.RelPartOf, out, 1},
			{"two people at Acme and at Globex", confgraph.RelWorksAt, in, 2},
		} {
			if got, ok := sh.Degree(tc.rel, tc.dir); !ok || got != tc.want {
				t.Errorf("largest degree of %s (%d) = %d, %v; want %d: %s", tc.rel, tc.dir, got, ok, tc.want, tc.what)
			}
		}
	})

	t.Run("CaseFolding", func(t *testing.T) {
		s := loaded(t)
		titles := func(c confgraph.Cond) []string {
			return ids(find(t, s, confgraph.Query{Label: confgraph.LabelTalk, Where: where(c), Limit: 100}))
		}
		// One rule on every store (text.FoldCase): İ folds to i and a
		// combining dot, which no title holds, not to a plain i.
		if got := titles(fold(cond("title", confgraph.OpContains, "İ"))); len(got) != 0 {
			t.Errorf("titles containing İ, ignoring case: %v, want none", got)
		}
		if got := titles(fold(cond("title", confgraph.OpEq, "ÉCLAIRS AND ETCD: TUNING STORAGE"))); fmt.Sprint(got) != fmt.Sprint([]string{talkEclairs}) {
			t.Errorf("title ÉCLAIRS AND ETCD: TUNING STORAGE, ignoring case: %v, want %s", got, talkEclairs)
		}
		long := []any{"ÉCLAIRS AND ETCD: TUNING STORAGE"}
		for i := range 100 {
			long = append(long, fmt.Sprintf("No such talk %d", i))
		}
		if got := titles(fold(oneOf("title", long...))); fmt.Sprint(got) != fmt.Sprint([]string{talkEclairs}) {
			t.Errorf("title in a list of 101 ignoring case: %v, want %s", got, talkEclairs)
		}
	})

	// Filters made from bytes (as the fuzzers make them), sorted and
	// paged: the answers of confgraph.Eval over the stored graph, the
	// reference semantics, whatever indexes or Cypher the store uses.
	t.Run("SameAsReference", func(t *testing.T) {
		s := loaded(t)
		ctx := context.Background()
		ref := referenceOf(t, s)
		r := rand.New(rand.NewPCG(20261124, 0))
		const letters = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0aaAeEiInNoOrRsStT "
		matched := 0
		for i := range 120 {
			label := confgraph.Labels[i%len(confgraph.Labels)]
			data := make([]byte, 1+r.IntN(12))
			for j := range data {
				data[j] = letters[r.IntN(len(letters))]
			}
			q := confgraph.Query{Label: label, Where: FilterFromBytes(data, label)}
			fields := slices.Sorted(maps.Keys(confgraph.Fields[label]))
			q.Sort = []confgraph.SortKey{{Field: fields[r.IntN(len(fields))], Desc: r.IntN(2) == 0}}
			want, werr := confgraph.NewEval(ctx, ref.G).Find(q)
			got, err := s.Find(ctx, q)
			if confgraph.ErrorCode(err) != confgraph.ErrorCode(werr) || !slices.Equal(ids(got), ids(want)) {
				t.Fatalf("Find(%v) = %v, %v; the reference: %v, %v", q, ids(got), err, ids(want), werr)
			}
			if werr != nil {
				continue
			}
			if len(want) > 0 {
				matched++
			}
			if n, err := s.Count(ctx, label, q.Where); err != nil || n != len(want) {
				t.Errorf("Count(%v) = %d, %v; the reference finds %d", q, n, err, len(want))
			}
			if len(want) > 1 {
				after := confgraph.CursorOf(want[0], q.Sort, nil) // sorted by a property
				q.After, q.Limit = &after, 1
				if got := find(t, s, q); !slices.Equal(ids(got), ids(want[1:2])) {
					t.Errorf("Find(%v) after the first = %v, want %v", q, ids(got), ids(want[1:2]))
				}
			}
		}
		if matched < 20 {
			t.Errorf("only %d of the filters matched anything; the test needs other bytes", matched)
		}
		t.Logf("%d of the filters matched something", matched)
	})

	// The first and last day an event's schedules date a talk: what the
	// API gives an event no document dates.
	t.Run("EventDaysFromTalks", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			last bool
			want string
		}{{false, talkZeroTrust}, {true, talkEBPF}} {
			q := confgraph.Query{Label: talk, Limit: 1, Where: where(cond("date", confgraph.OpIsNull, false)),
				Sort: []confgraph.SortKey{{Field: "date", Desc: tc.last}}}
			m, err := s.RelatedQuery(context.Background(), []string{eventEU, eventNA}, confgraph.RelPartOf, in, q)
			if err != nil {
				t.Fatal(err)
			}
			if got := m[eventEU]; len(got) != 1 || got[0].Node.NodeID() != tc.want {
				t.Errorf("last=%v: %v, want %s", tc.last, got, tc.want)
			}
			if got := m[eventNA]; len(got) != 0 {
				t.Errorf("the undated event's talks gave %v", got)
			}
			if tk, ok := m[eventEU][0].Node.(*confgraph.Talk); ok && (tk.Date == "" || tk.Scheduled.Line == 0) {
				t.Errorf("the talk came back without its day or evidence: %+v", tk)
			}
		}
	})

}

// checkPath checks that p walks from one node to another over length
// relationships, each joining its neighbours in the path.
func checkPath(t *testing.T, p *confgraph.Path, from, to string, length int) {
	t.Helper()
	if len(p.Rels) != length || len(p.Nodes) != length+1 {
		t.Fatalf("path from %s to %s has %d nodes and %d relationships, want %d relationships", from, to, len(p.Nodes), len(p.Rels), length)
	}
	if p.Nodes[0].NodeID() != from || p.Nodes[length].NodeID() != to {
		t.Errorf("path runs from %s to %s, want %s to %s", p.Nodes[0].NodeID(), p.Nodes[length].NodeID(), from, to)
	}
	for i, r := range p.Rels {
		a, b := p.Nodes[i].NodeID(), p.Nodes[i+1].NodeID()
		if !(r.From == a && r.To == b || r.From == b && r.To == a) {
			t.Errorf("relationship %d (%s %s->%s) does not join %s and %s", i, r.Type, r.From, r.To, a, b)
		}
		if len(r.Evidence) == 0 {
			t.Errorf("relationship %d (%s %s->%s) has no evidence", i, r.Type, r.From, r.To)
		}
	}
}

// Searcher runs the suite of Search on the fixture.
func Searcher(t *testing.T, open func(t *testing.T) confgraph.Store) {
	t.Helper()
	loaded := loader(open)
	t.Run("Search", func(t *testing.T) {
		s := loaded(t)
		ctx := context.Background()
		for _, tc := range []struct {
			name   string
			text   string
			labels []confgraph.Label
			limit  int
			want   []string
		}{
			// The project's one-word name beats a bio beats a long recap.
			{"ShortestTextFirst", "Lumen", nil, 0, []string{projectLumen, speakerAda, recapLisbon}},
			{"Labels", "lumen", []confgraph.Label{confgraph.LabelSpeaker, confgraph.LabelRecap}, 0, []string{speakerAda, recapLisbon}},
			{"Limit", "LUMEN!", nil, 1, []string{projectLumen}},
			// Equal texts score the same and go in display order.
			{"TiesInDisplayOrder", "remarks", nil, 0, []string{talkClosingEU, talkClosingNA}},
			// Only the last word is a prefix: "lum" finds nothing, "mesh"
			// finds "meshes" (the shorter text first).
			{"LastWordIsAPrefix", "lum mesh", nil, 0, []string{speakerBruno, talkZeroTrust}},
			{"PrefixNamesTheProject", "lum", nil, 0, []string{projectLumen, speakerAda, recapLisbon}},
			{"EarlierWordsWhole", "lum cloud", []confgraph.Label{confgraph.LabelCompany}, 0, []string{companyAcme}},
			// Five letters and more tolerate one typo, eight and more two.
			{"OneTypo", "lumne", nil, 0, []string{projectLumen, speakerAda, recapLisbon}},
			{"TwoTypos", "tidwatre", nil, 0, []string{projectTidewater}},
			{"TwoTyposTooManyForSeven", "tidwatr", nil, 0, nil},
			{"ShortWordsExact", "lume ada", []confgraph.Label{confgraph.LabelProject}, 0, nil},
			// An accent is a typo: é for e is one letter replaced.
			{"AccentIsATypo", "eclairs", nil, 0, []string{talkEclairs}},
			{"Accented", "Éclairs", nil, 0, []string{talkEclairs}},
			{"OperatorsAreWords", "AND", []confgraph.Label{confgraph.LabelTalk}, 0, []string{talkEclairs}},
			{"QuerySyntaxIsText", `title:"zero" +(trust || -tls)~2 \ NOT`, []confgraph.Label{confgraph.LabelTalk}, 0, []string{talkZeroTrust}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				hits, err := s.Search(ctx, tc.text, tc.labels, tc.limit)
				if err != nil {
					t.Fatalf("Search(%q): %v", tc.text, err)
				}
				var got []string
				for i, h := range hits {
					got = append(got, h.Node.NodeID())
					if i > 0 && h.Score > hits[i-1].Score {
						t.Errorf("hit %d scores %v, above hit %d's %v", i, h.Score, i-1, hits[i-1].Score)
					}
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("Search(%q, %v, %d) = %v, want %v", tc.text, tc.labels, tc.limit, got, tc.want)
				}
			})
		}
		t.Run("AnyWord", func(t *testing.T) {
			hits, err := s.Search(ctx, "meshes, etcd", nil, 0)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Node.NodeID())
			}
			slices.Sort(got)
			if want := []string{speakerBruno, talkEclairs, talkZeroTrust}; !slices.Equal(got, want) {
				t.Errorf("Search(meshes, etcd) found %v, want %v", got, want)
			}
		})
		t.Run("Errors", func(t *testing.T) {
			_, err := s.Search(ctx, " -- !! ", nil, 0)
			checkCode(t, err, confgraph.EINVALID)
			_, err = s.Search(ctx, "lisbon", []confgraph.Label{confgraph.LabelEvent}, 0)
			checkCode(t, err, confgraph.EINVALID)
		})
	})

}

// Paths runs the suite of ShortestPath on the fixture.
func Paths(t *testing.T, open func(t *testing.T) confgraph.Store) {
	t.Helper()
	loaded := loader(open)
	t.Run("ShortestPath", func(t *testing.T) {
		s := loaded(t)
		ctx := context.Background()
		for _, tc := range []struct {
			name     string
			from, to string
			maxHops  int
			length   int // -1: no path
			types    []confgraph.RelType
			nodes    []string // the path's nodes, when given
		}{
			{"Neighbours", speakerAda, companyAcme, 1, 1, nil, nil},
			{"Backwards", companyAcme, speakerAda, 1, 1, nil, nil},
			// Through Chen Wei or Dana Moreno: the smaller ID wins.
			{"ThroughAPanel", speakerAda, companyGlobex, confgraph.MaxHops, 3, nil, []string{speakerAda, talkPanel, speakerChen, companyGlobex}},
			{"FourHops", speakerDana, projectLumen, confgraph.MaxHops, 4, nil, nil},
			{"ExactlyEnoughHops", speakerDana, projectLumen, 4, 4, nil, nil},
			{"TooFar", speakerDana, projectLumen, 3, -1, nil, nil},
			{"Itself", talkPanel, talkPanel, 1, 0, nil, nil},
			// Through Globex or through the panel, both four hops: the
			// company's ID sorts first.
			{"TieBreak", speakerDana, projectTidewater, 6, 4, nil, []string{speakerDana, companyGlobex, speakerChen, talkEclairs, projectTidewater}},
			// Without WORKS_AT only the panel's way is left.
			{"OnlyTheseTypes", speakerDana, projectTidewater, 6, 4, []confgraph.RelType{confgraph.RelPresented, confgraph.RelDiscusses},
				[]string{speakerDana, talkPanel, speakerChen, talkEclairs, projectTidewater}},
			// The European talks meet at their event; kept off it, eBPF
			// and Éclairs meet through the panel Ada and Chen sat on.
			{"ThroughTheEvent", talkEBPF, talkEclairs, 6, 2, nil, []string{talkEBPF, eventEU, talkEclairs}},
			{"OffTheEvent", talkEBPF, talkEclairs, 6, 4, []confgraph.RelType{confgraph.RelPresented, confgraph.RelDiscusses, confgraph.RelReviews},
				[]string{talkEBPF, speakerAda, talkPanel, speakerChen, talkEclairs}},
			{"OffTheEventTooFar", talkEBPF, talkEclairs, 3, -1, []confgraph.RelType{confgraph.RelPresented, confgraph.RelDiscusses, confgraph.RelReviews}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p, err := s.ShortestPath(ctx, tc.from, tc.to, tc.maxHops, tc.types)
				if err != nil {
					t.Fatalf("ShortestPath: %v", err)
				}
				if tc.length < 0 {
					if p != nil {
						t.Errorf("ShortestPath(%s, %s, %d) = %d hops, want none", tc.from, tc.to, tc.maxHops, len(p.Rels))
					}
					return
				}
				if p == nil {
					t.Fatalf("ShortestPath(%s, %s, %d) = nil, want %d hops", tc.from, tc.to, tc.maxHops, tc.length)
				}
				checkPath(t, p, tc.from, tc.to, tc.length)
				if tc.nodes != nil && !slices.Equal(ids(p.Nodes), tc.nodes) {
					t.Errorf("path = %v, want %v", ids(p.Nodes), tc.nodes)
				}
				for _, r := range p.Rels {
					if tc.types != nil && !slices.Contains(tc.types, r.Type) {
						t.Errorf("path follows %s, not among %v", r.Type, tc.types)
					}
				}
			})
		}
		for _, tc := range []struct {
			name     string
			from, to string
			maxHops  int
			code     string
		}{
			{"UnknownFrom", "speaker:nobody", companyAcme, 3, confgraph.ENOTFOUND},
			{"UnknownTo", speakerAda, "company:nowhere", 3, confgraph.ENOTFOUND},
			{"ZeroHops", speakerAda, companyAcme, 0, confgraph.EINVALID},
			{"TooManyHops", speakerAda, companyAcme, confgraph.MaxHops + 1, confgraph.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.ShortestPath(ctx, tc.from, tc.to, tc.maxHops, nil)
				checkCode(t, err, tc.code)
			})
		}
		t.Run("UnknownType", func(t *testing.T) {
			_, err := s.ShortestPath(ctx, speakerAda, companyAcme, 3, []confgraph.RelType{"KNOWS"})
			checkCode(t, err, confgraph.EINVALID)
		})
	})

	// Three colleagues who each presented both talks of an event, which
	// discuss one project: between most pairs several shortest paths
	// exist, and every store returns the first in confgraph.PathBefore's
	// order (smaller node IDs from the start, then relationship types),
	// whatever order the graph was written in.
	t.Run("Ties", func(t *testing.T) {
		s := open(t)
		ctx := context.Background()
		const (
			company, event, project = "company:c", "event:e", "project:p"
			zoe, amy, mia           = "speaker:zoe", "speaker:amy", "speaker:mia"
			t2, t1                  = "talk:t2", "talk:t1"
		)
		b := confgraph.NewBatch()
		b.AddNode(&confgraph.Company{ID: company, Name: "C"})
		b.AddNode(&confgraph.Event{ID: event, Name: "E"})
		b.AddNode(&confgraph.Project{ID: project, Name: "P"})
		line := 0
		add := func(t confgraph.RelType, from, to string) {
			line++
			b.AddRel(rel(t, from, to, "", ev("ties.txt", line, from+" "+to)))
		}
		for _, sp := range []string{zoe, mia, amy} {
			b.AddNode(&confgraph.Speaker{ID: sp, Name: sp})
			add(confgraph.RelWorksAt, sp, company)
		}
		for _, tk := range []string{t2, t1} {
			b.AddNode(&confgraph.Talk{ID: tk, Title: tk, Kind: confgraph.KindTalk})
			add(confgraph.RelPartOf, tk, event)
			add(confgraph.RelDiscusses, tk, project)
			for _, sp := range []string{mia, zoe, amy} {
				add(confgraph.RelPresented, sp, tk)
			}
		}
		write(t, s, b)
		ref := referenceOf(t, s)
		for _, tc := range []struct {
			from, to string
			want     []string
		}{
			{company, project, []string{company, amy, t1, project}},
			{project, company, []string{project, t1, amy, company}},
			{zoe, event, []string{zoe, t1, event}},
			{zoe, mia, []string{zoe, company, mia}}, // also through either talk
			{event, company, []string{event, t1, amy, company}},
			{mia, project, []string{mia, t1, project}},
		} {
			p, err := s.ShortestPath(ctx, tc.from, tc.to, confgraph.MaxHops, nil)
			if err != nil || p == nil {
				t.Fatalf("ShortestPath(%s, %s) = %v, %v", tc.from, tc.to, p, err)
			}
			checkPath(t, p, tc.from, tc.to, len(tc.want)-1)
			if !slices.Equal(ids(p.Nodes), tc.want) {
				t.Errorf("ShortestPath(%s, %s) = %v, want %v", tc.from, tc.to, ids(p.Nodes), tc.want)
			}
			want, err := confgraph.NewEval(ctx, ref.G).ShortestPath(tc.from, tc.to, confgraph.MaxHops, nil)
			if err != nil || !reflect.DeepEqual(p, want) {
				t.Errorf("ShortestPath(%s, %s) = %+v; the reference: %+v, %v", tc.from, tc.to, p, want, err)
			}
		}
	})
}
