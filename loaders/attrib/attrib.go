// Package attrib reads who gives a session from the words that attribute
// it: "A & B, Google", "A, Red Hat & B, Eurecom", "A (Staff Engineer at
// Isovalent)", "A of Datadog", "A and B from Cisco", "A, Isovalent at
// Cisco". A gazetteer of organisation names decides which side of an
// ambiguous list is a company.
package attrib

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/confgraph/confgraph/loaders/listing"
)

// Person is one person an attribution names.
type Person struct {
	Name    string
	Role    string // job title when printed
	Company string // as printed, "" when none
	Parent  string // "Isovalent at Cisco": Company Isovalent, Parent Cisco
}

// Gazetteer tells whether a text is a known organisation's name.
type Gazetteer interface {
	IsOrg(name string) bool
}

var (
	parenAff = regexp.MustCompile(`([\p{Lu}][\p{L}'’.\-]*(?:\s+(?:[\p{Lu}][\p{L}'’.\-]*|van|von|de|da|del|der|di|le|la|bin)){0,4})\s*[(（]([^()（）]{2,80})[)）]`)
	fromAff  = regexp.MustCompile(`^(.+?)\s+(?:from|of|at|with|@)\s+(?:the\s+)?([\p{Lu}0-9][^,;]*)$`)
	atParent = regexp.MustCompile(`^(.+?)\s+(?:at|@|,?\s+(?:now\s+)?part\s+of|,?\s+an?\s+)\s+([\p{Lu}][^,]*)$`)
	andSep   = regexp.MustCompile(`\s+(?:and|und|et|y|e|with)\s+|\s*[&＆、]\s*|\s+/\s+`)
	handle   = regexp.MustCompile(`^@\w+$|https?://`)
	roleAt   = regexp.MustCompile(`(?i)^(.*?)\s+(?:at|@|of)\s+(.+)$`)
)

// Parse reads the people s names. It returns nil when s does not read as
// people (a sentence, a company alone).
func Parse(s string, g Gazetteer) []Person {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "—–-:|"))
	s = strings.TrimPrefix(s, "by ")
	s = strings.TrimPrefix(s, "By ")
	if s == "" || len(s) > 300 {
		return nil
	}
	if ps := parenthesised(s, g); ps != nil {
		return ps
	}
	if ps := fromCompany(s, g); ps != nil {
		return ps
	}
	return commaList(s, g)
}

// parenthesised reads "A (Company), B (Role at Company)".
func parenthesised(s string, g Gazetteer) []Person {
	ms := parenAff.FindAllStringSubmatchIndex(s, -1)
	if len(ms) == 0 {
		return nil
	}
	// The parentheses must carry the list: what lies between them is only
	// separators.
	rest := parenAff.ReplaceAllString(s, "")
	if strings.Trim(andSep.ReplaceAllString(rest, ""), " ,;") != "" {
		return nil
	}
	var out []Person
	for _, m := range ms {
		name, aff := s[m[2]:m[3]], strings.TrimSpace(s[m[4]:m[5]])
		if !listing.Personish(name) {
			return nil
		}
		p := Person{Name: name}
		if !handle.MatchString(aff) {
			p.Role, p.Company, p.Parent = affiliation(aff, g)
		}
		out = append(out, p)
	}
	return out
}

// affiliation splits "Staff Engineer at Isovalent", "CTO, Acme",
// "Isovalent at Cisco" or "Acme" into role, company and parent.
func affiliation(a string, g Gazetteer) (role, company, parent string) {
	a = strings.TrimSpace(strings.Trim(a, ",;"))
	if i := strings.LastIndex(a, ", "); i > 0 {
		left, right := a[:i], a[i+2:]
		if isOrg(right, g) || titleish(left) {
			c, p := companyParent(right, g)
			return left, c, p
		}
	}
	if m := roleAt.FindStringSubmatch(a); m != nil && titleish(m[1]) {
		c, p := companyParent(m[2], g)
		return m[1], c, p
	}
	c, p := companyParent(a, g)
	return "", c, p
}

// companyParent reads "Isovalent at Cisco" as Isovalent with parent Cisco.
func companyParent(c string, g Gazetteer) (string, string) {
	c = strings.TrimSpace(c)
	if m := atParent.FindStringSubmatch(c); m != nil && !titleish(m[1]) {
		return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	}
	return c, ""
}

// fromCompany reads "A of Company", "A and B from Company".
func fromCompany(s string, g Gazetteer) []Person {
	m := fromAff.FindStringSubmatch(s)
	if m == nil || strings.Contains(m[2], " and ") {
		return nil
	}
	names := andSep.Split(m[1], -1)
	var out []Person
	for _, n := range names {
		n = strings.TrimSpace(strings.Trim(n, ","))
		if !listing.Personish(n) || isOrg(n, g) {
			return nil
		}
		out = append(out, Person{Name: n})
	}
	c, p := companyParent(m[2], g)
	if len(strings.Fields(c)) > 5 {
		return nil
	}
	for i := range out {
		out[i].Company, out[i].Parent = c, p
	}
	return out
}

// commaList reads the listing header shapes with the gazetteer's help.
func commaList(s string, g Gazetteer) []Person {
	s = andSep.ReplaceAllStringFunc(s, func(m string) string {
		if strings.TrimSpace(m) == "/" {
			return m
		}
		return " & "
	})
	known := map[string]bool{}
	for _, part := range regexp.MustCompile(`\s*[,&]\s*`).Split(s, -1) {
		if isOrg(part, g) {
			known[normKey(part)] = true
		}
	}
	sp := listing.ParseSpeakerListKnown(s, false, known)
	if len(sp) == 0 {
		return nil
	}
	var out []Person
	for _, x := range sp {
		if !listing.Personish(x.Name) || isOrg(x.Name, g) {
			return nil
		}
		c, p := companyParent(x.Company, g)
		out = append(out, Person{Name: x.Name, Role: x.Role, Company: c, Parent: p})
	}
	return out
}

func isOrg(s string, g Gazetteer) bool {
	return g != nil && g.IsOrg(strings.TrimSpace(s))
}

var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`engineer engineering developer manager director lead head chief cto ceo cio cfo coo vp
		president founder co-founder cofounder architect principal staff senior sr software product maintainer
		advocate evangelist researcher scientist specialist consultant officer fellow distinguished member
		technical program programme community contributor chair co-chair sre devops developer-advocate analyst
		professor student intern partner owner designer strategist`) {
		titleWords[w] = true
	}
}

// titleish reports text that reads as a job title.
func titleish(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if titleWords[w] {
			return true
		}
	}
	return false
}

// normKey folds a name for the gazetteer: lower case, letters and digits.
func normKey(s string) string {
	return listing.NormName(s)
}
