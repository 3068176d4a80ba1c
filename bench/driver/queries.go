package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/graph"
	"github.com/confgraph/confgraph/internal/confgraph"
)

// peerQuery is one entry of bench/peer/queries.json.
type peerQuery struct {
	Name      string `json:"name"`
	Question  string `json:"question"`
	Text      string `json:"text"`
	Confgraph string `json:"confgraph"`
}

// params are the names a query mix asks about. The real corpus uses the
// ones in bench/peer/queries.json; a synthetic corpus gets its own (pick).
type params struct {
	Talk, Speaker, Company, Project, Event string
	SearchTitle, SearchWords               string
	HeadProject, HeadCompany               string
	HeadAnswers                            int    // talks the headline matches
	PathFrom, PathTo                       string // store IDs
	PathFromName, PathToName               string
	// Facts about the choice, for the report.
	Notes map[string]string `json:",omitempty"`
}

// realParams are the names queries.json asks about.
var realParams = params{
	Talk: "The Mechanics of Deploying Envoy at Lyft", Speaker: "Kelsey Hightower", Company: "Google",
	Project: "Kubernetes", Event: "KubeCon + CloudNativeCon North America 2017",
	SearchTitle: "service mesh", SearchWords: "service mesh",
	HeadProject: "Envoy", HeadCompany: "Google",
	PathFrom: "speaker:matt-klein", PathTo: "project:kubernetes", PathFromName: "Matt Klein", PathToName: "Kubernetes",
}

// query is one question of the mix, asked three ways.
type query struct {
	Name      string
	Confgraph string // confgraph's GraphQL
	Peer      string // the Neo4j GraphQL Library's GraphQL
	Cypher    string // the floor: one hand-written statement
	Params    map[string]any
	// rows turn each answer into comparable rows.
	cgRows    func(data map[string]any) map[string][]string
	peerRows  func(data map[string]any) map[string][]string
	floorRows func(recs []*neo4j.Record) map[string][]string
}

func gqlString(s string) string { b, _ := json.Marshal(s); return string(b) }

// substitute replaces quoted names in a queries.json text.
func substitute(text string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == pairs[i+1] {
			continue
		}
		text = strings.ReplaceAll(text, pairs[i], pairs[i+1])
	}
	return text
}

