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

	"github.com/confgraph/confgraph/data"
	"github.com/confgraph/confgraph/internal/text"
	"github.com/confgraph/confgraph/loaders/listing"
)

// Person is one person an attribution names.
type Person struct {
	Name    string
	Role    string // job title when printed
	Company string // as printed, "" when none
	Parent  string // "Isovalent at Cisco": Company Isovalent, Parent Cisco
}

// Gazetteer tells whether a text is a known organisation's name, whether
// it names something that is not a person (it names a project), and
// whether it is exactly a project's name.
type Gazetteer interface {
	IsOrg(name string) bool
	NotPerson(name string) bool
	IsProject(name string) bool
}

var (
	parenAff      = regexp.MustCompile(`((?:[\p{Lu}][\p{L}'’.\-]*(?:\s+(?:[\p{Lu}][\p{L}'’.\-]*|van|von|de|da|del|der|di|le|la|bin)){0,4})|[\p{Han}\p{Katakana}\p{Hiragana}・]{1,6}(?:\s[\p{Han}\p{Katakana}\p{Hiragana}]{1,6})?)\s*[(（]([^()（）]{2,80})[)）]`)
	fromAff       = regexp.MustCompile(`^(.+?),?\s+(?:from|of|at|@|both (?:at|from|of))\s+(?:the\s+)?([\p{Lu}0-9][^,;]*)$`)
	atParent      = regexp.MustCompile(`^(.+?)\s+(?:at|@|,?\s+(?:now\s+)?part\s+of|,?\s+an?\s+)\s+([\p{Lu}][^,]*)$`)
	andSep        = regexp.MustCompile(`\s+(?:and|und|et|y|e)\s+|\s*[&＆、，]\s*|\s+/\s+`)
	handle        = regexp.MustCompile(`^@\w+$|https?://`)
	roleLead      = regexp.MustCompile(`(?i)^\s*(?:moderators?|moderated by|panelists?|panellists?|hosts?|hosted by|speakers?)\s*:?\s+`)
	trailingParen = regexp.MustCompile(`^([^()（）]+?)\s*[(（]([^()（）]{2,80})[)）]$`)
	roleAt        = regexp.MustCompile(`(?i)^(.*?)\s+(?:at|@|of)\s+(.+)$`)
)

// Parse reads the people s names. It returns nil when s does not read as
// people (a sentence, a company alone).
func Parse(s string, g Gazetteer) []Person {
	if strings.ContainsAny(s, "。：") {
		// "聚焦…：A、B、C。适合…": a sentence in Chinese or Japanese, or a
		// label and its list, is no attribution.
		return nil
	}
	if loc := whenTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
		// "by A, Acme Tuesday, November 7 • 11:00am": the session's day
		// and time after its people belong to neither.
		s = s[:loc[0]]
	}
	if loc := proseTail.FindStringSubmatchIndex(s); loc != nil && loc[0] > 0 && !strings.HasPrefix(strings.TrimSpace(s[loc[3]:]), "by ") {
		// "A, CTO of Acme, opened the day with …": the sentence goes on
		// after the attribution.
		s = s[:loc[0]]
	}
	// "Michael Ruiz Senior Staff Engineer, Google": a job title written
	// right after a name, without a comma, is the name's role.
	s = nameThenJob.ReplaceAllString(s, "$1, $2")
	ps := parse(s, g)
	for i := range ps {
		// "Henry Zhou, founder of Harbor": a project is no employer; "will
		// be at the" (a sentence cut at a line's end) is no company.
		if c := ps[i].Company; c != "" && (!hasCapital(c) || ps[i].Role != "" && g != nil && g.IsProject(c) && !g.IsOrg(c)) {
			ps[i].Company, ps[i].Parent = "", ""
		}
	}
	for i := range ps {
		if c, r, ok := koreanRole(ps[i].Company); ok {
			ps[i].Company, ps[i].Role, ps[i].Parent = c, r, ""
		}
	}
	if strings.Contains(s, ";") {
		return ps // groups of their own: "A, CNCF Ambassador; B, DaoCloud"
	}
	// "Bo Li, Software Engineer & Cy Ng, SRE, Uber": a job title where a
	// company would be is the title; the company is the next one given.
	for i := range ps {
		if ps[i].Company == "" || !titleish(ps[i].Company) {
			continue
		}
		// "Ed Fox, CNCF Ambassador": a role, and no company.
		ps[i].Role, ps[i].Company, ps[i].Parent = ps[i].Company, "", ""
		for j := i + 1; j < len(ps); j++ {
			if ps[j].Role != "" && ps[j].Company != "" && !titleish(ps[j].Company) {
				ps[i].Company, ps[i].Parent = ps[j].Company, ps[j].Parent
				break
			}
		}
	}
	return ps
}

