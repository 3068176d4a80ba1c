package text

import "strings"

// LegalForms are the legal forms that end companies' names ("Inc.",
// "GmbH", "S.A."), compared without case or dots: "INC", "Inc." and "inc"
// are one form, and so are "S.A." and "SA". The forms themselves are
// data (data/companies.yml), given to NewLegalForms.
type LegalForms struct{ forms map[string]bool }

// NewLegalForms makes the set of the given forms.
func NewLegalForms(forms []string) LegalForms {
	f := LegalForms{forms: make(map[string]bool, len(forms))}
	for _, s := range forms {
		f.forms[legalKey(s)] = true
	}
	return f
}

// Is reports whether word is one of the forms.
func (f LegalForms) Is(word string) bool { return f.forms[legalKey(word)] }

func legalKey(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), ".", ""))
}

// Trim drops the forms that end a company's name, with the commas before
// them: "Acme, Inc.", "Acme Ltd." and "Acme Pty Ltd" are "Acme". A name of
// one word is kept, form or not.
func (f LegalForms) Trim(name string) string {
	for {
		ws := strings.Fields(strings.ReplaceAll(name, ",", " , "))
		if len(ws) < 2 || !f.Is(ws[len(ws)-1]) {
			return name
		}
		name = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(name[:strings.LastIndex(name, ws[len(ws)-1])]), ","))
	}
}