// buildMix returns the queries of queries.json asked about p (only those
// named in only, when given).
func buildMix(peerFile string, p params, only []string) ([]query, error) {
	b, err := os.ReadFile(peerFile)
	if err != nil {
		return nil, err
	}
	var pq []peerQuery
	if err := json.Unmarshal(b, &pq); err != nil {
		return nil, fmt.Errorf("%s: %w", peerFile, err)
	}
	r := realParams
	q := func(s string) string { return gqlString(s) }
	var out []query
	for _, e := range pq {
		if len(only) > 0 && !contains(only, e.Name) {
			continue
		}
		var x query
		x.Name = e.Name
		switch e.Name {
		case "talk_page":
			sub := []string{q(r.Talk), q(p.Talk)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorTalkPage
			x.Params = map[string]any{"title": p.Talk}
			x.cgRows = func(d map[string]any) map[string][]string { return talkPageRows(obj(d, "talk"), "role") }
			x.peerRows = func(d map[string]any) map[string][]string { return talkPageRows(first(d, "talks"), "properties.role") }
			x.floorRows = floorTalkPageRows
		case "speaker_page":
			sub := []string{q(r.Speaker), q(p.Speaker)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorSpeakerPage
			x.Params = map[string]any{"name": p.Speaker}
			x.cgRows = func(d map[string]any) map[string][]string { return speakerPageRows(obj(d, "speaker")) }
			x.peerRows = func(d map[string]any) map[string][]string { return speakerPageRows(first(d, "speakers")) }
			x.floorRows = floorSpeakerPageRows
		case "company_page":
			sub := []string{q(r.Company), q(p.Company)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorCompanyPage
			x.Params = map[string]any{"name": p.Company}
			x.cgRows = companyPageRows
			x.peerRows = companyPagePeerRows
			x.floorRows = floorCompanyPageRows
		case "project_page":
			sub := []string{q(r.Project), q(p.Project)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorProjectPage
			x.Params = map[string]any{"name": p.Project}
			x.cgRows = projectPageRows
			x.peerRows = projectPagePeerRows
			x.floorRows = floorProjectPageRows
		case "event_schedule":
			sub := []string{q(r.Event), q(p.Event)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorSchedule
			x.Params = map[string]any{"event": p.Event}
			x.cgRows = func(d map[string]any) map[string][]string { return scheduleRows(obj(d, "talksConnection")) }
			x.peerRows = x.cgRows
			x.floorRows = floorScheduleRows
		case "search_title":
			sub := []string{q(r.SearchTitle), q(p.SearchTitle), `(?i).*` + r.SearchTitle + `.*`, `(?i).*` + p.SearchTitle + `.*`}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorSearchTitle
			x.Params = map[string]any{"text": p.SearchTitle}
			x.cgRows = func(d map[string]any) map[string][]string { return titleRows(list(d, "talks")) }
			x.peerRows = x.cgRows
			x.floorRows = floorTitleRows
		case "search_fulltext":
			sub := []string{q(r.SearchWords), q(p.SearchWords)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorSearchFulltext
			terms := uniqStrings(confgraph.Tokens(p.SearchWords))
			x.Params = map[string]any{"query": strings.Join(terms, " OR "), "terms": terms}
			x.cgRows = func(d map[string]any) map[string][]string { return searchRows(list(d, "search"), "node") }
			x.peerRows = func(d map[string]any) map[string][]string { return searchRows(list(d, "talksSearch"), "talk") }
			x.floorRows = floorSearchRows
		case "headline":
			sub := []string{q(r.HeadProject), q(p.HeadProject), q(r.HeadCompany), q(p.HeadCompany)}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = floorHeadline
			x.Params = map[string]any{"project": p.HeadProject, "company": p.HeadCompany}
			x.cgRows = func(d map[string]any) map[string][]string {
				return map[string][]string{"talks": talkRows(list(d, "talks"))}
			}
			x.peerRows = x.cgRows
			x.floorRows = floorHeadlineRows
		case "shortest_path":
			sub := []string{
				q(graph.GlobalID(r.PathFrom)), q(graph.GlobalID(p.PathFrom)), q(graph.GlobalID(r.PathTo)), q(graph.GlobalID(p.PathTo)),
				q(r.PathFromName), q(p.PathFromName), q(r.PathToName), q(p.PathToName),
			}
			x.Confgraph, x.Peer = substitute(e.Confgraph, sub...), substitute(e.Text, sub...)
			x.Cypher = fmt.Sprintf(floorShortestPath, idLabel(p.PathFrom), idLabel(p.PathTo))
			x.Params = map[string]any{"from": p.PathFrom, "to": p.PathTo}
			x.cgRows = pathRows
			x.peerRows = pathPeerRows
			x.floorRows = floorPathRows
		default:
			continue
		}
		out = append(out, x)
	}
	return out, nil
}

// idLabel is the label a store ID names ("speaker:matt-klein" -> Speaker).
func idLabel(id string) string {
	p, _, _ := strings.Cut(id, ":")
	for _, l := range confgraph.Labels {
		if strings.EqualFold(string(l), p) {
			return string(l)
		}
	}
	return "Unknown"
}

// The floor: for each question, the one statement a person would write,
// returning the same answer as confgraph (ordered by the stored sortKey,
// the lower-cased display name, then id, as confgraph orders; lists cut at
// confgraph's default page of 20). Lookups by name ignore case as
// confgraph's do, through the sortKey index.
const (
	floorTalkPage = `MATCH (t:Talk) WHERE t.sortKey = toLower($title) AND toLower(t.title) = toLower($title)
WITH t ORDER BY t.sortKey, t.id LIMIT 1
RETURN t.title AS title, t.level AS level, t.kind AS kind, t.durationMinutes AS minutes, t.abstract AS abstract,
  COLLECT { MATCH (t)-[:PART_OF]->(e:Event) RETURN [e.name, e.city] } AS event,
  COLLECT { MATCH (t)<-[r:PRESENTED]-(s:Speaker) WITH r, s ORDER BY s.sortKey, s.id LIMIT 20
            RETURN [s.name, r.role, COLLECT { MATCH (s)-[:WORKS_AT]->(c:Company) WITH c ORDER BY c.sortKey, c.id LIMIT 20 RETURN c.name }] } AS speakers,
  COLLECT { MATCH (t)-[:DISCUSSES]->(p:Project) WITH p ORDER BY p.sortKey, p.id LIMIT 20 RETURN [p.name, p.homepage, p.maturity] } AS projects,
  COLLECT { MATCH (t)<-[:REVIEWS]-(r:Recap) WITH r ORDER BY r.sortKey, r.id LIMIT 20 RETURN r.title } AS recaps`

	floorSpeakerPage = `MATCH (s:Speaker) WHERE s.sortKey = toLower($name) AND toLower(s.name) = toLower($name)
WITH s ORDER BY s.sortKey, s.id LIMIT 1
RETURN s.name AS name, s.role AS role, s.bio AS bio,
  COLLECT { MATCH (s)-[:WORKS_AT]->(c:Company) WITH c ORDER BY c.sortKey, c.id LIMIT 20 RETURN c.name } AS companies,
  COLLECT { MATCH (s)-[:PRESENTED]->(t:Talk) WITH t ORDER BY t.sortKey, t.id LIMIT 20
            RETURN [t.title, t.kind, COLLECT { MATCH (t)-[:PART_OF]->(e:Event) RETURN e.name },
                    COLLECT { MATCH (t)-[:DISCUSSES]->(p:Project) WITH p ORDER BY p.sortKey, p.id LIMIT 20 RETURN p.name }] } AS talks`

	floorCompanyPage = `MATCH (c:Company) WHERE c.sortKey = toLower($name) AND toLower(c.name) = toLower($name)
WITH c ORDER BY c.sortKey, c.id LIMIT 1
RETURN c.name AS name,
  COLLECT { MATCH (c)<-[:WORKS_AT]-(s:Speaker) WITH s, COUNT { (s)-[:PRESENTED]->(:Talk) } AS n
            ORDER BY n DESC, s.sortKey, s.id LIMIT 10 RETURN [s.name, n] } AS speakers,
  COLLECT { MATCH (c)<-[:WORKS_AT]-(:Speaker)-[:PRESENTED]->(t:Talk) WITH DISTINCT t MATCH (t)-[:DISCUSSES]->(p:Project)
            WITH p, count(t) AS n ORDER BY n DESC, p.sortKey, p.id RETURN [p.name, n] } AS projects`

	floorProjectPage = `MATCH (p:Project) WHERE p.sortKey = toLower($name) AND toLower(p.name) = toLower($name)
WITH p ORDER BY p.sortKey, p.id LIMIT 1
RETURN p.name AS name, p.homepage AS homepage, p.repo AS repo, p.maturity AS maturity,
  COLLECT { MATCH (p)<-[:DISCUSSES]-(t:Talk) WITH t ORDER BY t.sortKey, t.id LIMIT 5
            RETURN [t.title, COLLECT { MATCH (t)<-[:PRESENTED]-(s:Speaker) WITH s ORDER BY s.sortKey, s.id LIMIT 20
                    RETURN [s.name, COLLECT { MATCH (s)-[:WORKS_AT]->(c:Company) WITH c ORDER BY c.sortKey, c.id LIMIT 20 RETURN c.name }] }] } AS talks,
  COLLECT { MATCH (p)<-[:DISCUSSES]-(t:Talk)<-[:PRESENTED]-(:Speaker)-[:WORKS_AT]->(c:Company)
            WITH c, count(DISTINCT t) AS n ORDER BY n DESC, c.sortKey, c.id RETURN [c.name, n] } AS companies`

	floorSchedule = `MATCH (:Event {name: $event})<-[:PART_OF]-(t:Talk)
WITH t ORDER BY t.sortKey, t.id
WITH collect(t) AS ts
UNWIND ts[0..20] AS t
RETURN size(ts) AS total, t.title AS title, t.kind AS kind, t.level AS level, t.durationMinutes AS minutes,
  COLLECT { MATCH (t)<-[:PRESENTED]-(s:Speaker) WITH s ORDER BY s.sortKey, s.id LIMIT 20 RETURN s.name } AS speakers`

	floorSearchTitle = `MATCH (t:Talk) WHERE t.sortKey CONTAINS toLower($text)
RETURN t.title AS title ORDER BY t.sortKey, t.id LIMIT 20`

	// confgraph ranks search hits itself with BM25 (confgraph.RankSearch)
	// over the index's candidates; this is the same ranking in Cypher.
	floorSearchFulltext = `CALL db.index.fulltext.queryNodes('confgraph_search', $query) YIELD node
WITH DISTINCT node WHERE node:Talk
WITH collect({n: node, w: split(node.searchText, ' ')}) AS docs
CALL () { MATCH (t:Talk) RETURN count(t) AS total,
  sum(CASE WHEN coalesce(t.searchText, '') = '' THEN 0 ELSE size(split(t.searchText, ' ')) END) AS words }
WITH docs, total, toFloat(words) / total AS avg
UNWIND $terms AS term
WITH docs, total, avg, term, size([d IN docs WHERE term IN d.w]) AS df
WITH docs, avg, collect({term: term, idf: log(1 + (total - df + 0.5) / (df + 0.5))}) AS idfs
UNWIND docs AS d
WITH d, avg, [x IN idfs | [x.idf, size([w IN d.w WHERE w = x.term])]] AS tfs
RETURN d.n.title AS title,
  reduce(s = 0.0, x IN tfs | s + CASE WHEN x[1] = 0 THEN 0.0 ELSE x[0] * x[1] * 2.2 / (x[1] + 1.2 * (0.25 + 0.75 * size(d.w) / avg)) END) AS score
ORDER BY score DESC, d.n.sortKey, d.n.id LIMIT 8`

	floorHeadline = `MATCH (:Project {name: $project})<-[:DISCUSSES]-(t:Talk)
WHERE EXISTS { (t)<-[:PRESENTED]-(:Speaker)-[:WORKS_AT]->(:Company {name: $company}) }
WITH t ORDER BY t.sortKey, t.id LIMIT 20
RETURN t.title AS title,
  COLLECT { MATCH (t)<-[:PRESENTED]-(s:Speaker) WITH s ORDER BY s.sortKey, s.id LIMIT 20
            RETURN [s.name, COLLECT { MATCH (s)-[:WORKS_AT]->(c:Company) WITH c ORDER BY c.sortKey, c.id LIMIT 20 RETURN c.name }] } AS speakers`

	// The labels come from the IDs' prefixes (an ID is label:slug).
	floorShortestPath = "MATCH (a:`%s` {id: $from}), (b:`%s` {id: $to})\n" +
		`MATCH p = shortestPath((a)-[*..4]-(b))
RETURN [x IN nodes(p) | [head(labels(x)), coalesce(x.name, x.title)]] AS nodes, [r IN relationships(p) | type(r)] AS rels`
)

// ---- turning answers into rows ----

// str renders a scalar the same way whatever decoded it (JSON numbers are
// float64, Neo4j's int64).
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return fmt.Sprintf("%d", int64(x))
		}
		return fmt.Sprintf("%.4f", x)
	case int64:
		return fmt.Sprintf("%d", x)
	case bool:
		return fmt.Sprintf("%t", x)
	}
	return fmt.Sprint(v)
}

// path reads a dotted path out of decoded JSON.
func path(v any, p string) any {
	for _, k := range strings.Split(p, ".") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func obj(d map[string]any, k string) map[string]any { m, _ := d[k].(map[string]any); return m }

func list(v any, p string) []any { l, _ := path(v, p).([]any); return l }

func first(d map[string]any, k string) map[string]any {
	l := list(d, k)
	if len(l) == 0 {
		return nil
	}
	m, _ := l[0].(map[string]any)
	return m
}

func names(l []any) string {
	var out []string
	for _, x := range l {
		out = append(out, str(path(x, "name")))
	}
	return strings.Join(out, ",")
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, str(x))
	}
	return out
}

func talkPageRows(t map[string]any, role string) map[string][]string {
	if t == nil {
		return map[string][]string{"talk": {}}
	}
	out := map[string][]string{
		"talk": {strings.Join([]string{str(t["title"]), str(t["level"]), str(t["kind"]), str(t["durationMinutes"]),
			str(path(t, "event.name")), str(path(t, "event.city")), str(t["abstract"])}, " | ")},
		"speakers": {}, "projects": {}, "recaps": {},
	}
	for _, e := range list(t, "speakersConnection.edges") {
		out["speakers"] = append(out["speakers"], str(path(e, "node.name"))+" | "+str(path(e, role))+" | "+names(list(e, "node.companies")))
	}
	for _, p := range list(t, "projects") {
		out["projects"] = append(out["projects"], str(path(p, "name"))+" | "+str(path(p, "homepage"))+" | "+str(path(p, "maturity")))
	}
	for _, r := range list(t, "recaps") {
		out["recaps"] = append(out["recaps"], str(path(r, "title")))
	}
	return out
}

func floorTalkPageRows(recs []*neo4j.Record) map[string][]string {
	if len(recs) == 0 {
		return map[string][]string{"talk": {}}
	}
	r := recs[0].AsMap()
	ev := strs(nil)
	if l, _ := r["event"].([]any); len(l) > 0 {
		ev = strs(l[0])
	}
	for len(ev) < 2 {
		ev = append(ev, "null")
	}
	out := map[string][]string{
		"talk":     {strings.Join([]string{str(r["title"]), str(r["level"]), str(r["kind"]), str(r["minutes"]), ev[0], ev[1], str(r["abstract"])}, " | ")},
		"speakers": {}, "projects": {}, "recaps": strs(r["recaps"]),
	}
	for _, s := range r["speakers"].([]any) {
		l := s.([]any)
		out["speakers"] = append(out["speakers"], str(l[0])+" | "+str(l[1])+" | "+strings.Join(strs(l[2]), ","))
	}
	for _, p := range r["projects"].([]any) {
		out["projects"] = append(out["projects"], strings.Join(strs(p), " | "))
	}
	return out
}

func speakerPageRows(s map[string]any) map[string][]string {
	if s == nil {
		return map[string][]string{"speaker": {}}
	}
	out := map[string][]string{
		"speaker":   {str(s["name"]) + " | " + str(s["role"]) + " | " + str(s["bio"])},
		"companies": {}, "talks": {},
	}
	for _, c := range list(s, "companies") {
		out["companies"] = append(out["companies"], str(path(c, "name")))
	}
	for _, t := range list(s, "talks") {
		out["talks"] = append(out["talks"], str(path(t, "title"))+" | "+str(path(t, "kind"))+" | "+str(path(t, "event.name"))+" | "+names(list(t, "projects")))
	}
	return out
}

func floorSpeakerPageRows(recs []*neo4j.Record) map[string][]string {
	if len(recs) == 0 {
		return map[string][]string{"speaker": {}}
	}
	r := recs[0].AsMap()
	out := map[string][]string{
		"speaker":   {str(r["name"]) + " | " + str(r["role"]) + " | " + str(r["bio"])},
		"companies": strs(r["companies"]), "talks": {},
	}
	for _, t := range r["talks"].([]any) {
		l := t.([]any)
		ev := "null"
		if e := strs(l[2]); len(e) > 0 {
			ev = e[0]
		}
		out["talks"] = append(out["talks"], str(l[0])+" | "+str(l[1])+" | "+ev+" | "+strings.Join(strs(l[3]), ","))
	}
	return out
}

// byCountThenName sorts "name | count" rows as compare.mjs does.
func byCountThenName(rows [][2]any) []string {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := toInt(rows[i][1]), toInt(rows[j][1])
		if a != b {
			return a > b
		}
		return strings.ToLower(str(rows[i][0])) < strings.ToLower(str(rows[j][0]))
	})
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, str(r[0])+" | "+str(r[1]))
	}
	return out
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case float64:
		return int64(x)
	case int64:
		return x
	case int:
		return int64(x)
	}
	return 0
}

