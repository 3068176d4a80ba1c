// Package data embeds the facts about the world that the loaders read:
// the catalogue of open-source projects and the cities conferences are
// held in. The files are plain YAML so they can be reviewed and extended
// without touching code.
package data

import _ "embed"

// Projects is projects.yml: cloud-native and other open-source projects,
// with their aliases and CNCF facts.
//
//go:embed projects.yml
var Projects []byte

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
