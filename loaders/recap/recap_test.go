package recap

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, text               string
		title, published, author string
		titleLine, firstBodyLine int
	}{
		{"FrontMatter", "---\ntitle: \"Tide Pools at KubeCon Valencia 2031\"\ndate: 2031-06-09\nauthor: Ines Ward\n---\n\nBody starts here.\n",
			"Tide Pools at KubeCon Valencia 2031", "2031-06-09", "Ines Ward", 2, 6},
		{"TitleLine", "The 2031 KubeCon in Valencia, Spain\n\nChange history:\n2031-06-12 First release\n",
			"The 2031 KubeCon in Valencia, Spain", "2031-06-12", "", 1, 1},
		{"MarkdownHeading", "# KubeCon notes\n\ntext\n", "KubeCon notes", "", "", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("r.md", strings.NewReader(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Published != tt.published || d.Author != tt.author || d.TitleLine != tt.titleLine {
				t.Errorf("got %q %q %q line %d, want %q %q %q line %d", d.Title, d.Published, d.Author, d.TitleLine, tt.title, tt.published, tt.author, tt.titleLine)
			}
			if d.Lines[0].No != tt.firstBodyLine {
				t.Errorf("body starts at line %d, want %d", d.Lines[0].No, tt.firstBodyLine)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse("blank.md", strings.NewReader("\n \n")); err == nil || !strings.Contains(err.Error(), "blank.md") {
		t.Errorf("blank document: err = %v, want one naming blank.md", err)
	}
	if _, err := Parse("bad.md", strings.NewReader("ok\n\xff\xfe\n")); err == nil || !strings.Contains(err.Error(), "bad.md:2") {
		t.Errorf("invalid UTF-8: err = %v, want one naming bad.md:2", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("---\ntitle: x\ndate: 2020-01-01\n---\nKubeCon 2020\n")
	f.Add("KubeCon 2017 Austin\n\n### Talk - A, B\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse("fuzz.md", strings.NewReader(s))
		if err == nil && d.Title == "" {
			t.Fatal("no error but no title")
		}
	})
}