func companyPageRows(d map[string]any) map[string][]string {
	c := obj(d, "company")
	out := map[string][]string{"speakers": {}, "projects": {}}
	for _, s := range list(c, "speakers") {
		out["speakers"] = append(out["speakers"], str(path(s, "name"))+" | "+str(path(s, "talkCount")))
	}
	var ps [][2]any
	for _, p := range list(c, "projects") {
		ps = append(ps, [2]any{path(p, "project.name"), path(p, "talkCount")})
	}
	out["projects"] = byCountThenName(ps)
	return out
}

func companyPagePeerRows(d map[string]any) map[string][]string {
	c := first(d, "companies")
	var sp [][2]any
	talksOf := map[string]map[string]bool{}
	for _, s := range list(c, "speakers") {
		sp = append(sp, [2]any{path(s, "name"), path(s, "talksConnection.aggregate.count.nodes")})
		for _, t := range list(s, "talks") {
			for _, p := range list(t, "projects") {
				n := str(path(p, "name"))
				if talksOf[n] == nil {
					talksOf[n] = map[string]bool{}
				}
				talksOf[n][str(path(t, "id"))] = true
			}
		}
	}
	speakers := byCountThenName(sp)
	if len(speakers) > 10 {
		speakers = speakers[:10]
	}
	var ps [][2]any
	for n, ts := range talksOf {
		ps = append(ps, [2]any{n, float64(len(ts))})
	}
	sort.Slice(ps, func(i, j int) bool { return str(ps[i][0]) < str(ps[j][0]) })
	return map[string][]string{"speakers": speakers, "projects": byCountThenName(ps)}
}