// koreanJob are the words a job title in Korean ends with.
var koreanJob = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`엔지니어 아키텍트 개발자 부사장 사장 이사 상무 전무 매니저 팀장 리더 연구원 디렉터 본부장 대표 에반젤리스트 컨설턴트 책임 수석 CEO CTO VP`) {
		koreanJob[w] = true
	}
}

// koreanRole reads a role written in Korean the way Korean pages print it,
// the organisation first and the job last ("아크메 클라우드 아키텍트"):
// the first word is the company, the whole the role.
func koreanRole(c string) (company, role string, ok bool) {
	f := strings.Fields(c)
	if len(f) < 2 || !koreanJob[f[len(f)-1]] {
		return "", "", false
	}
	for _, r := range f[0] {
		if !unicode.In(r, unicode.Hangul) {
			return "", "", false
		}
	}
	return f[0], c, true
}

// whenTail is a session's day and time at the end of an attribution: a
// weekday followed by a date or nothing ("Tuesday, November 7 • 11:00am",
// "Wed 8 Nov", "Thursday,"), a time after a bullet ("• 2:30pm") or a date
// written in Japanese or Chinese ("6月17日（火）").
var whenTail = regexp.MustCompile(`(?i)[\s,;•·|–-]*(?:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[.,]?(?:\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s*$)|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b[.,]?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|[•·]\s*\d{1,2}[:.]\d{2}|\d{1,2}月\d{1,2}日).*$`)

var jaListAnd = regexp.MustCompile(`(\p{Latin})\s*(?:および|及び|、)\s*(\p{Latin})`)

// initials is a word of initials: "I.V.", "J.R.R.".
var initials = regexp.MustCompile(`^(?:\p{Lu}\.){2,3}$`)

// proseTail is where an attribution's sentence goes on with what the
// people did: ", opened …", ", emphasized …", ", shares …".
var proseTail = regexp.MustCompile(`,\s+(?:then\s+|also\s+)?(\p{Ll}+(?:ed|es))\b.*$`)

