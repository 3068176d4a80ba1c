package recap

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/loaders/layout"
	"github.com/confgraph/confgraph/loaders/listing"
)

func TestTitleShaped(t *testing.T) {
	tests := []struct {
		name, line string
		want       bool
	}{
		{"TitleCase", "Gardening for Operators: Weeding a Hundred Clusters", true},
		{"OneWord", "Gardening", false},
		{"MaxTitleWords", strings.Repeat("Weed ", 19) + "Weed", true},
		{"MoreThanMaxTitleWords", strings.Repeat("Weed ", 20) + "Weed", false},
		{"Sentence", "We weeded a hundred clusters in a single afternoon", false},
		{"EndsInFullStop", "Gardening for Operators.", false},
		{"Equation", "Go + Gardens = Go Weeding Kit", true},
		{"Code", "Set Replicas=3 on Every Garden", false},
		{"EndsInColon", "Gardening for Operators:", false},
		{"EndsInExclamation", "Gardening for Operators!", false},
		{"OneQuestion", "Who Weeds the Weeders?", true},
		{"TwoQuestions", "Who Weeds? Who Waters?", false},
		{"TableSymbols", "Gardening | Operators", false},
		{"BlockHeading", "Morning Keynotes", false},
		{"TwoStructuralWords", "Day Two Gardening Highlights", false},
		{"OpensWithAStructuralWord", "Recap Gardening for Operators", false},
		{"NotASession", "Gardening Booth Photos Tour", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := titleShaped(tc.line); got != tc.want {
				t.Errorf("titleShaped(%q) = %v, want %v", tc.line, got, tc.want)
			}
		})
	}
}

func TestMostlyCapitalised(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Weeding a Hundred Clusters with Care", true}, // 3 of 4 longer words: 75%
		{"Weeding Hundred clusters with care", false},  // 2 of 4: 50%
		{"Weeding Hundred Clusters with care", true},   // 3 of 5: 60%, minCapitalPercent
		{"We weeded a hundred clusters", false},        // 1 of 4
		{"2031 Garden Almanac", true},                  // a digit counts as a capital
		{"“Weeding” and “Seeding”", true},              // quotes are passed over
		{"of an in", false},                            // no longer words at all
	}
	for _, tc := range tests {
		if got := mostlyCapitalised(strings.Fields(tc.line)); got != tc.want {
			t.Errorf("mostlyCapitalised(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestStructural(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Closing Keynotes", true},                      // half structural
		{"Day 2 Morning Talks", true},                   // three structural words
		{"Recap: Gardening for Operators", true},        // opens with one
		{"Gardening for Operators: The Summary", false}, // one of five, not first
		{"Gardening for Operators", false},
	}
	for _, tc := range tests {
		if got := structural(strings.Fields(tc.line)); got != tc.want {
			t.Errorf("structural(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestLooseTitle(t *testing.T) {
	tests := []struct {
		name, line string
		want       bool
	}{
		{"SentenceCase", "How we weeded a hundred clusters", true},
		{"NameLikeFirstWord", "eBPF for gardeners", true},
		{"CJKFirstWord", "园艺 for Operators", true},
		{"LowercaseFirstWord", "how we weeded a hundred clusters", false},
		{"OneWord", "Gardening", false},
		{"MaxLooseTitleWords", "Weed" + strings.Repeat(" weed", 13), true},
		{"MoreThanMaxLooseTitleWords", "Weed" + strings.Repeat(" weed", 14), false},
		{"EndsInFullStop", "How we weeded a hundred clusters.", false},
		{"NeverASession", "Larchmont Booth Tour", false},
		{"TwoMarks", "Weed it! Weed it? Now", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := looseTitle(tc.line); got != tc.want {
				t.Errorf("looseTitle(%q) = %v, want %v", tc.line, got, tc.want)
			}
		})
	}
}

func TestProseLine(t *testing.T) {
	tests := []struct {
		name, line string
		want       bool
	}{
		{"Long", "Ada walked us through her garden and all of its many clusters", true}, // proseMinBytes
		{"ShortSentence", "It was packed.", true},
		{"ShortQuestion", "Who weeds it?", true},
		{"TwoWordSentence", "Very packed.", false}, // fewer than minSentenceWords
		{"Title", "Gardening for Operators", false},
		{"JapaneseSentence", "庭の手入れについてのセッションでした", true}, // cjkProseMinRunes
		{"JapaneseHeading", "一日目のまとめ", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := proseLine(tc.line); got != tc.want {
				t.Errorf("proseLine(%q) = %v, want %v", tc.line, got, tc.want)
			}
		})
	}
}

func TestSpeakerLineAndNameAndRoleLine(t *testing.T) {
	tests := []struct {
		name, line       string
		speakers, person string // what speakerLine and nameAndRoleLine read, as "Name @ Company; …"
	}{
		{"PeopleWithCompanies", "Ada Quill, Head Gardener, Larchmont & Bo Reed, Larchmont", "Ada Quill @ Larchmont; Bo Reed @ Larchmont", ""},
		{"PersonAndJob", "Ada Quill, Staff Engineer", "", "Ada Quill @ "},
		{"FirstNameAndJob", "Ada, Staff Engineer", "", ""}, // fewer than minFullNameWords
		{"Sentence", "Ada Quill, our host, welcomed everyone.", "", ""},
		{"NoComma", "Ada Quill of Larchmont", "", ""},
		{"LongerThanMaxSpeakerLineWords", "Ada Quill, Head Gardener of the Northern Allotments and Greenhouses, Larchmont Data Works & Bo Reed, Larchmont", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := who(speakerLine(tc.line, gaz{})); got != tc.speakers {
				t.Errorf("speakerLine(%q) = %q, want %q", tc.line, got, tc.speakers)
			}
			if got := who(nameAndRoleLine(tc.line, gaz{})); got != tc.person {
				t.Errorf("nameAndRoleLine(%q) = %q, want %q", tc.line, got, tc.person)
			}
		})
	}
}

// who writes people as "Name @ Company; …".
func who(sp []listing.Speaker) string {
	var out []string
	for _, p := range sp {
		out = append(out, p.Name+" @ "+p.Company)
	}
	return strings.Join(out, "; ")
}