func floorCompanyPageRows(recs []*neo4j.Record) map[string][]string {
	out := map[string][]string{"speakers": {}, "projects": {}}
	if len(recs) == 0 {
		return out
	}
	r := recs[0].AsMap()
	for _, s := range r["speakers"].([]any) {
		out["speakers"] = append(out["speakers"], strings.Join(strs(s), " | "))
	}
	var ps [][2]any
	for _, p := range r["projects"].([]any) {
		l := p.([]any)
		ps = append(ps, [2]any{l[0], l[1]})
	}
	out["projects"] = byCountThenName(ps)
	return out
}

func talkRow(t any) string {
	var sp []string
	for _, s := range list(t, "speakers") {
		sp = append(sp, str(path(s, "name"))+" ("+names(list(s, "companies"))+")")
	}
	return str(path(t, "title")) + " | " + strings.Join(sp, "; ")
}

func talkRows(l []any) []string {
	out := []string{}
	for _, t := range l {
		out = append(out, talkRow(t))
	}
	return out
}

// floorTalkRow renders [title, [[speaker, [companies]]...]].
func floorTalkRow(title any, speakers any) string {
	var sp []string
	for _, s := range speakers.([]any) {
		l := s.([]any)
		sp = append(sp, str(l[0])+" ("+strings.Join(strs(l[1]), ",")+")")
	}
	return str(title) + " | " + strings.Join(sp, "; ")
}

