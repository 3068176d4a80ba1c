package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// checkFrontend asks what a frontend developer building a talk explorer
// asks; both stores run it (checkQueries).
func checkFrontend(t *testing.T, base string) {
	t.Run("NoSilentCuts", func(t *testing.T) { checkNoSilentCuts(t, base) })
	t.Run("RankingPages", func(t *testing.T) { checkRankingPages(t, base) })
	t.Run("EnumsSortByMeaning", func(t *testing.T) { checkEnumOrder(t, base) })
	t.Run("IsNull", func(t *testing.T) { checkIsNull(t, base) })
	t.Run("ToOneFilter", func(t *testing.T) { checkToOneFilter(t, base) })
	t.Run("AliasLookup", func(t *testing.T) { checkAliasLookup(t, base) })
	t.Run("ShortestPath", func(t *testing.T) { checkShortestPath(t, base) })
	t.Run("SearchAsYouType", func(t *testing.T) { checkSearchAsYouType(t, base) })
	t.Run("RecordingPublished", func(t *testing.T) { checkRecording(t, base) })
}

// checkRecording: the listing's date lines are when each recording was
// published, with the line that says so; talks only recaps name have none.
func checkRecording(t *testing.T, base string) {
	var d struct {
		Events []struct {
			Name  string
			Talks []struct {
				Title     string
				Recording *struct {
					PublishedOn string
					Evidence    struct {
						Document, Snippet, Rule string
						Line                    int
					}
				}
			}
		}
	}
	decode(t, base, `{ events { name talks { title recording { publishedOn evidence { document line snippet rule } } } } }`, nil, &d)
	dated, listed := map[string]int{}, 0
	for _, e := range d.Events {
		for _, tk := range e.Talks {
			if r := tk.Recording; r != nil {
				listed++
				dated[r.PublishedOn]++
				if r.Evidence.Rule != "listing-date" || r.Evidence.Line == 0 || r.Evidence.Snippet == "" {
					t.Errorf("%q: recording evidence %+v", tk.Title, r.Evidence)
				}
			}
		}
	}
	// The seed listing dates 173 of its 174 entries 15 Dec 2017, a week
	// after the event: when the videos went up.
	if dated["2017-12-15"] < 150 || listed < dated["2017-12-15"] {
		t.Errorf("recordings published on 2017-12-15: %d of %d dated talks, want most of the seed listing's", dated["2017-12-15"], listed)
	}
}

// decode runs q and decodes its data into v, failing on any error.
func decode(t *testing.T, base, q string, vars map[string]any, v any) {
	t.Helper()
	r := query(t, base, q, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v\n%s", r.Errors, q)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("%v: %s", err, r.Data)
	}
}

func checkNoSilentCuts(t *testing.T, base string) {
	// The query: every event with every talk, its speakers and
	// their companies, accepted and uncut.
	var d struct {
		Events []struct {
			Name      string
			TalkCount int
			Talks     []struct {
				Title    string
				Speakers []struct {
					Name      string
					Companies []struct{ Name string }
				}
			}
		}
	}
	decode(t, base, `{ events { name talkCount talks { title speakers { name companies { name } } } } }`, nil, &d)
	big := false
	for _, e := range d.Events {
		if len(e.Talks) != e.TalkCount {
			t.Errorf("%s: talks returns %d talks, talkCount says %d", e.Name, len(e.Talks), e.TalkCount)
		}
		big = big || e.TalkCount > 100
	}
	if !big {
		t.Errorf("no event has more than 100 talks, so nothing shows a cut: %+v", d.Events)
	}
	var p struct {
		Project struct {
			TalkCount int
			Talks     []struct{ Title string }
			Limited   []struct{ Title string }
		}
	}
	decode(t, base, `{ project(name: "Kubernetes") { talkCount talks { title } limited: talks(limit: 3, offset: 1) { title } } }`, nil, &p)
	if p.Project.TalkCount <= 100 || len(p.Project.Talks) != p.Project.TalkCount {
		t.Errorf("Kubernetes: %d talks returned, talkCount %d (want every one, more than 100)", len(p.Project.Talks), p.Project.TalkCount)
	}
	if len(p.Project.Limited) != 3 || len(p.Project.Talks) > 4 && p.Project.Limited[0].Title != p.Project.Talks[1].Title {
		t.Errorf("talks(limit: 3, offset: 1) = %+v, want the 2nd to 4th of %d", p.Project.Limited, len(p.Project.Talks))
	}
}

