// Package loaders turns documents about conferences into a batch of graph
// nodes and relationships with their evidence. It detects each document's
// kind (talk listing or recap), runs the parser for it and resolves the
// people, companies, projects and events the parsers name into stable
// nodes. It never touches a store.
package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/confgraph"
	"github.com/confgraph/confgraph/internal/text"
	"github.com/confgraph/confgraph/loaders/projectmatch"
)

// World holds the facts about the world the loaders read from data files:
// the project catalogue, the host cities, and the rules for company names.
type World struct {
	Projects *projectmatch.Catalog
	// Progress, when set, is told how many of a load's documents have been
	// read, after each one and once more when the graph is built.
	Progress     func(done, total int)
	cities       []city
	regions      []region
	editions     []edition
	legal        text.LegalForms
	notCompanies map[string]bool
	orgs         map[string]bool // folded names of known organisations
}

// IsOrg reports whether name is a known organisation's (legal suffix and
// spelling aside).
func (w *World) IsOrg(name string) bool {
	c := w.Company(name)
	return c != nil && w.orgs[text.NormName(c.Name)]
}

// NotPerson reports a name that names a project ("Argo Rollouts"), so is
// no person's.
func (w *World) NotPerson(name string) bool {
	return w.Projects.Named(name) != nil || len(w.Projects.Find(name, name)) > 0
}

// IsProject reports whether name is exactly a project's name or alias.
func (w *World) IsProject(name string) bool { return w.Projects.Named(name) != nil }

type city struct {
	Name     string   `yaml:"name"`
	Country  string   `yaml:"country"`
	Region   string   `yaml:"region"`
	Aliases  []string `yaml:"aliases"`
	Editions []int    `yaml:"editions"`
}

// edition is a KubeCon + CloudNativeCon that was held: its region, year,
// city and dates.
type edition struct {
	Region string `yaml:"region"`
	Year   int    `yaml:"year"`
	City   string `yaml:"city"`
	Start  string `yaml:"start"`
	End    string `yaml:"end"`
}

type region struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Sched are the codes the conference's schedule site ends an edition's
	// name with in its address, before the year (kccncna2022.sched.com).
	Sched []string `yaml:"sched"`
}

// DefaultWorld reads the embedded data files.
func DefaultWorld() (*World, error) {
	cat, err := projectmatch.Default()
	if err != nil {
		return nil, err
	}
	w := &World{Projects: cat, notCompanies: map[string]bool{}}
	var cities struct {
		Cities   []city    `yaml:"cities"`
		Regions  []region  `yaml:"regions"`
		Editions []edition `yaml:"events"`
	}
	if err := yaml.Unmarshal(data.Cities, &cities); err != nil {
		return nil, fmt.Errorf("loaders: cities.yml: %w", err)
	}
	w.cities, w.regions, w.editions = cities.Cities, cities.Regions, cities.Editions
	comp, err := data.ReadCompanies()
	if err != nil {
		return nil, err
	}
	w.legal = text.NewLegalForms(comp.LegalSuffixes)
	for _, s := range comp.NotCompanies {
		w.notCompanies[strings.ToLower(s)] = true
	}
	orgs, err := data.OrganizationNames()
	if err != nil {
		return nil, err
	}
	w.orgs = map[string]bool{}
	for _, o := range append(orgs, comp.Organizations...) {
		if c := w.Company(o); c != nil {
			w.orgs[text.NormName(c.Name)] = true
		}
	}
	return w, nil
}

// Company returns the node for a company name as printed, or nil when the
// text is not a company ("Independent", "Student", empty). Legal suffixes
// are dropped, and spellings that differ only in case, spaces or
// punctuation ("RedHat", "Red Hat") get the same ID.
func (w *World) Company(printed string) *confgraph.Company {
	name := strings.TrimSpace(strings.Trim(printed, ",;"))
	if name == "" || w.notCompanies[strings.ToLower(name)] {
		return nil
	}
	name = w.legal.Trim(name)
	// A division of a known organisation is that organisation ("Microsoft
	// Azure", "Cisco DevNet"): decided by the name and the gazetteer alone,
	// so it does not depend on which documents came first.
	// "VMware by Broadcom": a company named for its new owner is still
	// the company before "by".
	if i := strings.Index(name, " by "); i > 0 && w.orgs != nil && (w.orgs[text.NormName(name[:i])] || w.orgs[text.NormName(name[i+4:])]) {
		name = name[:i]
	}
	if w.orgs != nil && !w.orgs[text.NormName(name)] {
		ws := strings.Fields(name)
		for n := len(ws) - 1; n >= 1; n-- {
			if prefix := strings.Join(ws[:n], " "); w.orgs[text.NormName(prefix)] {
				name = prefix
				break
			}
		}
	}
	key := text.Compact(name)
	if key == "" {
		return nil
	}
	c := &confgraph.Company{ID: "company:" + key, Name: name}
	if name != printed {
		c.Aliases = []string{printed}
	}
	return c
}

