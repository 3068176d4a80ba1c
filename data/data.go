// Package data embeds the facts about the world that the loaders read:
// the catalogue of open-source projects and the cities conferences are
// held in. The files are plain YAML so they can be reviewed and extended
// without touching code.
package data

import (
	_ "embed"
	"fmt"

	"gopkg.in/yaml.v3"
)

// Projects is projects.yml: cloud-native and other open-source projects,
// with their aliases and CNCF facts.
//
//go:embed projects.yml
var Projects []byte

// EcosystemProjects is ecosystem_projects.yml: projects the landscape has
// no item for, curated like projects.yml and read with it by the loaders.
//
//go:embed ecosystem_projects.yml
var EcosystemProjects []byte

// Cities is cities.yml: cities that host conferences, with their country
// and the region conference names use.
//
//go:embed cities.yml
var Cities []byte

// Companies is companies.yml: legal suffixes and the words printed in
// place of a company that are not companies.
//
//go:embed companies.yml
var Companies []byte

// CompanyFacts is companies.yml read.
type CompanyFacts struct {
	// LegalSuffixes are the legal forms that end companies' names
	// ("Inc.", "GmbH").
	LegalSuffixes []string `yaml:"legal_suffixes"`
	// NotCompanies are the words printed where a company would be that
	// name none ("Independent").
	NotCompanies []string `yaml:"not_companies"`
	// Organizations are organisations speakers name besides the
	// landscape's (organizations.yml).
	Organizations []string `yaml:"organizations"`
}

// ReadCompanies reads companies.yml.
func ReadCompanies() (CompanyFacts, error) {
	var c CompanyFacts
	if err := yaml.Unmarshal(Companies, &c); err != nil {
		return CompanyFacts{}, fmt.Errorf("data: companies.yml: %w", err)
	}
	return c, nil
}

// LegalSuffixes returns companies.yml's legal forms, for the parsers that
// need them before any data is read. The file is embedded, so one that
// does not parse is a defect of the build, which TestCompanies finds:
// LegalSuffixes panics on it.
func LegalSuffixes() []string {
	c, err := ReadCompanies()
	if err != nil {
		panic(err)
	}
	return c.LegalSuffixes
}

// LandscapeProjects is landscape_projects.yml: the open-source projects of
// the CNCF landscape that projects.yml does not curate, derived by
// `go run ./data/derive`.
//
//go:embed landscape_projects.yml
var LandscapeProjects []byte

// Organizations is organizations.yml: organisation names derived from the
// CNCF landscape, for telling a company from a person.
//
//go:embed organizations.yml
var Organizations []byte

// OrganizationNames returns the names in organizations.yml.
func OrganizationNames() ([]string, error) {
	var doc struct {
		Organizations []string `yaml:"organizations"`
	}
	if err := yaml.Unmarshal(Organizations, &doc); err != nil {
		return nil, fmt.Errorf("data: organizations.yml: %w", err)
	}
	return doc.Organizations, nil
}