func checkRankingPages(t *testing.T, base string) {
	var d struct {
		Project struct {
			Companies []struct {
				Company   struct{ Name string }
				TalkCount int
			}
			Page []struct {
				Company   struct{ Name string }
				TalkCount int
			}
		}
		Company struct {
			Projects []struct{ Project struct{ Name string } }
			Page     []struct{ Project struct{ Name string } }
		}
		Events []struct {
			Name        string
			TopProjects []struct{ Project struct{ Name string } }
			Default     []struct{ Project struct{ Name string } }
			Page        []struct{ Project struct{ Name string } }
		}
	}
	decode(t, base, `{
  project(name: "Kubernetes") { companies { company { name } talkCount } page: companies(limit: 5, offset: 2) { company { name } talkCount } }
  company(name: "Google") { projects { project { name } } page: projects(limit: 2, offset: 1) { project { name } } }
  events { name topProjects(limit: 100) { project { name } } default: topProjects { project { name } } page: topProjects(limit: 3, offset: 2) { project { name } } }
}`, nil, &d)
	all := d.Project.Companies
	if len(all) <= 20 {
		t.Fatalf("Kubernetes is discussed by the speakers of %d companies, want more than 20 (every one)", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].TalkCount > all[i-1].TalkCount {
			t.Errorf("companies not most first: %+v before %+v", all[i-1], all[i])
		}
	}
	if len(d.Project.Page) != 5 || d.Project.Page[0] != all[2] || d.Project.Page[4] != all[6] {
		t.Errorf("companies(limit: 5, offset: 2) = %+v, want the 3rd to 7th of %+v", d.Project.Page, all[:7])
	}
	if len(d.Company.Projects) < 3 || len(d.Company.Page) != 2 || d.Company.Page[0] != d.Company.Projects[1] || d.Company.Page[1] != d.Company.Projects[2] {
		t.Errorf("Google's projects(limit: 2, offset: 1) = %+v; all: %+v", d.Company.Page, d.Company.Projects)
	}
	for _, e := range d.Events {
		if len(e.TopProjects) > 10 && len(e.Default) != 10 {
			t.Errorf("%s: topProjects without a limit gives %d, want 10", e.Name, len(e.Default))
		}
		if len(e.TopProjects) >= 5 && (len(e.Page) != 3 || e.Page[0] != e.TopProjects[2]) {
			t.Errorf("%s: topProjects(limit: 3, offset: 2) = %+v, want from %+v", e.Name, e.Page, e.TopProjects[2])
		}
	}
	r := query(t, base, `{ event(name: "KubeCon + CloudNativeCon North America 2017") { topProjects(first: 2, limit: 2) { talkCount } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "first or limit") {
		t.Errorf("first and limit together: %+v, want one BAD_USER_INPUT", r.Errors)
	}
	r = query(t, base, `{ project(name: "Kubernetes") { companies(offset: -1) { talkCount } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("negative offset: %+v, want one BAD_USER_INPUT", r.Errors)
	}
}

func checkEnumOrder(t *testing.T, base string) {
	rank := map[string]int{"": 0, "BEGINNER": 1, "INTERMEDIATE": 2, "ADVANCED": 3, "KEYNOTE": 1, "TALK": 2, "PANEL": 3, "OTHER": 4}
	for _, key := range []string{"level", "kind"} {
		var d struct {
			TalksConnection struct {
				Edges []struct{ Node map[string]*string }
			}
		}
		decode(t, base, `{ talksConnection(sort: [{ `+key+`: DESC }], first: 100) { edges { node { level kind } } } }`, nil, &d)
		seen := map[string]bool{}
		prev := 99
		for _, e := range d.TalksConnection.Edges {
			v := ""
			if p := e.Node[key]; p != nil {
				v = *p
			}
			seen[v] = true
			if rank[v] > prev {
				t.Fatalf("%s DESC: %q after a smaller value", key, v)
			}
			prev = rank[v]
		}
		if key == "level" && !(seen["ADVANCED"] && seen["BEGINNER"] && seen["INTERMEDIATE"]) {
			t.Errorf("the first 100 talks by level DESC show %v, want every level", seen)
		}
	}
}

func checkIsNull(t *testing.T, base string) {
	var d struct {
		All, NoLevel, WithLevel struct{ TotalCount int }
		Sample                  []struct {
			Title string
			Level *string
		}
		Speakers []struct {
			Name string
			Role *string
		}
	}
	decode(t, base, `{
  all: talksConnection { totalCount }
  noLevel: talksConnection(where: { level: { isNull: true } }) { totalCount }
  withLevel: talksConnection(where: { level: { isNull: false } }) { totalCount }
  sample: talks(where: { level: { isNull: true }, title: { contains: "Envoy" } }, limit: 100) { title level }
  speakers(where: { role: { isNull: false } }, limit: 100) { name role }
}`, nil, &d)
	if d.NoLevel.TotalCount == 0 || d.WithLevel.TotalCount == 0 || d.NoLevel.TotalCount+d.WithLevel.TotalCount != d.All.TotalCount {
		t.Errorf("talks without a level %d + with one %d, want both non-zero and adding up to %d", d.NoLevel.TotalCount, d.WithLevel.TotalCount, d.All.TotalCount)
	}
	found := false
	for _, tk := range d.Sample {
		found = found || tk.Title == "The Mechanics of Deploying Envoy at Lyft"
		if tk.Level != nil {
			t.Errorf("%q has level %s, asked for none", tk.Title, *tk.Level)
		}
	}
	if !found {
		t.Errorf("level isNull: true lacks The Mechanics of Deploying Envoy at Lyft (no level in the listing): %+v", d.Sample)
	}
	for _, s := range d.Speakers {
		if s.Role == nil || *s.Role == "" {
			t.Errorf("%s has no role, asked for one", s.Name)
		}
	}
	r := query(t, base, `{ talks(where: { title: { isNull: true } }) { title } }`, nil)
	if len(r.Errors) > 0 || string(r.Data) != `{"talks":[]}` {
		t.Errorf("a title is never null: %s %+v", r.Data, r.Errors)
	}
}

func checkToOneFilter(t *testing.T, base string) {
	var d struct {
		Event  struct{ TalkCount int }
		Austin struct{ TotalCount int }
		Recaps []struct {
			Title string
			Event struct{ City string }
		}
		NoEvent struct{ TotalCount int }
	}
	decode(t, base, `{
  event(name: "KubeCon + CloudNativeCon North America 2017") { talkCount }
  austin: talksConnection(where: { event: { city: { eq: "Austin" } } }) { totalCount }
  recaps(where: { event: { city: { eq: "Copenhagen" } } }) { title event { city } }
  noEvent: talksConnection(where: { NOT: { event: {} } }) { totalCount }
}`, nil, &d)
	if d.Austin.TotalCount != d.Event.TalkCount || d.Event.TalkCount == 0 {
		t.Errorf("talks whose event is in Austin: %d, the Austin event's talkCount %d", d.Austin.TotalCount, d.Event.TalkCount)
	}
	if len(d.Recaps) == 0 {
		t.Error("no recap of the Copenhagen event")
	}
	for _, r := range d.Recaps {
		if r.Event.City != "Copenhagen" {
			t.Errorf("recap %q covers an event in %q", r.Title, r.Event.City)
		}
	}
	if d.NoEvent.TotalCount != 0 {
		t.Errorf("%d talks have no event, want 0 (every talk is part of one)", d.NoEvent.TotalCount)
	}
	r := query(t, base, `{ talks(where: { event: { some: { city: { eq: "Austin" } } } }) { title } }`, nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("the old some on a to-one link: %+v, want a validation error", r.Errors)
	}
}

func checkAliasLookup(t *testing.T, base string) {
	var d struct {
		K8s, Upper, Name struct{ Name string }
		Nobody           *struct{ Name string }
	}
	decode(t, base, `{ k8s: project(name: "k8s") { name } upper: project(name: "K8S") { name } name: project(name: "kubernetes") { name } nobody: project(name: "no such project") { name } }`, nil, &d)
	if d.K8s.Name != "Kubernetes" || d.Upper.Name != "Kubernetes" || d.Name.Name != "Kubernetes" {
		t.Errorf("project(name: k8s / K8S / kubernetes) = %q / %q / %q, want Kubernetes", d.K8s.Name, d.Upper.Name, d.Name.Name)
	}
	if d.Nobody != nil {
		t.Errorf("an unknown name found %+v", d.Nobody)
	}
}

func checkShortestPath(t *testing.T, base string) {
	type path struct {
		Length int
		Nodes  []struct {
			Typename string `json:"__typename"`
			Name     string
			Title    string
		}
		Relationships []struct{ Type string }
	}
	var d struct{ Any, Off path }
	decode(t, base, `{
  any: shortestPath(from: "c3BlYWtlcjptYXR0LWtsZWlu", to: "cHJvamVjdDprdWJlcm5ldGVz", maxHops: 4) { ...p }
  off: shortestPath(from: "c3BlYWtlcjptYXR0LWtsZWlu", to: "cHJvamVjdDprdWJlcm5ldGVz", maxHops: 4, relationshipTypes: [PRESENTED, WORKS_AT, DISCUSSES]) { ...p }
}
fragment p on Path { length nodes { __typename ... on Speaker { name } ... on Talk { title } ... on Project { name } ... on Event { name } } relationships { type } }`, nil, &d)
	label := func(p path) []string {
		var out []string
		for _, n := range p.Nodes {
			out = append(out, n.Typename+" "+n.Name+n.Title)
		}
		return out
	}
	// Of the four-hop ways, the one whose IDs sort first: the panel Matt
	// Klein sat on (its ID sorts before his Envoy talk's), then its event.
	if got := label(d.Any); d.Any.Length != 4 || len(got) != 5 || got[1] != "Talk Ask Me Anything: Microservices and Service Mesh" ||
		got[2] != "Event KubeCon + CloudNativeCon North America 2017" {
		t.Errorf("any type: %d hops through %q", d.Any.Length, got)
	}
	want := []string{"Speaker Matt Klein", "Talk Ask Me Anything: Microservices and Service Mesh", "Project Envoy",
		"Talk Bottoms-Up Adoption of a Microservices Workflow Using Kubernetes & Envoy", "Project Kubernetes"}
	if got := label(d.Off); !slices.Equal(got, want) {
		t.Errorf("off the Event hub: %q, want %q", got, want)
	}
	for _, r := range d.Off.Relationships {
		if r.Type != "PRESENTED" && r.Type != "DISCUSSES" && r.Type != "WORKS_AT" {
			t.Errorf("the path follows %s", r.Type)
		}
	}
	r := query(t, base, `{ shortestPath(from: "c3BlYWtlcjptYXR0LWtsZWlu", to: "cHJvamVjdDprdWJlcm5ldGVz", relationshipTypes: [KNOWS]) { length } }`, nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("an unknown relationship type: %+v, want a validation error", r.Errors)
	}
}

func checkSearchAsYouType(t *testing.T, base string) {
	type hit struct {
		Score  float64
		Cursor string
		Node   struct {
			Typename string `json:"__typename"`
			Name     string
			Title    string
		}
	}
	first := func(t *testing.T, q string, types string) []hit {
		t.Helper()
		var d struct{ Search []hit }
		decode(t, base, `query($q: String!) { search(query: $q`+types+`, first: 5) { score cursor node { __typename ... on Project { name } ... on Speaker { name } ... on Talk { title } } } }`,
			map[string]any{"q": q}, &d)
		return d.Search
	}
	for _, tc := range []struct{ query, types, want string }{
		{"kube", "", "Project Kubernetes"}, // the name it completes, not Kube-router's word
		{"prom", ", types: [PROJECT]", "Project Prometheus"},
		{"promethe", ", types: [PROJECT]", "Project Prometheus"},
		{"Promethues", ", types: [PROJECT]", "Project Prometheus"},
		{"kubernets", ", types: [PROJECT]", "Project Kubernetes"},
		{"envo", ", types: [PROJECT]", "Project Envoy"},
		{"kels", ", types: [SPEAKER]", "Speaker Kelsey Hightower"},
		{"kelsey hightowr", ", types: [SPEAKER]", "Speaker Kelsey Hightower"},
	} {
		hits := first(t, tc.query, tc.types)
		if len(hits) == 0 {
			t.Errorf("search %q%s: nothing, want %s first", tc.query, tc.types, tc.want)
			continue
		}
		got := hits[0].Node.Typename + " " + hits[0].Node.Name + hits[0].Node.Title
		if got != tc.want {
			t.Errorf("search %q%s: %s first, want %s", tc.query, tc.types, got, tc.want)
		}
	}
	// Kube-router holds the word "kube" and still comes after Kubernetes.
	var d struct{ Search []hit }
	decode(t, base, `{ search(query: "kube", types: [PROJECT], first: 20) { node { ... on Project { name } } } }`, nil, &d)
	var names []string
	for _, h := range d.Search {
		names = append(names, h.Node.Name)
	}
	if k, r := slices.Index(names, "Kubernetes"), slices.Index(names, "Kube-router"); k != 0 || r < 0 {
		t.Errorf("kube among projects: %q, want Kubernetes first and Kube-router after it", names)
	}

	// Pages with cursors: the second page of three is the 4th to 6th.
	var all, p1, p2 struct{ Search []hit }
	decode(t, base, `{ search(query: "kubernetes service", first: 6) { score cursor node { id } } }`, nil, &all)
	decode(t, base, `{ search(query: "kubernetes service", first: 3) { score cursor node { id } } }`, nil, &p1)
	if len(all.Search) != 6 || len(p1.Search) != 3 {
		t.Fatalf("pages of %d and %d, want 6 and 3", len(all.Search), len(p1.Search))
	}
	decode(t, base, `query($after: String) { search(query: "kubernetes service", first: 3, after: $after) { score cursor node { id } } }`,
		map[string]any{"after": p1.Search[2].Cursor}, &p2)
	if len(p2.Search) != 3 || p2.Search[0] != all.Search[3] || p2.Search[2] != all.Search[5] {
		t.Errorf("the page after %s = %+v, want %+v", p1.Search[2].Cursor, p2.Search, all.Search[3:])
	}
	r := query(t, base, `{ search(query: "kube", after: "bm90IGEgY3Vyc29y") { score } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "cursor") {
		t.Errorf("a bad cursor: %+v, want one BAD_USER_INPUT about the cursor", r.Errors)
	}
}
