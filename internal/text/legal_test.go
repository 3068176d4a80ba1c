package text

import "testing"

// forms is a few of data/companies.yml's forms, as that file spells them.
var forms = NewLegalForms([]string{"Inc.", "Corp", "LLC", "GmbH", "S.A.", "B.V.", "Pty", "Ltd"})

func TestLegalFormsIs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Inc.", true}, {"inc", true}, {"INC", true}, {" Inc. ", true},
		{"SA", true}, {"s.a.", true}, {"BV", true}, {"L.L.C.", true}, {"gmbh", true},
		{"Incorporated", false}, {"Acme", false}, {"", false}, {".", false},
	} {
		if got := forms.Is(c.in); got != c.want {
			t.Errorf("Is(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestLegalFormsTrim(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Acme, Inc.", "Acme"},
		{"Acme Inc", "Acme"},
		{"Acme,Inc.", "Acme"},
		{"Acme Pty Ltd", "Acme"},
		{"Société Générale S.A.", "Société Générale"},
		{"Red Hat", "Red Hat"},
		{"Inc.", "Inc."},                 // one word is kept
		{"Inc Magazine", "Inc Magazine"}, // a form only ends a name
		{"Ltd Acme Corp", "Ltd Acme"},
		{"株式会社 Acme LLC", "株式会社 Acme"},
		{"", ""},
	} {
		if got := forms.Trim(c.in); got != c.want {
			t.Errorf("Trim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