// nameStop are words that do not stand in a person's name.
var nameStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an of and or with in for to on is at by from not no your our my its this that
		how why what when who into without about over under using via vs beyond after before more less all
		asia pacific europe emea apac americas america global worldwide international region
		day days night week party summit keynote keynotes talk talks session sessions booth swag update updates recap
		notes conference meetup lunch dinner breakfast coffee workshop panel`) {
		nameStop[w] = true
	}
}

// NameLike reports a string shaped like a person's name: two to four
// words (particles such as "van" aside), each opening with a capital, no
// digits, no punctuation but . ' ’ and -, and no small words of a title.
func NameLike(n string) bool {
	if cjkName(n) {
		return true
	}
	ws := strings.Fields(n)
	core := 0
	for _, w := range ws {
		lw := strings.ToLower(w)
		if nameStop[lw] {
			return false
		}
		if lw == "van" || lw == "von" || lw == "de" || lw == "da" || lw == "del" || lw == "der" || lw == "di" || lw == "le" || lw == "la" || lw == "bin" || lw == "dos" {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		if len(r) >= 2 && strings.ToUpper(w) == w && !strings.Contains(w, ".") {
			return false // "AI", "IBM": an acronym, not a name
		}
		if len(r) > 2 && r[len(r)-1] == '.' && !initials.MatchString(w) {
			return false // "Zulu. Question": a sentence ends there; "I.V." is initials
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '.' && c != '\'' && c != '’' && c != '-' {
				return false
			}
		}
		core++
	}
	return core >= 2 && core <= 4
}

// katakanaFullName reports a foreign name written in katakana, given and
// family name apart at a middle dot ("アン・リー"): longer than a name in
// kanji may be.
func katakanaFullName(rs []rune) bool {
	if len(rs) > 20 || !strings.ContainsRune(string(rs), '・') {
		return false
	}
	for _, r := range rs {
		if !unicode.In(r, unicode.Katakana) && r != '・' && r != 'ー' {
			return false
		}
	}
	return true
}

// CJKName reports a name written in Chinese or Japanese characters.
func CJKName(n string) bool { return cjkName(strings.TrimSpace(n)) }

// cjkName reports a name written in Chinese or Japanese characters: two to
// eight of them, perhaps with a space between family and given name.
func cjkName(n string) bool {
	rs := []rune(strings.ReplaceAll(n, " ", ""))
	if len(rs) < 2 || len(rs) > 8 && !katakanaFullName(rs) || strings.Count(n, " ") > 1 {
		return false
	}
	if strings.ContainsRune("をにはがのでともへや", rs[0]) || strings.ContainsRune("をにはがでとへ", rs[len(rs)-1]) && unicode.In(rs[len(rs)-2], unicode.Hiragana) {
		return false // "を購読すると": a piece of a sentence, its particles at its edge
	}
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == 'の' && unicode.In(rs[i-1], unicode.Han) && unicode.In(rs[i+1], unicode.Han) {
			return false // "前述の通り": two words joined by a particle, a phrase
		}
	}
	for _, r := range rs {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) && r != '・' && r != 'ー' {
			return false
		}
	}
	return !chinesePhrase(rs)
}

// zhFunction are Chinese characters of grammar (particles, pronouns,
// prepositions) that no name has, and zhAfterFirst those that open a
// surname ("于", "关") but inside a run of characters join words; zhWords
// are common words of prose about talks ("演讲", "博客") that no name
// holds. A run holding one is a piece of a sentence: "介绍了", "我们还与",
// "最后的会议", "官方博客".
var (
	zhFunction   = "了的们这是在被把对就还吗呢吧着过给让此"
	zhAfterFirst = "与及并而或以于为将从向后者"
	zhWords      = []string{"演讲", "博客", "项目", "技术", "官方", "会议", "公众号", "社区", "活动", "主题", "团队", "公司", "分享", "介绍", "最后", "开幕", "致辞"}
)

func chinesePhrase(rs []rune) bool {
	for i, r := range rs {
		if strings.ContainsRune(zhFunction, r) || i > 0 && strings.ContainsRune(zhAfterFirst, r) {
			return true
		}
	}
	s := string(rs)
	for _, w := range zhWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var (
	honorific   = regexp.MustCompile(`(?i)(^|[,&;]\s*|\band\s+)(?:dr|prof|mr|mrs|ms)\.?\s+`)
	jaHonorific = regexp.MustCompile(`\s*(?:さん|様|氏|先生)`)
)

// lastField returns what follows the last comma of s.
func lastField(s string) string {
	if i := strings.LastIndex(s, ","); i >= 0 {
		return s[i+1:]
	}
	return s
}

// StripHonorifics drops "Dr", "Prof." before names and "さん", "氏" after.
func StripHonorifics(s string) string {
	return jaHonorific.ReplaceAllString(honorific.ReplaceAllString(s, "$1"), "")
}

// A CJK name, a Chinese comma and an organisation; the endings Chinese and
// Japanese organisation names take (cloud, technology, company, group,
// bank, university, institute, laboratory, network, software,
// foundation, kabushiki kaisha).
var (
	cjkNameOrg = regexp.MustCompile(`^([\p{Han}]{2,4})\s*，\s*([^，、,&]{2,40})$`)
	cjkOrgEnd  = regexp.MustCompile(`(?:云|雲|科技|公司|集团|集團|银行|銀行|大学|大學|研究院|研究所|实验室|實驗室|网络|網路|软件|軟體|技术|技術|基金会|株式会社)$|^株式会社`)
)

// socialHandle is a social handle, with a "by" or "via" before it.
var socialHandle = regexp.MustCompile(`(?:\s+(?:by|via))?(?:^|\s)@[\w.\-]+`)

// Separators of lists of people, compiled once.
var (
	groupSep = regexp.MustCompile(`\s+(?:&|and|und|et|y)\s+`) // "A, X & B, Y"
	listSep  = regexp.MustCompile(`\s*[,&]\s*`)
	ampSep   = regexp.MustCompile(`\s*&\s*`)
)

var (
	moderatedBy = regexp.MustCompile(`(?i),?\s+(?:and\s+)?(?:moderated|hosted|chaired) by\s+`)
	serialAnd   = regexp.MustCompile(`,\s*(?:&|and)\s+`)
	middleAlias = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+)\s+\((\p{Lu}[\p{L}'’\-]+)\)\s+(\p{Lu}[\p{L}'’\-]+)`)
	countryCode = regexp.MustCompile(`(\p{Lu}[\p{L}'’\-]+)\s+\p{Lu}{2}(\s*(?:,|&|$))`)
	nickname    = regexp.MustCompile(`\s+\\?["“'][\p{L} ]{1,20}\\?["”']\s+`)
	levelNote   = regexp.MustCompile(`(?i)\s*\([^)]*\b(?:level|skill|beginner|intermediate|advanced)\b[^)]*\)`)
)

