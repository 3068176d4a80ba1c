package projectmatch

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

func names(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Spec.Name)
	}
	return out
}

func TestFind(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"Alias", "Scaling to 5000+ Unique K8s Deployments", []string{"Kubernetes"}},
		{"WordBoundary", "Certifik8s: All You Need to Know About Certificates", nil},
		{"HelmOfAShip", "The captain took the helm of the ship and steered it through the storm.", nil},
		{"NameWithVersion", "Prometheus 2.0", []string{"Prometheus"}},
		{"AliasWithoutSpace", "Porting CloudFoundry Abstractions to Kubernetes", []string{"Cloud Foundry", "Kubernetes"}},
		{"NameWithMajorVersion", "Gardening With Helm 4", []string{"Helm"}},
		{"NumberOfThingsIsNoVersion", "The Envoy 3 Times Over", nil},
		{"HelmChart", "Building Helm Charts From the Ground Up", []string{"Helm"}},
		{"EnvoyOrdinaryWord", "An envoy from the harbour master explains what buoys report.", nil},
		{"EnvoyCapitalisedWithoutContext", "The Envoy of the King Arrived", nil},
		{"EnvoyAfterArticle", "The board sent an Envoy to the meeting in the morning.", nil},
		{"EnvoyNamedInProse", "We moved our rate limits into Envoy last year and never looked back.", []string{"Envoy"}},
		{"EnvoyProxy", "The Mechanics of Deploying Envoy at Lyft as an edge proxy", []string{"Envoy"}},
		{"LongestMatchWins", "CRI-O: All the Runtime Kubernetes Needs", []string{"CRI-O", "Kubernetes"}},
		{"HyphenatedCompound", "Istio-on-Kubernetes Deep Dive", []string{"Istio", "Kubernetes"}},
		{"AmbiguousNameInAList", "frameworks such as Spark, Hadoop, Storm, Jenkins and Marathon", []string{"Spark", "Hadoop", "Storm", "Jenkins", "Marathon"}},
		{"NameOfSeveralWordsAfterA", "Migraron su herramienta propia de aprovisionamiento a Cluster API el año pasado.", []string{"Cluster API"}},
		{"NamedWithItsCompanions", "Prometheus Long-Term Storage: Thanos vs Cortex", []string{"Prometheus", "Thanos", "Cortex"}},
		{"ProjectOfAFamily", "Envoy Gateway in a Bank That Still Runs Mainframes", []string{"Envoy Gateway", "Envoy"}},
		{"InnerCapitalsInTitleCase", "Testing Your Apps on Kubernetes with Kind", []string{"Kubernetes", "KinD"}},
		{"InnerCapitalsNotInLowerCase", "It was a kind crowd of engineers in the cluster room.", nil},
		{"LowerCaseWordProjectInProse", "We will be around the pavilion during the Flux kiosk hours, posted on the kiosk for multi-tenancy fans.", []string{"Flux"}},
		{"LandscapeNameOfWordsInLowerCase", "There were big developments in the cloud native landscape this year.", nil},
		{"AbbreviatedAlias", "We moved from Consul to L5D for the mesh.", []string{"Consul", "Linkerd"}},
		{"OncePerProject", "Prometheus, Prometheus and more Prometheus metrics", []string{"Prometheus"}},
		{"PlaceNamedLikeAProject", "The schedule (November 12-15, Salt Palace Convention Center) is out.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(cat.Find(tt.text, ""))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseRejectsDuplicateAliases(t *testing.T) {
	_, err := Parse([]byte("projects:\n  - name: Alpha\n    aliases: [ab]\n  - name: AB\n"))
	if err == nil {
		t.Fatal("Parse accepted two projects claiming the same name")
	}
}

