package data

import "testing"

func TestCompanies(t *testing.T) {
	c, err := ReadCompanies()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.LegalSuffixes) == 0 || len(c.NotCompanies) == 0 || len(c.Organizations) == 0 {
		t.Errorf("companies.yml read with an empty list: %+v", c)
	}
	if got := LegalSuffixes(); len(got) != len(c.LegalSuffixes) {
		t.Errorf("LegalSuffixes() has %d forms, companies.yml %d", len(got), len(c.LegalSuffixes))
	}
}