// normalize rewrites the quirks of printed lists: a serial comma before
// "&" or "and", a nickname in parentheses inside a name ("Lily (Xiaoxuan)
// Liu"), a country code after a name ("Piotr Prokop PL"), a skill level
// in parentheses.
func normalize(s string) string {
	// "A、B および C": Japanese list marks between names written in
	// Latin letters.
	s = jaListAnd.ReplaceAllString(s, "$1 & $2")
	s = serialAnd.ReplaceAllString(s, " & ")
	// "Kim Rho, VP & Chief Cloud Officer, Zeta": an "&" inside a job title.
	if parts := strings.Split(s, " & "); len(parts) > 1 {
		joined := parts[0]
		for _, p := range parts[1:] {
			head := strings.SplitN(p, ",", 2)[0]
			if titleish(head) && !NameLike(head) && titleish(lastField(joined)) {
				joined += " and " + p
			} else {
				joined += " & " + p
			}
		}
		s = joined
	}
	s = middleAlias.ReplaceAllString(s, "$1 $3")
	s = countryCode.ReplaceAllString(s, "$1$2")
	s = nickname.ReplaceAllString(s, " ") // Priyanka "Pinky" Ravi
	return levelNote.ReplaceAllString(s, "")
}

func parse(s string, g Gazetteer) []Person {
	s = normalize(StripHonorifics(s))
	// "Ana Luz, Acme @analuz": social handles are no part of a name or a
	// company.
	if strings.Contains(s, "@") {
		s = strings.Join(strings.Fields(socialHandle.ReplaceAllString(s, " ")), " ")
	}
	// "王磊，阿里云": a Chinese comma between a name and an organisation.
	if m := cjkNameOrg.FindStringSubmatch(s); m != nil && (cjkOrgEnd.MatchString(m[2]) || g != nil && g.IsOrg(m[2])) {
		s = m[1] + "（" + m[2] + "）"
	}
	s = moderatedBy.ReplaceAllString(s, "; ")
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "—–-:|"))
	for _, lead := range []string{"presented by ", "Presented by ", "by ", "By ", "with ", "With ", "moderated by ", "Moderated by ", "hosted by ", "Hosted by "} {
		s = strings.TrimPrefix(s, lead)
	}
	s = roleLead.ReplaceAllString(s, "")
	// "A & B, X; C, Google": semicolons separate company groups.
	if strings.Contains(s, ";") {
		var out []Person
		for _, part := range strings.Split(s, ";") {
			if strings.TrimSpace(part) == "" {
				continue
			}
			ps := parse(roleLead.ReplaceAllString(strings.TrimSpace(part), ""), g)
			if ps == nil {
				return nil
			}
			out = append(out, ps...)
		}
		return out
	}
	if s == "" || len(s) > 300 {
		return nil
	}
	for _, read := range []func(string, Gazetteer) []Person{parenthesised, namesThenParen, fromCompany, pairGroups, commaList} {
		if ps := read(s, g); ps != nil && allNames(ps, g) {
			return ps
		}
	}
	return nil
}