// TestCleanTitle: what is no part of a title comes off it.
func TestCleanTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Lightning Talk: OTel in 2025（OTel 2025：最新の進展）", "Lightning Talk: OTel in 2025"},
		{"Quotas at Scale (Kueue の話)", "Quotas at Scale"},
		{"Kueue を使った大規模な運用（事例）", "Kueue を使った大規模な運用（事例）"}, // a Japanese title keeps its parenthesis
		{"Quotas at Scale (Part 2)", "Quotas at Scale (Part 2)"},
		{"Talk 3: Caching at Scale", "Caching at Scale"},
		{"Title - Caching at Scale", "Caching at Scale"},
		{"Session title: Caching at Scale", "Caching at Scale"},
		{"Titles Matter: Naming at Scale", "Titles Matter: Naming at Scale"},
		{"Weeding Pods With Admission Controllers - @gardener", "Weeding Pods With Admission Controllers"},
		{"Weeding Pods - @ana & @bo", "Weeding Pods"},
		{"'Serverless, Not So Weedy'", "Serverless, Not So Weedy"},
		{"“Weeding Pods” and “Seeding Pods”", "“Weeding Pods” and “Seeding Pods”"},
	} {
		if got := cleanTitle(tc.in); got != tc.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestColocatedName: headings that name an event held beside the
// conference, and headings that only structure the days of the post.
func TestColocatedName(t *testing.T) {
	for _, tc := range []struct {
		heading string
		want    bool
	}{
		{"GitOps Day Highlights:", true},
		{"Kubernetes AI Day", true},
		{"Tuesday 17 May - GitOpsCon", true},
		{"ServiceMeshCon", true},
		{"KubeCon + CloudNativeCon Co-Located Events", true},
		{"Cloud Native Rejekts", true},
		{"Monday - Serverless Practitioners Summit", true},
		{"Day 1", false},
		{"Day 2 - Keynotes", false},
		{"Highlights of the day", false},
		{"Each day at KubeCon", false},
		{"Wednesday 18 May - Friday 20 May - KubeCon", false},
		{"Talks I attended", false},
		// A list names the section's contents: every entry must be an
		// event beside the conference.
		{"Day 0: Co-Located Events, Lightning Talks, and the Contributor Summit!", false},
		{"Monday: Maintainer Summit, Rejekts and GitOps Day", true},
		{"Security and Compliance Summit", true},
	} {
		if got := colocatedName(tc.heading); got != tc.want {
			t.Errorf("colocatedName(%q) = %v, want %v", tc.heading, got, tc.want)
		}
	}
}

// TestItemsUnderColocatedEvent: sessions under a heading that names a
// co-located event are that event's; those under the conference's own
// heading after it are the conference's.
func TestItemsUnderColocatedEvent(t *testing.T) {
	doc := "# Our week at KubeCon Europe 2031\n\n" +
		"## Tuesday - GitOps Day\n\n" +
		"### Shipping With GitOps Every Day - Ana Ruiz, Acme\n\nAna showed her pipeline.\n\n" +
		"## Wednesday - KubeCon\n\n" +
		"### Queues Without Tears at Scale - Bo Sample, Initech\n\nBo showed his queue.\n\n" +
		"### Caching All the Things - Cy Doe, Acme\n\nCy cached everything.\n"
	if got := titlesOf(t, doc); got != "Queues Without Tears at Scale|Caching All the Things" {
		t.Errorf("items = %q", got)
	}
}

// TestLinkedTitleWithArticle: a link to a session's page (or its slides)
// whose text is a title-cased title, one opening with an article too,
// names the session; one that points at it ("this 90-minute tutorial",
// "the session") does not, nor slides named by two words.
func TestLinkedTitleWithArticle(t *testing.T) {
	doc := "# Episode 9: KubeCon North America 2031\n\n" +
		"We talked about the keynotes we want to see.\n" +
		"They were [The Rise of the Platform Team](https://kccncna2031.sched.com/event/ab1/the-rise-of-the-platform-team-ana-ruiz-acme) and [Kubernetes Anywhere You Go](https://kccncna2031.sched.com/event/ab2/kubernetes-anywhere).\n" +
		"We also liked [this 90-minute tutorial](https://kccncna2031.sched.com/event/ab3/tutorial-cloud-native-basics) and [the session](https://kccncna2031.sched.com/event/ab4/other).\n" +
		"A keynote speech [Logging Across Many Tenants](https://static.sched.com/hosted_files/kccncna2031/ab/logging.pdf) showed their stack, and Bo spoke on the [Working Group](https://static.sched.com/hosted_files/kccncna2031/cd/wg.pdf).\n"
	if got := titlesOf(t, doc); got != "The Rise of the Platform Team|Kubernetes Anywhere You Go|Logging Across Many Tenants" {
		t.Errorf("items = %q", got)
	}
}

// TestTopicLine: under a heading naming the speaker, a sentence giving the
// subject of the talk names it, by its original title in parentheses when
// the sentence translates it, on the same line or the next.
func TestTopicLine(t *testing.T) {
	doc := "# 我们在 KubeCon Europe 2031 的分享\n\n" +
		"### Ana Ruiz\n\nAna 是 Acme 的工程师。\n\n" +
		"她演讲的主题是：无痛队列（Queues Without Tears at Scale）\n\n正文。\n\n" +
		"### Bo Sample\n\n" +
		"他演讲的主题是：缓存一切\n（Caching All the Things in Production）\n\n正文。\n\n" +
		"### Cy Doe\n\n分享主题：边缘上的 Kubernetes 实践\n\n正文。\n\n" +
		"### 总结\n\n本次的主题：开放\n"
	d := parseDoc(t, doc)
	var got []string
	for _, it := range d.Items() {
		who := ""
		if len(it.Speakers) > 0 {
			who = it.Speakers[0].Name
		}
		got = append(got, it.Title+" / "+who)
	}
	want := "Queues Without Tears at Scale / Ana Ruiz|Caching All the Things in Production / Bo Sample|边缘上的 Kubernetes 实践 / Cy Doe"
	if strings.Join(got, "|") != want {
		t.Errorf("items = %q", got)
	}
}

// TestSessionOfAnotherEventsSite: a session linked on the schedule site of
// another event's edition (gitopsconeu31.sched.com) is that event's; one on
// the conference's site, or on a site that names no edition, is kept.
func TestSessionOfAnotherEventsSite(t *testing.T) {
	doc := "# My KubeCon Europe 2031\n\nI loved the week.\n\n" +
		"- [Shipping With GitOps Every Day](https://gitopsconeu31.sched.com/event/a1/shipping) by Ana Ruiz, Acme\n" +
		"- [Queues Without Tears at Scale](https://kccnceu2031.sched.com/event/a2/queues) by Bo Sample, Initech\n" +
		"- [Caching All the Things](https://example.sched.com/event/a3/caching) by Cy Doe, Acme\n"
	if got := titlesOf(t, doc); got != "Queues Without Tears at Scale|Caching All the Things" {
		t.Errorf("items = %q", got)
	}
}

// TestAgendaBold: an agenda entry naming its session in bold after the
// time, with who gives it; a bold phrase that ends a sentence is no title.
func TestAgendaBold(t *testing.T) {
	doc := "# Our project meeting at KubeCon Europe 2031\n\nJoin us on Monday.\n\n" +
		"- 13:00 Meet and greet\n" +
		"- 14:00 **Queues Without Tears at Scale** with Bo Sample + Q&A\n" +
		"- 15:00 **Open topics.** We can do office hours with Ana Ruiz\n"
	d := parseDoc(t, doc)
	var got []string
	for _, it := range d.Items() {
		who := ""
		if len(it.Speakers) > 0 {
			who = it.Speakers[0].Name
		}
		got = append(got, it.Title+" / "+who)
	}
	if strings.Join(got, "|") != "Queues Without Tears at Scale / Bo Sample" {
		t.Errorf("items = %q", got)
	}
}

// TestBoldTitlesInProse: titles set in bold in running text, with who gave
// them inside the bold or a word for a session next to them; bold for
// emphasis is no title.
func TestBoldTitlesInProse(t *testing.T) {
	doc := "# KubeCon North America 2031 recap\n\nIt was a good week.\n\n" +
		"I enjoyed **Queues Without Tears at Scale by Bo Sample, Initech** a lot.\n\n" +
		"The keynote **Shipping Pods to the Moon - Ana Ruiz & Cy Doe** was fun.\n\n" +
		"It is **really important to test** your clusters, **Kudos** to all.\n"
	d := parseDoc(t, doc)
	var got []string
	for _, it := range d.Items() {
		var who []string
		for _, s := range it.Speakers {
			who = append(who, s.Name+"@"+s.Company)
		}
		got = append(got, it.Title+" / "+strings.Join(who, ","))
	}
	want := "Queues Without Tears at Scale / Bo Sample@Initech|Shipping Pods to the Moon / Ana Ruiz@,Cy Doe@"
	if strings.Join(got, "|") != want {
		t.Errorf("items = %q", got)
	}
}

// TestQuotedTitleAfterSessionWord: a quoted title right after a word for
// a session names one, two words long too; a quote elsewhere in a
// sentence about talks without anyone named stays weak.
func TestQuotedTitleAfterSessionWord(t *testing.T) {
	doc := "# After KubeCon Europe 2031\n\nThe week was good.\n\n" +
		"Talks like \"Queues Without Tears at Scale\" and \"Caching All the Things\" were deep.\n\n" +
		"Another standout session, \"Stateful Superpowers,\" showed their tooling.\n\n" +
		"The talks were \"really quite good\" overall.\n"
	d := parseDoc(t, doc)
	var got []string
	for _, it := range d.Items() {
		if !it.Weak {
			got = append(got, it.Title)
		}
	}
	if strings.Join(got, "|") != "Queues Without Tears at Scale|Caching All the Things|Stateful Superpowers" {
		t.Errorf("items = %q", got)
	}
}

// TestCJKSessionLinks: in a list, a link to a session's page whose text
// is in Chinese or Japanese names the session; in running text, or a
// phrase cut at a comma, it does not.
func TestCJKSessionLinks(t *testing.T) {
	doc := "# 我们在 KubeCon 北美 2031\n\n欢迎来看我们的会议：\n\n" +
		"- [数据包的一生：环境版](https://sched.co/ab1)\n" +
		"- [教程：使用 Gateway API](https://sched.co/ab2)\n\n" +
		"我们也写过[如何收集更多数据的会议](https://sched.co/ab3)，欢迎阅读。\n"
	if got := titlesOf(t, doc); got != "数据包的一生：环境版|教程：使用 Gateway API" {
		t.Errorf("items = %q", got)
	}
}

// TestQuotedTitleGivenInSentenceBefore: a quoted title opening its
// sentence takes who gave it from the sentence before, when that one says
// a talk was given by them.
func TestQuotedTitleGivenInSentenceBefore(t *testing.T) {
	doc := "# Back from KubeCon Europe 2031\n\nIt was a good week.\n\n" +
		"Another good talk was delivered by Ana Ruiz from Acme, who also chairs the programme. " +
		"\"Gardens Without Gardeners: Handing Over Maintainership\" tells how to plan for continuity.\n"
	d := parseDoc(t, doc)
	var got []string
	for _, it := range d.Items() {
		for _, s := range it.Speakers {
			got = append(got, it.Title+" / "+s.Name+"@"+s.Company)
		}
	}
	if strings.Join(got, "|") != "Gardens Without Gardeners: Handing Over Maintainership / Ana Ruiz@Acme" {
		t.Errorf("items = %q", got)
	}
}

// parseDoc parses a recap of the tests.
func parseDoc(t *testing.T, doc string) *Document {
	t.Helper()
	d, err := Parse("t.md", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// titlesOf returns the titles of a recap's items, joined by "|".
func titlesOf(t *testing.T, doc string) string {
	t.Helper()
	var got []string
	for _, it := range parseDoc(t, doc).Items() {
		got = append(got, it.Title)
	}
	return strings.Join(got, "|")
}

// TestHeadingOverSessions: a heading without people whose section names
// sessions of its own groups them; it is no session itself (it counts
// only as a session known from elsewhere), and the emphasis around a
// heading is no part of a title.
func TestHeadingOverSessions(t *testing.T) {
	doc := `# What we saw at KubeCon EU 2025

### **Storage Grows Up**

Talks like "Snapshots Without Tears: Volume Backups at Fleet Scale" and "Quota Gardening for Shared Clusters" showed where storage is going.

### **Queues Without Tears at Scale**

Rin Okafor from Harborview Media walked through a queue that never loses a message.
`
	var got []string
	for _, it := range parseDoc(t, doc).Items() {
		got = append(got, fmt.Sprintf("%s weak=%v", it.Title, it.Weak))
	}
	want := "Storage Grows Up weak=true|Snapshots Without Tears: Volume Backups at Fleet Scale weak=false|" +
		"Quota Gardening for Shared Clusters weak=false|Queues Without Tears at Scale weak=false"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("items =\n%s\nwant\n%s", g, want)
	}
}

// TestHeadingDashFullNames: "Title - A, B, C" names three people, not two
// people of a company called C, in a heading read by its line or by its
// block (a post whose deeper headings make it a section).
func TestHeadingDashFullNames(t *testing.T) {
	for _, doc := range []string{
		"# My KubeCon EU 2022\n\n### Keynote: Seven Years of Running Clusters for a Carmaker - Jens Ebert, Petra Moll, Sabine Wurz\n\nThey told a story.\n",
		"# My KubeCon EU 2022\n\n## Keynote: Seven Years of Running Clusters for a Carmaker - Jens Ebert, Petra Moll, Sabine Wurz\n\nThey told a story.\n\n#### Notes\n\nMore text.\n",
	} {
		got := described(t, doc, false)
		if len(got) == 0 || !strings.Contains(got[0], "Seven Years of Running Clusters for a Carmaker | Jens Ebert @  | Petra Moll @  | Sabine Wurz @ ") {
			t.Errorf("items = %q", got)
		}
	}
}

// TestEventHeldAtTheConference: a section about an event held at the
// conference ("Istio Day at KubeCon", "KubeCon 北美期间的 Istio Day") holds
// that event's sessions; a title that lists the conference and its
// co-located events is the conference's; a heading's anchor is no part of
// it.
func TestEventHeldAtTheConference(t *testing.T) {
	doc := `# Our week at KubeCon North America 2025

## Mesh Day at KubeCon North America {#mesh-day}

- [Ambient Meshes Across Regions](https://www.youtube.com/watch?v=md25na00001)

## At the main conference {#main}

- [Gateway Routing Without Tears](https://www.youtube.com/watch?v=md25na00002)
`
	if got := sessionsOf(t, doc); got != "Gateway Routing Without Tears" {
		t.Errorf("items = %q, want only the conference's session", got)
	}
	zh := "# Istio 在 KubeCon 北美 2025\n\n## KubeCon 北美期间的 Mesh Day {#mesh-day}\n\n- [网格中的数据库实践](https://www.youtube.com/watch?v=md25na00003)\n"
	if got := sessionsOf(t, zh); got != "" {
		t.Errorf("items = %q, want none (the section is Mesh Day's)", got)
	}
	listed := "# KubeCon North America 2025 and Co-located Events at Atlanta\n\n## [Gateway Routing Without Tears](https://sched.co/md25a)\n\n* [Recording](https://youtu.be/md25na00004)\n"
	if got := sessionsOf(t, listed); got != "Gateway Routing Without Tears" {
		t.Errorf("items = %q, want the conference's session", got)
	}
}

// sessionsOf returns the titles of a recap's items that are not Weak,
// joined by "|".
func sessionsOf(t *testing.T, doc string) string {
	t.Helper()
	var got []string
	for _, it := range parseDoc(t, doc).Items() {
		if !it.Weak {
			got = append(got, it.Title)
		}
	}
	return strings.Join(got, "|")
}

// TestCJKLinksInProse: Chinese prose that links sessions to their
// recordings names them by the links' texts, two in one sentence; a link
// text that describes a session ("来自 Acme 的最终用户演讲") or points at a
// resource does not, nor does a link after the name of an event held
// beside the conference.
func TestCJKLinksInProse(t *testing.T) {
	doc := "# 我们在 KubeCon 北美 2031\n\n" +
		"当社区在 [网格项目年度更新](https://www.youtube.com/watch?v=zz1)中重新集结时，大家都很兴奋。\n\n" +
		"流量管理在 [网关接口：基本要求](https://www.youtube.com/watch?v=zz2)及其兄弟篇[出发前须知！网关极速入门](https://www.youtube.com/watch?v=zz3)中占据了显著位置。\n\n" +
		"此后，我们进入了另一场[来自 Acme 的最终用户演讲](https://www.youtube.com/watch?v=zz4)。\n\n" +
		"会前的周末还有 Cloud Native Rejekts，维护者讲了[用网格学习高级交互](https://sched.co/zz5)。\n\n" +
		"[看直播和这里的回放](https://www.youtube.com/watch?v=zz6)\n"
	if got := sessionsOf(t, doc); got != "网格项目年度更新|网关接口：基本要求|出发前须知！网关极速入门" {
		t.Errorf("items = %q", got)
	}
}

// TestTitleOverSpeakerField: a bold title alone on its line over a list of
// the session's fields names its speakers from the field that says so,
// written with a full-width colon too.
func TestTitleOverSpeakerField(t *testing.T) {
	for _, field := range []string{"- 演讲者：Ana Luz & Bo Chan, Acme", "- Speakers: Ana Luz & Bo Chan, Acme"} {
		doc := "# 我们在 KubeCon China 2031 的分享\n\n### KubeCon 演讲\n\n**A Metadata Store for Very Large Clusters**\n\n" + field + "\n- 会议：KubeCon China 2031\n"
		got := described(t, doc, false)
		if want := "standalone-title: A Metadata Store for Very Large Clusters | Ana Luz @ Acme | Bo Chan @ Acme"; strings.Join(got, "\n") != want {
			t.Errorf("%s: items = %q, want %q", field, got, want)
		}
	}
}

// TestTitleThenNames: a heading whose title runs straight into its
// people's full names ("… Zero Disturbance Ana Luz & Bo Chan") names both;
// one that ends in a project or a single name does not split.
func TestTitleThenNames(t *testing.T) {
	g := gaz{}
	for _, tc := range []struct{ in, want string }{
		{"### How to Move 700 Clusters to Cluster API with Zero Disturbance Tobias Giel & Sean Schnee", "title-by: How to Move 700 Clusters to Cluster API with Zero Disturbance | Tobias Giel @  | Sean Schnee @ "},
		{"### Cost Management Best Practice Vanessa Kant and Manuela Latz", "title-by: Cost Management Best Practice | Vanessa Kant @  | Manuela Latz @ "},
		{"### Running Databases on Kubernetes with Harborview Media", ""},
		{"### Weeding Pods With Ana Luz", ""},
	} {
		d, err := layout.Parse("t.md", []byte(tc.in+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if it, ok := titleThenNames(d.Blocks[0], g); ok {
			got = describe(it)
		}
		if got != tc.want {
			t.Errorf("titleThenNames(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLabelledLinkTitle: a link text labelled as a title names a session
// whatever page it links.
func TestLabelledLinkTitle(t *testing.T) {
	doc := "# Notes from KubeCon NA 2031\n\n- [ ] [Title - Weeding Pods: Unifying Logs and Traces](https://weeding.example.org/)\n  - [ ] notes on it\n"
	if got := sessionsOf(t, doc); got != "Weeding Pods: Unifying Logs and Traces" {
		t.Errorf("items = %q", got)
	}
}

// TestTripOfSeveralEvents: a post whose title lists the conference among
// other events ("Garden Summit, KubeCon and Compost Days") holds the
// conference's sessions only in the conference's section.
func TestTripOfSeveralEvents(t *testing.T) {
	doc := "---\ntitle: \"Seedcamp Asia, KubeCon and Compost Recipes\"\n---\n\n## Seedcamp Asia\n\n" +
		"#### Weeding Binaries at Scale - Ana Luz, Acme\n\nA good one.\n\n## KubeCon Europe\n\n" +
		"#### Gardening Pods in Production - Bo Chan, Initech\n\nAlso good.\n\n## Compost Recipes\n\n" +
		"#### Rotting Kernels Gracefully - Cy Diaz, Hooli\n\nFun.\n\n## Conclusion\n\nThat was a trip.\n"
	d := parseDoc(t, doc)
	d.Gazetteer = gaz{}
	var got []string
	for _, it := range d.Items() {
		if !it.Weak {
			got = append(got, it.Title)
		}
	}
	if strings.Join(got, "|") != "Gardening Pods in Production" {
		t.Errorf("items = %q, want only the conference's session", got)
	}
}

// TestCompanyFromTheirDescription: a session's description in its
// speakers' voice ("At Acme, we run …") gives speakers without a company
// theirs; "At KubeCon, we …" names no company.
func TestCompanyFromTheirDescription(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"> Do you run many clusters? At Harborview Freight, we run 700 clusters in three regions.", "Harborview Freight"},
		{"> Last year we at Tidewater moved every service.", "Tidewater"},
		{"> At KubeCon, we showed our clusters.", ""},
	} {
		doc := "# Notes from KubeCon EU 2031\n\n### Moving 700 Clusters Without Tears - Ana Luz & Bo Chan\n\n" + tc.text + "\n"
		d := parseDoc(t, doc)
		d.Gazetteer = gaz{}
		its := d.Items()
		if len(its) != 1 || len(its[0].Speakers) != 2 || its[0].Speakers[0].Company != tc.want || its[0].Speakers[1].Company != tc.want {
			t.Errorf("%s: items = %+v, want both speakers at %q", tc.text, its, tc.want)
		}
	}
}

// TestNamedTitleColumn: a table whose header names its title column, in
// any script ("官方英文标题", the official English title), holds sessions
// even without a speaker column; a title found only by position does not
// without people.
func TestNamedTitleColumn(t *testing.T) {
	doc := "# 2031 年 9 月 9 日议程\n\n| 时间 | 地点 | 官方英文标题 | 状态 |\n|---|---|---|---|\n" +
		"| 11:00–11:30 | Hall I | [Weeding Pods Across Regions](../sessions/01.md) | 重点关注 |\n" +
		"| 13:45–14:15 | Hall II | Queues Without Tears at Scale | 核心 |\n"
	if got := sessionsOf(t, doc); got != "Weeding Pods Across Regions|Queues Without Tears at Scale" {
		t.Errorf("items = %q", got)
	}
	positional := "# Day plan\n\n| When | What | Where |\n|---|---|---|\n| 11:00 | Weeding Pods Across Regions | Hall I |\n| 13:45 | Queues Without Tears at Scale | Hall II |\n"
	if got := sessionsOf(t, positional); got != "" {
		t.Errorf("items by position = %q, want none without people", got)
	}
}

// TestFeaturedTalkEntries: "- **Title: Subtitle**" over a "**Speakers:**"
// line is a session (its colon is the title's, not a field's); one whose
// schedule link under it is on another event's site is that event's; a
// "Blog Post:" line under an entry is its field, not a session.
func TestFeaturedTalkEntries(t *testing.T) {
	doc := "# Kubeflow at KubeCon India 2031\n\n## Featured Talks\n\n" +
		"- **Gardens at Scale: Weeding 60% Idle GPUs**\n**Speakers:** [Ana Luz](https://example.org/a), [Bo Chan](https://example.org/b) (Acme)\n" +
		"**Sched Link:** [View on Sched](https://kccncind2031.sched.com/event/1a/gardens)\n**Blog Post:** [Read on the Garden Blog](https://example.org/blog/gardens)\n\n" +
		"- **\"Hey Garden\": Making Pods Agent-Native**\n**Speakers:** [Cy Diaz](https://example.org/c) (Initech)\n" +
		"**Sched Link (Open Source Summit):** [View on Sched](https://ossindia2031.sched.com/event/2b/hey-garden)\n"
	got := described(t, doc, true)
	if want := "title-then-people: Gardens at Scale: Weeding 60% Idle GPUs | Ana Luz @ Acme | Bo Chan @ Acme"; strings.Join(got, "\n") != want {
		t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestHostedByInAQuote: a talk's line set as a quotation, "Title hosted by
// A | Review Slides | Watch Video", is a session with its host; a quoted
// abstract is not.
func TestHostedByInAQuote(t *testing.T) {
	doc := "# NATS at KubeCon EU 2031\n\nWe gave two talks.\n\n" +
		"> Weeding Intro hosted by Ana Luz | [Review Slides](https://example.org/a.pdf) | [Watch Video](https://www.youtube.com/watch?v=a)\n\n" +
		"> Gardens are hard, and we explained why by showing many clusters.\n"
	got := described(t, doc, false)
	if want := "title-by: Weeding Intro | Ana Luz @ "; strings.Join(got, "\n") != want {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestOwnerRightBeforeQuotedTitle: "Ana Luz's ['Title'](video) and the
// keynote of Bo Chan, ['Title 2'](video)" gives each title its owner.
func TestOwnerRightBeforeQuotedTitle(t *testing.T) {
	doc := "# KubeCon EU 2031 day 2\n\nThe keynotes were great. Ana Luz's ['Serverless, Not So Weedy'](https://www.youtube.com/watch?v=a1) was a favourite of ours.\n"
	got := described(t, doc, false)
	if want := "quoted-title: Serverless, Not So Weedy | Ana Luz @ "; strings.Join(got, "\n") != want {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestFrenchQuotedTitles: titles quoted in French prose with who gave them
// after "de" ("“Title” de A, Company ([vidéo](…)) et “Title 2” de B et C
// M. D, Company"): each title with its people; the sentence before the
// video link is no title.
func TestFrenchQuotedTitles(t *testing.T) {
	doc := "# KubeCon 2031 - Partie 2\n\nRetour sur KubeCon Europe 2031.\n\n" +
		"Nous avons pu suivre deux présentations à ce sujet : *\"Weeding-aware Scheduling in Gardens\"* de José Sant, Ghent University ([vidéo](https://www.youtube.com/watch?v=f1)) " +
		"et *\"Better Compost Management with eBPF\"* de Dani Bork et Chris M. Lucia, Isovalent ([vidéo](https://www.youtube.com/watch?v=f2)).\n"
	got := described(t, doc, false)
	want := "quoted-title: Weeding-aware Scheduling in Gardens | José Sant @ Ghent University\n" +
		"quoted-title: Better Compost Management with eBPF | Dani Bork @ Isovalent | Chris M. Lucia @ Isovalent"
	if strings.Join(got, "\n") != want {
		t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestBookTitleTalks: Chinese prose naming a talk in book-title brackets
// after a word saying it is one gives the talk its people and their
// companies before the verb; a book named in brackets is no talk.
func TestBookTitleTalks(t *testing.T) {
	doc := "# Volcano 在 KubeCon Europe 2031\n\n- 3月19日 14:05 - 14:30\n" +
		"维护者 Ana Luz（Acme）与 Bo Chan（Initech）将发表题为《利用网格实现高效的多集群花园管理》的演讲。\n\n" +
		"- 3月22日 11:55 - 12:30\n维护者 Cy Diaz 与 Di Eng（Acme）将发表题为《基于网格的批处理：最新进展》的演讲。\n\n推荐阅读《云原生花园入门指南》。\n"
	got := described(t, doc, false)
	want := "quoted-title: 利用网格实现高效的多集群花园管理 | Ana Luz @ Acme | Bo Chan @ Initech\n" +
		"quoted-title: 基于网格的批处理：最新进展 | Cy Diaz @ Acme | Di Eng @ Acme"
	if strings.Join(got, "\n") != want {
		t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestSessionLevelOverTemplateSubheadings: "### 感想" repeated under each
// "## Title" says the level above names the sessions; a Japanese line
// saying who gave the talk ("…さんによる…発表") makes its section a talk's.
func TestSessionLevelOverTemplateSubheadings(t *testing.T) {
	doc := "# KubeCon Japan 2031 参加記\n\n参加したセッションの感想を書く。\n\n" +
		"## Beyond Weeding: Building the Garden Docs Community\nAna Luzさん、Bo Chanさんによるドキュメント翻訳の取り組みを紹介した発表。\n\n### 感想\nとても良かった。\n\n" +
		"## From User to Contributor: A Quick Guide to Compost\nCy Diazさんによる発表。\n\n### 感想\n早速PRを送った。\n"
	if got := sessionsOf(t, doc); got != "Beyond Weeding: Building the Garden Docs Community|From User to Contributor: A Quick Guide to Compost" {
		t.Errorf("items = %q", got)
	}
}

// TestPeopleThenWhen: the line under a linked title that names its people
// and then, after bars, its day and time.
func TestPeopleThenWhen(t *testing.T) {
	doc := "# Cilium at KubeCon EU 2031\n\nCatch our talks:\n\n[**Invisible Hedges: Enabling Developer Velocity**](https://kccnceu2031.sched.com/event/2a/hedges)\n" +
		"*Jón Sig & Vig Haf, Asana | Wednesday, 25 March | 15:00 - 15:30*\n"
	got := described(t, doc, false)
	if len(got) != 1 || !strings.HasSuffix(got[0], "Invisible Hedges: Enabling Developer Velocity | Jón Sig @ Asana | Vig Haf @ Asana") {
		t.Errorf("items = %q", got)
	}
}

// described describes the items of a recap of the tests read with the
// test gazetteer, or only those that are not Weak.
func described(t *testing.T, doc string, strongOnly bool) []string {
	t.Helper()
	d := parseDoc(t, doc)
	d.Gazetteer = gaz{}
	var got []string
	for _, it := range d.Items() {
		if !strongOnly || !it.Weak {
			got = append(got, describe(it))
		}
	}
	return got
}

// TestTitleListingNoOtherEvent: a title that lists days, a project or the
// author beside the conference names no other event; its sections hold
// the conference's sessions.
func TestTitleListingNoOtherEvent(t *testing.T) {
	for _, title := range []string{"KubeCon Europe 2031, Day 1 and Day 2", "Istio, KubeCon and Me"} {
		doc := "---\ntitle: \"" + title + "\"\n---\n\n## Day 1\n\n#### Weeding Binaries at Scale - Ana Luz, Acme\n\nA good one.\n\n" +
			"## Istio\n\n#### Gardening Pods in Production - Bo Chan, Initech\n\nAlso good.\n"
		got := described(t, doc, true)
		if len(got) != 2 {
			t.Errorf("%s: items = %q, want both sessions", title, got)
		}
	}
}

// TestPlainTextSections: in a post copied as plain text, a line standing
// alone over a paragraph that names a session of its own is a section of
// the post, and who gave that session is read from "A and B … with their
// presentation on “Title”".
func TestPlainTextSections(t *testing.T) {
	doc := "Our KubeCon Takeaways\n\nThe show is over and here are my notes.\n\nStandards, Serverless, and Gardens\n\n" +
		"Friday was a heavy day. Ana Luz and Bo Chan from the Flux project wowed the crowd with their presentation and demo on \"Weeding Pods at Planet Scale.\"\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: Weeding Pods at Planet Scale | Ana Luz @  | Bo Chan @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestEventSectionWithDay: a section named after an event beside the
// conference and its day ("Cloud Native Rejekts, Sunday November 10") is
// no session, and the sessions under a day heading naming that event are
// that event's.
func TestEventSectionWithDay(t *testing.T) {
	doc := "# My KubeCon week\n\nI attended KubeCon and the events before it.\n\nCloud Native Rejekts, Sunday November 10\n\nRejekts is where rejected talks get a second chance; I gave a talk there.\n\n" +
		"## Tuesday, October 25 (GitOpsCon)\n\n- [Weeding Pods With Flux - Ana Luz, Acme](https://sched.co/x)\n\n## Wednesday (KubeCon)\n\n- [Pruning Charts - Bo Chan, Initech](https://sched.co/y)\n"
	got := described(t, doc, true)
	want := []string{"link-item: Pruning Charts | Bo Chan @ Initech"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestKoreanKeynoteInQuotes: in a Korean sentence about a keynote (기조
// 연설), the quoted title is the session and the name in Latin letters
// before the subject particle is who gave it.
func TestKoreanKeynoteInQuotes(t *testing.T) {
	doc := "# KubeCon 후기\n\n메시지를 강화한 것은 Ana Luz 가 훌륭한 기조 연설 인“ The Garden Journey @Acme ”에서였습니다.\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: The Garden Journey @Acme | Ana Luz @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestKeynoteLineOverDescription: "Opening keynote: Title" over a
// description opening with who gave it, their company and role between
// commas ("Ana Luz, CTO of Acme, spoke about …").
func TestKeynoteLineOverDescription(t *testing.T) {
	doc := "# Day 4 highlights\n\nHere is a look at the last day.\n\nOpening keynote: Ten Years of Gardens!\n\nAna Luz, CTO of Acme, kicked off the last day talking about the history of gardens.\n\n" +
		"Keynote: Weeds Are Not Guaranteed\n\nBo Chan, Initech, spoke about how far we have come.\n"
	got := described(t, doc, true)
	want := []string{"key-value: Ten Years of Gardens! | Ana Luz @ Acme", "key-value: Weeds Are Not Guaranteed | Bo Chan @ Initech"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestSpokeAtTheConference: "talk by A and B at KubeCon Berlin 2017" says
// where they spoke, not where they work.
func TestSpokeAtTheConference(t *testing.T) {
	doc := "Background\n\n* [Weeding Pods at Scale](https://www.youtube.com/watch?v=x), talk by Ana Luz and Bo Chan at KubeCon Berlin 2017\n"
	got := described(t, doc, true)
	want := []string{"link-item: Weeding Pods at Scale | Ana Luz @  | Bo Chan @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestAttendedEntryInProse: a schedule's entry written into a sentence
// after a verb of attending ("I went to Title - A, Acme; B, Initech.").
func TestAttendedEntryInProse(t *testing.T) {
	doc := "# My KubeCon\n\nThe morning was slow. I went to Weeding Pods: Awareness, And Shared Experience - Ana Luz, Acme Community; Bo Chan, Initech Cloud Services. It was one of those talks where every hand goes up.\n"
	got := described(t, doc, true)
	want := []string{"prose-title: Weeding Pods: Awareness, And Shared Experience | Ana Luz @ Acme Community | Bo Chan @ Initech Cloud Services"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestSessionLinksInSentenceCase: in a list, the text of a link to a
// session's page is its title in a language that writes titles in
// sentence case, and with its kind after a bar.
func TestSessionLinksInSentenceCase(t *testing.T) {
	doc := "# Unsere Vorträge\n\n### Dienstag, 19. März\n\n* [Nachhaltiges Gärtnern: Messung des Wasserverbrauchs von Pods mit Flux | Projekt Lightning Talk](https://sched.co/1aQWg)\n\n" +
		"* [Lightning Talk: Entlarvung von Mythen über grüne Gärten in der Cloud, Aufbau einer grüneren Landschaft](https://sched.co/1YeLF)\n\n* [Hier geht es zum Programm](https://sched.co/x)\n"
	got := described(t, doc, true)
	want := []string{"link-item: Nachhaltiges Gärtnern: Messung des Wasserverbrauchs von Pods mit Flux | Projekt Lightning Talk",
		"link-item: Lightning Talk: Entlarvung von Mythen über grüne Gärten in der Cloud, Aufbau einer grüneren Landschaft"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestLedByAndSpeaksOn: a project's "come see us" post names who leads a
// session after its linked title ("[Title](sched) session led by A and
// B"), right before it ("this session led by A and B [Title](sched)"), or
// says who will speak on it ("A will speak on [Title](sched)").
func TestLedByAndSpeaksOn(t *testing.T) {
	doc := "# We're headed to KubeCon\n\n- New to gardens? Check out the [Intro to Weeding](https://sched.co/a) session led by Ana Luz and Bo Chan on June 25th.\n" +
		"- For a deeper dive, Cy Diaz will speak on [Exploring Compost in Kubernetes](https://sched.co/b) on June 25th.\n" +
		"- And we kick off translating the docs with this session led by Dina Eng and Bo Chan [Translating Gardens: The Beginning](https://sched.co/c) on June 26th.\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: Intro to Weeding | Ana Luz @  | Bo Chan @ ",
		"quoted-title: Exploring Compost in Kubernetes | Cy Diaz @ ",
		"quoted-title: Translating Gardens: The Beginning | Dina Eng @  | Bo Chan @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestBoldTitleOverSessionAddress: a talk's own notes name it in bold
// over the address of its session's page.
func TestBoldTitleOverSessionAddress(t *testing.T) {
	doc := "# KubeCon Talk August 19th 2031\n**The Hidden Weeds in Kubernetes' API**\n\nhttps://kccnceu31.sched.com/event/Zeit\n\n## Hello KubeCon\n\nThis repo is just for the presentation.\n"
	got := described(t, doc, true)
	want := []string{"standalone-title: The Hidden Weeds in Kubernetes' API"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestJapaneseHonorificsAndChineseAnd: "Aさん、Bさんによる…" under a
// session's heading names who gave it; "A, Acme, 和 B, Initech" after a
// title joins two people with "and" in Chinese.
func TestJapaneseHonorificsAndChineseAnd(t *testing.T) {
	doc := "# KubeCon Japan 2031に参加した\n\n参加したセッションの感想を書いていく。\n\n## Beyond Weeding: The Journey of Building a Garden Community\nAoi Tanakaさん、Ren OkadaさんによるKubernetesドキュメントの取り組みを紹介した発表。\n\nhttps://kccncjp2031.sched.com/event/a\n\n### 感想\n\nよかった。\n\n" +
		"## From User to Gardener: A Quick Guide to Compost\nSIG CLIのメンテナであるYuki SatoさんとMia Bergさんによるセッション。\n\nhttps://kccncjp2031.sched.com/event/b\n\n### 感想\n\n面白かった。\n"
	got := described(t, doc, true)
	want := []string{"title-then-people: Beyond Weeding: The Journey of Building a Garden Community | Aoi Tanaka @  | Ren Okada @ ",
		"title-then-people: From User to Gardener: A Quick Guide to Compost | Yuki Sato @  | Mia Berg @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
	sp := people("Yuan Li, Acme, 和 Chen Bo, Initech Research", gaz{})
	if len(sp) != 2 || sp[0].Company != "Acme" || sp[1].Name != "Chen Bo" || sp[1].Company != "Initech Research" {
		t.Errorf("people = %+v, want Yuan Li of Acme and Chen Bo of Initech Research", sp)
	}
}

// TestPeopleThenWhenLine: under a linked title, a line of many people with
// their companies in full-width parentheses, joined by 、, then the
// session's day and time.
func TestPeopleThenWhenLine(t *testing.T) {
	doc := "# KubeCon のトーク\n\n- **[Keynote: Gardens for Good](https://sched.co/a)**（基調講演：Gardens for Good）<br>\n  Ana Luz（Acme Labs）、Bo Chan（United Gardens）、Cy Diaz（Red Cross Garden）、Dina Eng（Open Garden Network）<br> 11月12日（水）• 10:11 - 10:26\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: Gardens for Good | Ana Luz @ Acme Labs | Bo Chan @ United Gardens | Cy Diaz @ Red Cross Garden | Dina Eng @ Open Garden Network"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestVideoChaptersAreNoSessions: a recording's table of contents links
// each chapter at its start time; the chapters are no sessions.
func TestVideoChaptersAreNoSessions(t *testing.T) {
	doc := "# TGIK 103: Cilium\n\n## Table of Contents\n\n- [00:00:00 - Welcome to the Show!](https://youtu.be/abc)\n- [00:04:45 - Week in Review](https://youtu.be/abc?t=284)\n- [01:00:56 - Deploying and Using Hubble](https://youtu.be/abc?t=3656)\n\n## Week in Review\n\nThis week in gardens.\n"
	for _, it := range described(t, doc, false) {
		if strings.Contains(it, "00:") || strings.Contains(it, "01:") {
			t.Errorf("item %q is a chapter of the recording", it)
		}
	}
}

// TestTitledInSingleQuotes: "The session was titled 'Title'" names the
// session; "an extension created by A" in the next paragraph says who
// made the extension, not who gave the session.
func TestTitledInSingleQuotes(t *testing.T) {
	doc := "# Speaking at KubeCon Europe 2031\n\nMy second session was a breakout on Friday. The session was titled *'Failure is not an option: Durable Weeding + Flux = 🚀'* and covered compost.\n\n" +
		"For my session, I used DemoGarden again, an extension created by Elio Berg, to navigate my slides.\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: Failure is not an option: Durable Weeding + Flux = 🚀"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestNamesThenKindBeforeLink: show notes list a favourite session as its
// people and its kind before the linked title.
func TestNamesThenKindBeforeLink(t *testing.T) {
	doc := "# Episode 139: KubeCon recap\n\n#### Talks\n\n - Cheryl Ito Keynote: [Are Gardens Worth It? ](https://kccncna31.sched.com/event/a/keynote-are-gardens)\n- Ana Luz, Bo Chan and Cy Diaz Panel [Keynote: Weed-Honk AMA Panel: Hacking the Garden](https://kccncna31.sched.com/event/b)\n"
	got := described(t, doc, true)
	want := []string{"link-item: Are Gardens Worth It? | Cheryl Ito @ ", "link-item: Weed-Honk AMA Panel: Hacking the Garden | Ana Luz @  | Bo Chan @  | Cy Diaz @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestLinkThenPeopleFromCompanies: "[Title](sched) - A from Acme & B from
// Initech explore …": the people open the sentence about the session.
func TestLinkThenPeopleFromCompanies(t *testing.T) {
	doc := "# Platform Engineering at KubeCon: a recap\n\n### Day 1\n\n* [Simplified Inner and Outer Garden Loops](https://kccnceu2031.sched.com/event/a/simplified) - Oleg Berg from AtomicSeed & Alice Gibb from Diagrow explore tools to simplify the loop.\n"
	got := described(t, doc, true)
	want := []string{"link-item: Simplified Inner and Outer Garden Loops | Oleg Berg @ AtomicSeed | Alice Gibb @ Diagrow"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestListOfTalksWithDescriptions: a list the paragraph before it
// introduces as talks, each item "Title: what it was about" (the title may
// hold a colon of its own); bold topic labels are no titles.
func TestListOfTalksWithDescriptions(t *testing.T) {
	doc := "# My first KubeCon\n\nA highlight of the keynote talks I attended:\n\n- Landscape Gardening: The Pillars of Cloud Native Growth: About the strategies of the committee and some of its plans\n" +
		"- Seven Years of Running Kubernetes at Acme: About the experiences of the team as they moved to a self-service platform\n- PlatformOps: It’s all about Gardener Experience: Bo talks about what PlatformOps needs to focus on\n\n" +
		"Some topics I noted:\n\n- **Hybrid Cloud Gardens:** How Kubernetes bridges clouds for the whole team\n"
	got := described(t, doc, true)
	want := []string{"title-described: Landscape Gardening: The Pillars of Cloud Native Growth", "title-described: Seven Years of Running Kubernetes at Acme",
		"title-described: PlatformOps: It’s all about Gardener Experience"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestDayTimeLeadAndEventLabel: a link text opening with its day and time
// ("Thursday, April 3, 11:00 - 11:30 BST: Title") is the title after them;
// a title labelled with an event beside the conference ("Cloud Native
// Rejekts: Title") is that event's session.
func TestDayTimeLeadAndEventLabel(t *testing.T) {
	doc := "# Find us at KubeCon\n\n- [Thursday, April 3, 11:00 - 11:30 BST: Extending the Garden Model Beyond Workloads](https://sched.co/a) by Ana Luz\n" +
		"- [Cloud Native Rejekts: Achieving Garden Multi-Tenancy with Flux](https://cfp.example.org/b) by Bo Chan\n"
	got := described(t, doc, true)
	want := []string{"link-item: Extending the Garden Model Beyond Workloads | Ana Luz @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestChineseKeynoteAfterTitle: "Dan Luz 首先带来“ Title ”的主题演讲": the
// word for a keynote after the title, and the Latin name before it.
func TestChineseKeynoteAfterTitle(t *testing.T) {
	doc := "# KubeCon 峰会回顾\n\nCNCF 执行董事 Dan Luz 首先带来“ A Community of Gardeners ”的主题演讲。他提到，今天的创新正在发生。\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: A Community of Gardeners | Dan Luz @ "}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestPeopleAfterTheLinesLastDash: "**Nov 13, 3:25pm**: [Title](sched) at
// KubeCon -- A (Acme), B (Initech)": the people after the last dash.
func TestPeopleAfterTheLinesLastDash(t *testing.T) {
	doc := "# Find us at KubeCon\n\n- **Nov 13, 3:25pm**: [Deep Dive Into Generic Gardens and Flux](https://sched.co/a) at KubeCon + CloudNativeCon -- Ana Luz (Acme), Bo Chan (Initech)\n"
	got := described(t, doc, true)
	want := []string{"link-item: Deep Dive Into Generic Gardens and Flux | Ana Luz @ Acme | Bo Chan @ Initech"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}

// TestNamedSentenceCaseAndColocatedLead: a title a word names may be in
// sentence case ("titled 'Fewer clusters, more tenants: …'"); a list item
// naming an event beside the conference before its link ("- Day0 Platform
// Engineering Day [Title](…)") is that event's session.
func TestNamedSentenceCaseAndColocatedLead(t *testing.T) {
	doc := "# Our picks\n\nMy session was on Friday. The session was titled *'Fewer gardens, more tenants: Sharing soil safely with Flux'* and covered tenancy.\n\n" +
		"- Day0 Platform Engineering Day [Golden Paths That Gardeners Actually Walk](https://sched.co/a)\n"
	got := described(t, doc, true)
	want := []string{"quoted-title: Fewer gardens, more tenants: Sharing soil safely with Flux"}
	if !slices.Equal(got, want) {
		t.Errorf("items = %q, want %q", got, want)
	}
}
