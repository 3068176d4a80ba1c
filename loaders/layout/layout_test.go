package layout

import (
	"slices"
	"strings"
	"testing"
)

func kinds(d *Doc) string {
	var out []string
	for _, b := range d.Blocks {
		s := b.Kind.String()
		if b.Key != "" {
			s += "(" + b.Key + ")"
		}
		if b.Header != nil {
			s += "[" + strings.Join(b.Header, ",") + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in            string
		title, date, blocks string
	}{
		{"YAMLFrontMatter", "---\ntitle: \"Notes from Chicago\"\ndate: 2023-11-12\n---\n\n## Day 1\n\nWe arrived.\n",
			"Notes from Chicago", "2023-11-12", "heading; paragraph"},
		{"TOMLFrontMatter", "+++\ntitle = \"Paris\"\ndate = 2024-03-28T18:40:00+01:00\n+++\n\nText here.\n",
			"Paris", "2024-03-28", "paragraph"},
		{"SiteHeaderThenTitle", "Packets & Pods\nnotes from an engineer\n\nHome | Archive | About\n\nKubeCon Barcelona, part 1\n\nPosted on 22 May 2019 by Greta L · 6 min read\n\nBody text.\n",
			"KubeCon Barcelona, part 1", "2019-05-22", "paragraph; paragraph; furniture; paragraph; furniture; paragraph"},
		{"MarkdownTable", "# Talks\n\n| Title | Speaker(s) |\n|---|---|\n| Kueue at Scale | Ana Luz, Google |\n",
			"Talks", "", "heading; furniture; table row[Title,Speaker(s)]"},
		{"CSV", "date,title,speakers\n2024-08-21,Volcano Basics,\"Wen Li, Huawei\"\n2024-08-22,Karmada Day,\"Ana Luz, Google\"\n",
			"2024-08-21 | Volcano Basics | Wen Li, Huawei", "2024-08-21", "furniture; table row[date,title,speakers]; table row[date,title,speakers]"},
		{"Furniture", "Title line\n\nShare: Twitter | LinkedIn | Email\n\n#kubernetes #kubecon\n\nPhoto by Jo Doe\n\nA stage (Bild: Acme)\n\n![alt](x.png)\n\nReal text.\n",
			"Title line", "", "paragraph; furniture; furniture; furniture; furniture; paragraph"},
		{"KeyValueAndList", "T\n\nSession Title: Quotas That Don't Lie\nSpeakers: Ana Luz, Google\n\n- Title: Durable Workflows\n1. Second item\n",
			"T", "", "paragraph; key-value(Session Title); key-value(Speakers); list item(Title); list item"},
		{"TableWithoutEdgePipes", "# Schedule\n\nTime | Room | Topic | Speaker\n---|---|---|---\n9:00 | Hall A | [Quotas That Don't Lie](https://sched.co/x) | Ana Luz, Acme\n",
			"Schedule", "", "heading; furniture; table row[Time,Room,Topic,Speaker]"},
		{"NamesWrappedAfterComma", "T\n\n- **[Quotas That Don't Lie](https://sched.co/x)**<br>\n  by Ana Luz, Acme; Bo Chan,\n  Initech; Cy Diaz, Globex<br> Tuesday, May 2\n",
			"T", "", "paragraph; list item; paragraph"},
		{"LinkTextOverThreeLines", "T\n\n- Notes: [Running Ten Thousand\n  Clusters Without Tears - Ana Luz,\n  Acme](https://youtu.be/x)\n",
			"T", "", "paragraph; list item(Notes)"},
		{"ProseWithCommasIsNoCSV", "T\n\n1. [Welcome](https://youtu.be/a): Ana Luz, CTO of Acme, opened, and spoke.\n2. [Journey](https://youtu.be/b): Bo Chan, Cy Diaz, and Di Fox talked, at length.\n3. [Evolution](https://youtu.be/c): Ed Fox, Fay Gu, and others shared, in turn.\n",
			"T", "", "paragraph; list item(Welcome); list item(Journey); list item(Evolution)"},
		{"TableRowsUnderAGroupRow", "# Day 2\n\nTime | Topic | Presenter\n---|---|---\n10:00 | Lightning talks\n-- | _Gardens on Kubernetes_ | Ana Luz\n-- | _Weeding Pods_ | Bo Chan\n",
			"Day 2", "", "heading; furniture; table row[Time,Topic,Presenter]; table row[Time,Topic,Presenter]; table row[Time,Topic,Presenter]"},
		{"DelimiterRowWithASpace", "# Booth\n\nWhen | Topic | Presenter\n------|----|--- ----\n-- | _Weeding Pods_ | Bo Chan\n",
			"Booth", "", "heading; furniture; table row[When,Topic,Presenter]"},
		{"SessionPeopleAndTimeAreNoByline", "# Talks\n\n**[Quotas Today](https://sched.co/q)**\nby Ana Luz, Acme; Bo Chan, Initech; Cy\nDiaz, Globex Thursday October 27, 2022 5:25pm - 6:00pm EDT\n",
			"Talks", "2022-10-27", "heading; paragraph; paragraph"},
		{"BylineStaysFurniture", "# Notes\n\nBy Dee Fox · July 8, 2019\n\nText.\n",
			"Notes", "2019-07-08", "heading; furniture; paragraph"},
		{"SetextHeadingAndRule", "Post\n\nDay One\n-------\n\nSome text that is a sentence.\n\n---\n\nMore.\n",
			"Post", "", "paragraph; heading; paragraph; paragraph"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("t.md", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title {
				t.Errorf("title = %q, want %q", d.Title, tc.title)
			}
			if got := d.DateNearTop(15); got != tc.date {
				t.Errorf("date = %q, want %q", got, tc.date)
			}
			if got := kinds(d); got != tc.blocks {
				t.Errorf("blocks = %s\nwant     %s", got, tc.blocks)
			}
		})
	}
}

func TestLinksAndText(t *testing.T) {
	d, err := Parse("t.md", []byte("- [**Deep Dive: Jaeger** – Steve F, Omnition](https://sched.co/x) (Wed)\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := d.Blocks[0]
	if b.Text != "Deep Dive: Jaeger – Steve F, Omnition (Wed)" || len(b.Links) != 1 || b.Links[0].URL != "https://sched.co/x" {
		t.Errorf("block = %+v", b)
	}
}

// TestLinkWithSpace: "[Title] (https://…)" is the link its writer meant;
// "[note] (see below)" is not a link.
func TestLinkWithSpace(t *testing.T) {
	d, err := Parse("t.md", []byte("Fav: [A Guide to Speaking] (https://youtu.be/x)with Lea. A [note] (see below).\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := d.Blocks[0]
	if len(b.Links) != 1 || b.Links[0].Text != "A Guide to Speaking" || b.Links[0].URL != "https://youtu.be/x" || !strings.Contains(b.Text, "[note] (see below)") {
		t.Errorf("block = %+v", b)
	}
}

// TestLinkShapes: a bracketed part inside a link's text, parentheses in its
// address, and a picture that links to a video.
func TestLinkShapes(t *testing.T) {
	tests := []struct{ in, text, linkText, url string }{
		{"- [Panel: Quotas Today [B] - Moderated by Ana Luz, Acme](https://sched.co/q)", "Panel: Quotas Today [B] - Moderated by Ana Luz, Acme", "Panel: Quotas Today [B] - Moderated by Ana Luz, Acme", "https://sched.co/q"},
		{"* [Weeding Pods](https://example.org/decks/Weeding%20Pods%20(Beginner%20Level).pdf)", "Weeding Pods", "Weeding Pods", "https://example.org/decks/Weeding%20Pods%20(Beginner%20Level).pdf"},
		{"[![Ana Luz on stage](https://img.example.org/a.jpg)](https://youtu.be/x \"Quotas Today\")", "Ana Luz on stage", "", "https://youtu.be/x"},
		{"- [Bo Chan]([bchan](https://example.org/bchan) - [Gardens](https://sched.co/g)", "", "Bo Chan", "[bchan](https://example.org/bchan"},
		// A file's address written with spaces is still the link's.
		{"- [Diapositivas](presentaciones/Keynote_ Weeding Pods - Ana Luz, CTO, Acme 2017.pdf)", "Diapositivas", "Diapositivas", "presentaciones/Keynote_ Weeding Pods - Ana Luz, CTO, Acme 2017.pdf"},
	}
	for _, tc := range tests {
		d, err := Parse("t.md", []byte(tc.in+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		b := d.Blocks[0]
		if tc.text != "" && b.Text != tc.text || len(b.Links) == 0 || b.Links[0].Text != tc.linkText || b.Links[0].URL != tc.url {
			t.Errorf("%q: block = %q %+v", tc.in, b.Text, b.Links)
		}
	}
}

// TestVideoShortcode: an embedded recording with a title reads as a link to
// it; one without a title is furniture.
func TestVideoShortcode(t *testing.T) {
	d, err := Parse("t.md", []byte("T\n\n{{< youtube id=\"abc123\" title=\"Weeding Pods - Ana Luz &amp; Bo Chan\" >}}\n\n{{< youtube abc124 >}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(d); got != "paragraph; paragraph; furniture" {
		t.Fatalf("blocks = %s", got)
	}
	b := d.Blocks[1]
	if b.Text != "Weeding Pods - Ana Luz & Bo Chan" || len(b.Links) != 1 || b.Links[0].URL != "https://www.youtube.com/watch?v=abc123" || b.Links[0].Text != b.Text {
		t.Errorf("block = %q %+v", b.Text, b.Links)
	}
}

func TestNotUTF8(t *testing.T) {
	if _, err := Parse("bad.txt", []byte("ok\n\xff\xfe\n")); err == nil || !strings.Contains(err.Error(), "bad.txt:2") {
		t.Errorf("err = %v, want one naming bad.txt:2", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\n# A\n| a | b |\n|---|---|\n| c | d |\n", "+++\n", "a,b,c\n1,2,3\n4,5,6\n", "- [x](y)\n> q\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse("f.txt", b)
		if err != nil {
			return
		}
		for _, bl := range d.Blocks {
			if bl.Line < 1 || bl.Line > len(d.Lines) {
				t.Fatalf("block line %d outside 1..%d", bl.Line, len(d.Lines))
			}
		}
	})
}

// TestStandalone: short lines with blank lines around them, or between
// lines of running text in pages without blank lines, are headings; the
// last line of a paragraph is not.
func TestStandalone(t *testing.T) {
	in := "Post\n\nSessions\n\nQuotas: The First Hundred Days\nIlse de Groot, Acme & Omar Farouk, Initech\n\n" +
		"The follow-up to the keynote, for those of us who wanted to see the actual resources in a cluster.\n" +
		"Storage That Moves\n" +
		"This talk compared three ways of moving stateful workloads between clusters and regions.\n"
	d, err := Parse("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Sessions": true, "Ilse de Groot, Acme & Omar Farouk, Initech": false, "Storage That Moves": true}
	for _, b := range d.Blocks {
		if w, ok := want[b.Text]; ok && b.Standalone != w {
			t.Errorf("%q: standalone = %v, want %v", b.Text, b.Standalone, w)
		}
	}
}

func TestJoinedLines(t *testing.T) {
	d, err := Parse("t.md", []byte("T\n\n- **[Quotas](https://sched.co/x)**<br>\n  by Ana Luz, Acme; Bo Chan,\n  Initech<br>Tuesday, May 2\n\nCity | Room\n---|---\nOslo | B\n"))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text)
	}
	want := "T / Quotas / by Ana Luz, Acme; Bo Chan, Initech Tuesday, May 2 / City | Room / Oslo | B"
	if got := strings.Join(texts, " / "); got != want {
		t.Errorf("blocks:\n got %s\nwant %s", got, want)
	}
}

func TestAttributionWrappedInsideAName(t *testing.T) {
	d, err := Parse("t.md", []byte("T\n\n- **[Quotas](https://sched.co/x)**<br>\n  by Ana Luz, Acme; Bo Chan, Initech; Daniel\n  Dyla, Globex<br> Wednesday, May 3\n\nWe met Daniel\nDyla there.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text)
	}
	want := "T / Quotas / by Ana Luz, Acme; Bo Chan, Initech; Daniel Dyla, Globex Wednesday, May 3 / We met Daniel / Dyla there."
	if got := strings.Join(texts, " / "); got != want {
		t.Errorf("blocks:\n got %s\nwant %s", got, want)
	}
}

func TestLinkOverThreeLines(t *testing.T) {
	d, err := Parse("t.md", []byte("T\n\n- Notes: [Running Ten Thousand\n  Clusters Without Tears - Ana Luz,\n  Acme](https://youtu.be/x)\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := d.Blocks[len(d.Blocks)-1]
	if len(b.Links) != 1 || b.Links[0].Text != "Running Ten Thousand Clusters Without Tears - Ana Luz, Acme" {
		t.Errorf("links = %+v", b.Links)
	}
}

// TestTaskListItems: a task list's boxes are no part of its items.
func TestTaskListItems(t *testing.T) {
	d, err := Parse("t.md", []byte("Notes\n\n- [ ] [Caching at Scale](https://example.org/a)\n  - [x] try it at work\n- [ ] [ ] nested box\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		if b.Kind == ListItem {
			got = append(got, b.Text)
		}
	}
	if strings.Join(got, "|") != "Caching at Scale|try it at work|nested box" {
		t.Errorf("items = %q", got)
	}
}

// TestReferenceLinks: "[Title][4]" with "[4]: url" on a line of its own is
// a link of its block, read as its text; "[Title][]" takes its own text as
// the reference; the definitions are furniture; an undefined reference
// stays as printed.
func TestReferenceLinks(t *testing.T) {
	d, err := Parse("t.md", []byte("Our talks:\n\n- [Weeding Pods][4] led by Ana Luz, [Acme][8]\n- [Gardens][] and [nothing][9]\n\n[4]: https://sched.co/weeding\n[8]: https://acme.example.org/\n[gardens]: https://www.youtube.com/watch?v=g\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := d.Blocks[1]
	if b.Text != "Weeding Pods led by Ana Luz, Acme" || len(b.Links) != 2 || b.Links[0].URL != "https://sched.co/weeding" || b.Links[1].Text != "Acme" {
		t.Errorf("block = %q %+v", b.Text, b.Links)
	}
	b = d.Blocks[2]
	if b.Text != "Gardens and [nothing][9]" || len(b.Links) != 1 || b.Links[0].URL != "https://www.youtube.com/watch?v=g" {
		t.Errorf("block = %q %+v", b.Text, b.Links)
	}
	if got := kinds(d); !strings.HasSuffix(got, "furniture; furniture; furniture") {
		t.Errorf("blocks = %s, want the definitions as furniture", got)
	}
}

// TestFootnotesAreFurniture: a footnote's text ("[^1]: …") is the page's
// apparatus, not a line of the post.
func TestFootnotesAreFurniture(t *testing.T) {
	d, err := Parse("t.md", []byte("A post[^1].\n\n[^1]: Special Interest Group, a team per area.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(d); got != "paragraph; furniture" {
		t.Errorf("blocks = %s", got)
	}
}

// TestPermalinkMark: the anchor sign a page copied as text leaves at the
// end of a heading is no part of it; a language's name ending in one
// ("C#") is kept.
func TestPermalinkMark(t *testing.T) {
	in := "Badge Pick-Up#\n\n## Keynote: Gardens at Scale¶\n\nWriting operators in C#\n\n- Weeding Pods With F#\n"
	d, err := Parse("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"Badge Pick-Up", "Keynote: Gardens at Scale", "Writing operators in C#", "Weeding Pods With F#"}
	if !slices.Equal(got, want) {
		t.Errorf("texts = %q, want %q", got, want)
	}
}

// TestRSTLink: a reStructuredText link (`Text <url>`_) reads as a link
// with its text.
func TestRSTLink(t *testing.T) {
	d, err := Parse("t.rst", []byte("Background\n\n* `Weeding Pods at Scale <https://www.youtube.com/watch?v=x>`__, talk by Ana Luz\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := d.Blocks[len(d.Blocks)-1]
	if b.Text != "Weeding Pods at Scale, talk by Ana Luz" || len(b.Links) != 1 || b.Links[0].Text != "Weeding Pods at Scale" || b.Links[0].URL != "https://www.youtube.com/watch?v=x" {
		t.Errorf("block = %q, links %+v", b.Text, b.Links)
	}
}