func allNames(ps []Person, g Gazetteer) bool {
	for _, p := range ps {
		if !NameLike(p.Name) || orgish(p.Name) || g != nil && (g.NotPerson(p.Name) || g.IsOrg(p.Name)) {
			return false
		}
	}
	return true
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
		if !listing.Personish(name) && !cjkName(name) {
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

// namesThenParen reads "A & B (Company)": one affiliation for all.
func namesThenParen(s string, g Gazetteer) []Person {
	m := trailingParen.FindStringSubmatch(s)
	if m == nil || handle.MatchString(m[2]) {
		return nil
	}
	var out []Person
	for _, n := range andSep.Split(strings.ReplaceAll(m[1], ",", " & "), -1) {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !NameLike(n) {
			return nil
		}
		out = append(out, Person{Name: n})
	}
	if len(out) < 2 {
		return nil
	}
	role, c, p := affiliation(m[2], g)
	for i := range out {
		out[i].Role, out[i].Company, out[i].Parent = role, c, p
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

// pairGroups reads "A, X & B, Y" (and "A, Role, X & B, Y") as each person
// with the affiliation after their name: when every group joined by "&"
// or "and" opens with a name and a comma, what follows the comma is that
// person's, whatever the gazetteer knows of it.
func pairGroups(s string, g Gazetteer) []Person {
	groups := groupSep.Split(s, -1)
	if len(groups) < 2 {
		return nil
	}
	var out []Person
	for _, grp := range groups {
		i := strings.Index(grp, ", ")
		if i <= 0 {
			return nil
		}
		name, rest := strings.TrimSpace(grp[:i]), strings.TrimSpace(grp[i+2:])
		// A list of four people would read "A, B, C & D": with one comma in
		// every group, what follows it is an affiliation.
		if !NameLike(name) || rest == "" {
			return nil
		}
		// "Dan Delta, Eve Echo & Fay Fox, Hooli" lists three people of one
		// company: what follows the comma is a second name, not an
		// organisation the gazetteer or the words of its name tell.
		if namesOnly(strings.TrimRight(rest, ", "), g) {
			// "Ann Lee, Bo Chan, Cy Diaz, & Di Eng, Hooli": with an Oxford
			// comma, several names before the "&".
			return nil
		}
		role, c, p := affiliation(rest, g)
		out = append(out, Person{Name: name, Role: role, Company: c, Parent: p})
	}
	return out
}

// namesOnly reports text that is only people's full names, separated by
// commas: "Bo Chan" or "Bo Chan, Cy Diaz", not "Acme" or "Bo Chan, Acme".
func namesOnly(s string, g Gazetteer) bool {
	for _, n := range strings.Split(s, ", ") {
		if n = strings.TrimSpace(n); !NameLike(n) || len(strings.Fields(n)) < 2 || isOrg(n, g) || orgish(n) {
			return false
		}
	}
	return true
}

// MinNamesList is how many comma-separated entries a list needs to be
// read as names alone when every entry is a full name: in "Bo Chan, Cy
// Diaz" and "Bo Chan & Cy Diaz, Eng Works" the listing shape puts a
// company after the names, but in "Bo Chan, Cy Diaz, Di Eng" a last entry
// that is as much a name as the others is a person too.
const MinNamesList = 3

// fullNamesList reads a list of MinNamesList or more comma-separated
// entries, each a full name that no word or the gazetteer marks as an
// organisation or a job, as people without companies.
func fullNamesList(s string, g Gazetteer) []Person {
	parts := strings.Split(s, ",")
	if len(parts) < MinNamesList || !namesOnly(s, g) {
		return nil
	}
	out := make([]Person, 0, len(parts))
	for _, n := range parts {
		if n = strings.TrimSpace(n); titleish(n) {
			return nil
		}
		out = append(out, Person{Name: n})
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
	for _, part := range listSep.Split(s, -1) {
		if isOrg(part, g) {
			known[text.NormName(part)] = true
		}
	}
	if ps := fullNamesList(s, g); ps != nil {
		return ps
	}
	// "Ana Luz, Acme Labs, CTO": one person, the company, then the job.
	if f := strings.Split(s, ", "); len(f) == 3 && NameLike(f[0]) && titleish(f[2]) && !titleish(f[1]) && hasCapital(f[1]) && (orgish(f[1]) || isOrg(f[1], g) || !NameLike(f[1])) {
		c, p := companyParent(f[1], g)
		return []Person{{Name: strings.TrimSpace(f[0]), Role: strings.TrimSpace(f[2]), Company: c, Parent: p}}
	}
	sp := listing.ParseSpeakerListKnown(s, true, known)
	if len(sp) == 0 {
		return nil
	}
	// No comma: "A & B" names people only.
	if !strings.Contains(s, ",") {
		var ps []Person
		for _, n := range ampSep.Split(s, -1) {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if !NameLike(n) || isOrg(n, g) {
				return nil // "Cost Management Best Practice Ana Luz & Bo Chan": not only names
			}
			ps = append(ps, Person{Name: n})
		}
		return ps
	}
	// "A & B" with no company: the listing shape reads B as A's company;
	// a name joined by "&" is a person.
	if i := strings.LastIndex(s, " & "); i > 0 && !strings.Contains(s[i:], ",") {
		last := strings.TrimSpace(s[i+3:])
		if n := len(sp); n > 0 && sp[n-1].Company == last && listing.Personish(last) && !isOrg(last, g) {
			for k := range sp {
				if sp[k].Company == last {
					sp[k].Company = ""
				}
			}
			sp = append(sp, listing.Speaker{Name: last, Part: "speaker"})
		}
	}
	// A job title read as a person ("Mira Castellanos, Upper Secondary
	// School Student, …") is the role of the person before it.
	kept := sp[:0]
	for _, x := range sp {
		if titleish(x.Name) && len(kept) > 0 {
			kept[len(kept)-1].Role = x.Name
			if kept[len(kept)-1].Company == "" {
				kept[len(kept)-1].Company = x.Company
			}
			continue
		}
		kept = append(kept, x)
	}
	sp = kept
	var out []Person
	for _, x := range sp {
		if !listing.Personish(x.Name) || isOrg(x.Name, g) {
			return nil
		}
		role, company := x.Role, x.Company
		if m := roleAt.FindStringSubmatch(company); m != nil && titleish(m[1]) {
			role, company = m[1], m[2] // "Ana Ruiz, Staff Engineer at Acme"
		}
		c, p := companyParent(company, g)
		out = append(out, Person{Name: x.Name, Role: role, Company: c, Parent: p})
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
		technical program programme community contributor chair co-chair sre devops developer-advocate analyst ambassador
		professor student intern partner owner designer strategist`) {
		titleWords[w] = true
	}
}

// orgWords are the words of organisations' names besides legal forms.
var orgWords = map[string]bool{}

// legalForms are companies' legal forms (data/companies.yml): a word that
// is one marks an organisation.
var legalForms = text.NewLegalForms(data.LegalSuffixes())

func init() {
	for _, w := range strings.Fields(`technologies technology labs lab systems software security network networks
		foundation university institute group center centre services cloud data platform solutions consulting partners
		engine web bank insurance communications digital media logistics capital health energy motors airlines telecom
		mobility games studio studios research ai io dev hq robotics`) {
		orgWords[w] = true
	}
}

// Orgish reports whether s is the name of an organisation by its words
// ("Harborview Media") or the gazetteer.
func Orgish(s string, g Gazetteer) bool { return orgish(s) || isOrg(s, g) }

// orgish reports a name with a word organisations' names have ("Labs",
// "Logistics", "Bank").
func orgish(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if w = strings.Trim(w, ".,"); orgWords[w] || legalForms.Is(w) {
			return true
		}
	}
	return false
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

// hasCapital reports text with a capital letter, a digit or a letter of a
// script without case: what a company's name has.
func hasCapital(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsLetter(r) && !unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// nameThenJob is a two-word name followed at once by the first word of a
// job title.
var nameThenJob = regexp.MustCompile(`^(\p{Lu}[\p{L}'’\-]+\s+\p{Lu}[\p{L}'’\-]+)\s+((?:Sr\.?|Senior|Staff|Principal|Distinguished|Lead|Chief|Head|Director|Software|Developer|Engineering|Product|Technical|VP|CTO|CEO|Co-?founder|Founder)\s)`)
