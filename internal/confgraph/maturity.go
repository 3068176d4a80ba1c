package confgraph

import "regexp"

// dateRe matches a day written YYYY-MM-DD.
var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// IsDate reports whether s is a day written YYYY-MM-DD.
func IsDate(s string) bool { return dateRe.MatchString(s) }

// MaturityOn works out a project's CNCF maturity on a day (YYYY-MM-DD)
// from the days its maturity changed; "" when it was not in the CNCF then.
func MaturityOn(p *Project, date string) (string, error) {
	if !IsDate(date) {
		return "", Errorf(EINVALID, "date %q is not YYYY-MM-DD", date)
	}
	// Later stages win on the same day (a project may join as incubating).
	stages := []struct{ day, name string }{
		{p.Accepted, "sandbox"}, {p.Incubating, "incubating"}, {p.Graduated, "graduated"}, {p.Archived, "archived"},
	}
	var got string
	for _, s := range stages {
		if s.day != "" && s.day <= date {
			got = s.name
		}
	}
	return got, nil
}

// MaturityProps are the properties MaturityOn reads.
var MaturityProps = []string{"accepted", "incubating", "graduated", "archived"}