// TestCatalogueAgreesWithLandscape checks the catalogue's CNCF facts against
// the landscape file beside the repository: the source they were taken from.
func TestCatalogueAgreesWithLandscape(t *testing.T) {
	b, err := os.ReadFile("../../../shared/data/landscape.yml")
	if err != nil {
		t.Skipf("landscape.yml not beside the repository: %v", err)
	}
	var doc struct {
		Landscape []struct {
			Subcategories []struct {
				Items []struct {
					Name     string `yaml:"name"`
					Homepage string `yaml:"homepage_url"`
					Repo     string `yaml:"repo_url"`
					Project  string `yaml:"project"`
					Extra    struct {
						Accepted   string `yaml:"accepted"`
						Incubating string `yaml:"incubating"`
						Graduated  string `yaml:"graduated"`
						Archived   string `yaml:"archived"`
					} `yaml:"extra"`
				} `yaml:"items"`
			} `yaml:"subcategories"`
		} `yaml:"landscape"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	type facts struct{ homepage, repo, maturity, accepted, incubating, graduated, archived string }
	land := map[string][]facts{} // the landscape lists some projects in several places
	for _, c := range doc.Landscape {
		for _, s := range c.Subcategories {
			for _, i := range s.Items {
				land[i.Name] = append(land[i.Name], facts{i.Homepage, i.Repo, i.Project, i.Extra.Accepted, i.Extra.Incubating, i.Extra.Graduated, i.Extra.Archived})
			}
		}
	}
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Specs) < 60 {
		t.Errorf("catalogue has %d projects, want at least 60", len(cat.Specs))
	}
	for _, s := range cat.Specs {
		if s.Landscape == "" {
			continue
		}
		fs, ok := land[s.Landscape]
		if !ok {
			t.Errorf("%s: landscape item %q not found", s.Name, s.Landscape)
			continue
		}
		got := facts{s.Homepage, s.Repo, s.Maturity, s.Accepted, s.Incubating, s.Graduated, s.Archived}
		if !slices.Contains(fs, got) {
			t.Errorf("%s: catalogue says %+v, landscape says %+v", s.Name, got, fs)
		}
	}
}

// TestOpenWorld: the landscape's projects beyond the curated catalogue are
// found; place and organisation names that contain a project's name are
// neither; a derived name that is an ordinary word needs its context.
func TestOpenWorld(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"LandscapeProjects", "We moved batch admission to Kueue and serve models with vLLM on KServe.", []string{"Kueue", "vLLM", "KServe"}},
		{"CityIsNotSalt", "KubeCon came to Salt Lake City this year.", nil},
		{"FoundationIsNotLinux", "The Linux Foundation runs the event.", nil},
		{"LinuxItself", "We tuned the Linux kernel scheduler for these nodes.", []string{"Linux"}},
		{"AcronymNotName", "Sam Okoro gave the talk.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := names(cat.Find(tc.text, "")); !slices.Equal(got, tc.want) {
				t.Errorf("Find(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestProjectOutsideLandscape: a project the landscape lacks is recognised
// once data/projects.yml lists it, as the README says.
func TestProjectOutsideLandscape(t *testing.T) {
	cat, err := ParseAll([]byte("projects:\n  - name: Patroni\n    aliases: [patronictl]\n    homepage: https://patroni.readthedocs.io/\n"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(cat.Find("Failover is handled by Patroni, driven with patronictl.", "")); !slices.Equal(got, []string{"Patroni"}) {
		t.Errorf("got %v, want [Patroni]", got)
	}
}

// TestCJKText: names written without spaces inside Chinese or Japanese
// text are found.
func TestCJKText(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := names(cat.Find("中美日的Kubernetes社区和istio的实践", "")); !slices.Equal(got, []string{"Kubernetes", "Istio"}) {
		t.Errorf("got %v, want [Kubernetes Istio]", got)
	}
	// Names that are also English words, set alone in Japanese or Chinese
	// text, are the projects; set in an English phrase they are not.
	for text, want := range map[string][]string{
		"FluxでHelmチャートを配る":            {"Flux", "Helm"},
		"「Backstage」でポータルを作る":         {"Backstage"},
		"二日目にもEncore Presentationとして": nil,
	} {
		if got := names(cat.Find(text, "")); !slices.Equal(got, want) {
			t.Errorf("Find(%q) = %v, want %v", text, got, want)
		}
	}
	// Words in Latin letters that run into Japanese ones are words of the
	// context.
	if w := Words("Kubernetes上でのArgo CD運用"); !w["kubernetes"] || !w["argo"] {
		t.Errorf("Words = %v, want kubernetes and argo among them", w)
	}
}

// TestNamedInTheDocument: a title naming a project whose name is also a
// word ("Verdächtiges Verhalten mit Falco erkennen") names the project when
// the document writes the name with its capital three times in running
// text, in any language; capitals in titles alone do not count.
func TestNamedInTheDocument(t *testing.T) {
	cat, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	title := "Verdächtiges Verhalten in Clustern mit Falco erkennen"
	for _, tc := range []struct {
		name, context string
		want          []string
	}{
		{"ThreeTimesInProse", "Das Team um Falco ist dabei. Es geht um Falco und Regeln. Am Stand zeigt das Team die Falco-Engine.", []string{"Falco"}},
		{"TwiceInProse", "Das Team um Falco ist dabei. Am Stand zeigt das Team die Falco-Engine.", nil},
		{"InTitlesOnly", "Falco Deep Dive\nFalco Office Hours\nFalco Roadmap Update", nil},
	} {
		if got := names(cat.Find(title, tc.context)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Find = %v, want %v", tc.name, got, tc.want)
		}
	}
}