func projectPageRows(d map[string]any) map[string][]string {
	p := obj(d, "project")
	out := map[string][]string{
		"project": {str(p["name"]) + " | " + str(p["homepage"]) + " | " + str(p["repo"]) + " | " + str(p["maturity"])},
		"talks":   talkRows(list(p, "talks")),
	}
	var cs [][2]any
	for _, c := range list(p, "companies") {
		cs = append(cs, [2]any{path(c, "company.name"), path(c, "talkCount")})
	}
	out["companies"] = byCountThenName(cs)
	return out
}

func projectPagePeerRows(d map[string]any) map[string][]string {
	p := first(d, "projects")
	out := map[string][]string{
		"project": {str(p["name"]) + " | " + str(p["homepage"]) + " | " + str(p["repo"]) + " | " + str(p["maturity"])},
		"talks":   talkRows(list(p, "talks")),
	}
	var cs [][2]any
	for _, c := range list(d, "companies") {
		ts := map[string]bool{}
		for _, s := range list(c, "speakers") {
			for _, t := range list(s, "talks") {
				ts[str(path(t, "id"))] = true
			}
		}
		cs = append(cs, [2]any{path(c, "name"), float64(len(ts))})
	}
	out["companies"] = byCountThenName(cs)
	return out
}

func floorProjectPageRows(recs []*neo4j.Record) map[string][]string {
	if len(recs) == 0 {
		return map[string][]string{}
	}
	r := recs[0].AsMap()
	out := map[string][]string{
		"project": {str(r["name"]) + " | " + str(r["homepage"]) + " | " + str(r["repo"]) + " | " + str(r["maturity"])},
		"talks":   {},
	}
	for _, t := range r["talks"].([]any) {
		l := t.([]any)
		out["talks"] = append(out["talks"], floorTalkRow(l[0], l[1]))
	}
	var cs [][2]any
	for _, c := range r["companies"].([]any) {
		l := c.([]any)
		cs = append(cs, [2]any{l[0], l[1]})
	}
	out["companies"] = byCountThenName(cs)
	return out
}