var yearRe = regexp.MustCompile(`\b(20[0-9]{2})\b`)

// regions conference names use, longest first.
var regionNames = []string{"North America", "Latin America", "Europe", "China", "Japan", "India", "Korea", "Australia", "Asia"}

// Event resolves the event a text names: the year, the host city (from
// the cities data) and the region. name is kept as the event's name when
// given; otherwise one is made from the region and year. The ID depends
// only on the region and year, so a listing and a recap of one edition
// meet on one node.
func (w *World) Event(name, cityHint, text string) (*confgraph.Event, error) {
	ev := &confgraph.Event{Name: name}
	hay := name + "\n" + cityHint + "\n" + text
	if m := yearRe.FindString(name); m != "" {
		ev.Year, _ = strconv.Atoi(m)
	} else if m := yearRe.FindString(hay); m != "" {
		ev.Year, _ = strconv.Atoi(m)
	}
	region := ""
	for _, r := range regionNames {
		if containsWord(name, r) {
			region = r
			break
		}
	}
	for _, c := range w.cities {
		if strings.EqualFold(c.Name, cityHint) || cityHint == "" && containsWord(hay, c.Name) {
			ev.City, ev.Country = c.Name, c.Country
			if region == "" {
				region = c.Region
			}
			break
		}
	}
	if ev.City == "" && cityHint != "" {
		ev.City = cityHint
	}
	if region == "" {
		for _, r := range regionNames {
			if containsWord(hay, r) {
				region = r
				break
			}
		}
	}
	if ev.Year == 0 {
		return nil, fmt.Errorf("no year for the event")
	}
	if region == "" {
		region = ev.City
	}
	if region == "" {
		return nil, fmt.Errorf("no city or region for the %d event", ev.Year)
	}
	if ev.Name == "" {
		ev.Name = fmt.Sprintf("KubeCon + CloudNativeCon %s %d", region, ev.Year)
	}
	ev.StartDate, ev.EndDate = dateRange(hay, ev.Year)
	if ev.StartDate == "" {
		for _, e := range w.editions {
			if e.Region == region && e.Year == ev.Year {
				ev.StartDate, ev.EndDate = e.Start, e.End
			}
		}
	}
	ev.ID = confgraph.ID(confgraph.LabelEvent, fmt.Sprintf("%s %d", region, ev.Year))
	return ev, nil
}

var (
	months          = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
	rangeMonthFirst = regexp.MustCompile(months + `\.?\s+(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2}),?\s+(20\d{2})`)
	rangeDayFirst   = regexp.MustCompile(`(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s+` + months + `,?\s+(20\d{2})`)
)

// dateRange finds the days an event ran from a stated range such as "May
// 1-4, 2018" or "1-4 May 2018" in the event's year.
func dateRange(text string, year int) (start, end string) {
	month := func(m string) int {
		for i, p := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
			if strings.HasPrefix(strings.ToLower(m), p) {
				return i + 1
			}
		}
		return 0
	}
	format := func(y, m int, d1, d2 string) (string, string) {
		a, _ := strconv.Atoi(d1)
		b, _ := strconv.Atoi(d2)
		if y != year || m == 0 || a < 1 || b < a || b > 31 {
			return "", ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, m, a), fmt.Sprintf("%04d-%02d-%02d", y, m, b)
	}
	if m := rangeMonthFirst.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[4])
		return format(y, month(m[1]), m[2], m[3])
	}
	if m := rangeDayFirst.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[4])
		return format(y, month(m[3]), m[1], m[2])
	}
	return "", ""
}

func containsWord(hay, w string) bool {
	i := 0
	for {
		j := strings.Index(hay[i:], w)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(w)
		if (s == 0 || !isLetter(hay[s-1])) && (e == len(hay) || !isLetter(hay[e])) {
			return true
		}
		i = e
	}
}

func isLetter(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// NotCompany reports text printed where a company would be that names no
// company ("Independent", "Student").
func (w *World) NotCompany(s string) bool { return w.Company(s) == nil }

// ProjectAliases returns the aliases the catalogue gives the project with
// that name.
func (w *World) ProjectAliases(name string) []string {
	for _, s := range w.Projects.Specs {
		if s.Name == name {
			return s.Aliases
		}
	}
	return nil
}