func scheduleRows(c map[string]any) map[string][]string {
	out := map[string][]string{
		"page":  {"totalCount " + str(c["totalCount"]) + " | hasNextPage " + str(path(c, "pageInfo.hasNextPage"))},
		"talks": {},
	}
	for _, e := range list(c, "edges") {
		t := path(e, "node")
		out["talks"] = append(out["talks"], strings.Join([]string{str(path(t, "title")), str(path(t, "kind")), str(path(t, "level")),
			str(path(t, "durationMinutes")), names(list(t, "speakers"))}, " | "))
	}
	return out
}

func floorScheduleRows(recs []*neo4j.Record) map[string][]string {
	out := map[string][]string{"page": {"totalCount 0 | hasNextPage false"}, "talks": {}}
	for i, rec := range recs {
		r := rec.AsMap()
		if i == 0 {
			total := toInt(r["total"])
			out["page"] = []string{fmt.Sprintf("totalCount %d | hasNextPage %t", total, total > 20)}
		}
		out["talks"] = append(out["talks"], strings.Join([]string{str(r["title"]), str(r["kind"]), str(r["level"]), str(r["minutes"]),
			strings.Join(strs(r["speakers"]), ",")}, " | "))
	}
	return out
}

func titleRows(l []any) map[string][]string {
	out := []string{}
	for _, t := range l {
		out = append(out, str(path(t, "title")))
	}
	return map[string][]string{"talks": out}
}

func floorTitleRows(recs []*neo4j.Record) map[string][]string {
	out := []string{}
	for _, r := range recs {
		out = append(out, str(r.Values[0]))
	}
	return map[string][]string{"talks": out}
}

func searchRows(l []any, node string) map[string][]string {
	out := []string{}
	for _, h := range l {
		out = append(out, str(path(h, node+".title"))+" | "+fmt.Sprintf("%.4f", path(h, "score")))
	}
	return map[string][]string{"talks": out}
}

func floorSearchRows(recs []*neo4j.Record) map[string][]string {
	out := []string{}
	for _, r := range recs {
		out = append(out, str(r.Values[0])+" | "+fmt.Sprintf("%.4f", r.Values[1]))
	}
	return map[string][]string{"talks": out}
}

func floorHeadlineRows(recs []*neo4j.Record) map[string][]string {
	out := []string{}
	for _, r := range recs {
		out = append(out, floorTalkRow(r.Values[0], r.Values[1]))
	}
	return map[string][]string{"talks": out}
}

func pathRows(d map[string]any) map[string][]string {
	p := obj(d, "shortestPath")
	out := []string{}
	rels := list(p, "relationships")
	for i, n := range list(p, "nodes") {
		via := "null"
		if i > 0 {
			via = str(path(rels[i-1], "type"))
		}
		name := path(n, "name")
		if name == nil {
			name = path(n, "title")
		}
		out = append(out, str(path(n, "__typename"))+":"+str(name)+" via "+via)
	}
	return map[string][]string{"nodes": out}
}

func pathPeerRows(d map[string]any) map[string][]string {
	out := []string{}
	for _, n := range list(first(d, "speakers"), "pathToProject") {
		out = append(out, str(path(n, "label"))+":"+str(path(n, "name"))+" via "+str(path(n, "via")))
	}
	return map[string][]string{"nodes": out}
}

func floorPathRows(recs []*neo4j.Record) map[string][]string {
	out := []string{}
	if len(recs) == 0 {
		return map[string][]string{"nodes": out}
	}
	nodes := recs[0].Values[0].([]any)
	rels := strs(recs[0].Values[1])
	for i, n := range nodes {
		l := n.([]any)
		via := "null"
		if i > 0 {
			via = rels[i-1]
		}
		out = append(out, str(l[0])+":"+str(l[1])+" via "+via)
	}
	return map[string][]string{"nodes": out}
}

// floorDoer runs the floor statement of q through the Go driver, as
// confgraph's store runs its statements (ExecuteQuery on a reader), and
// turns the records into rows.
func floorDoer(drv neo4j.DriverWithContext, q query) doer {
	return func(ctx context.Context) error {
		_, err := runFloor(ctx, drv, q)
		return err
	}
}

func runFloor(ctx context.Context, drv neo4j.DriverWithContext, q query) (map[string][]string, error) {
	res, err := neo4j.ExecuteQuery(ctx, drv, q.Cypher, q.Params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("neo4j"), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	return q.floorRows(res.Records), nil
}

func uniqStrings(in []string) []string {
	var out []string
	for _, s := range in {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
