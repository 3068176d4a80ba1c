// Command resolvergen runs gqlgen with its resolver scaffolding replaced:
// the resolvers whose body follows from the domain's schema table
// (confgraph.Graph and confgraph.Rankings) are generated into the
// resolver file gqlgen.yml names, and every other resolver is left to be
// written by hand in the same package. `make generate` runs it.
//
// gqlgen's own scaffolding writes a stub for each resolver and copies
// bodies through; here a resolver either follows from the table, and is
// written on every run, or is written by hand, and generation fails for a
// field that is neither, so no stub is ever written and a generated
// resolver cannot drift from the table.
package main

import (
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"

	"github.com/confgraph/confgraph/internal/confgraph"
)

func main() {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		fmt.Fprintln(os.Stderr, "resolvergen:", err)
		os.Exit(1)
	}
	p := &plugin{schema: confgraph.Graph, rankings: confgraph.Rankings}
	// Generate's errors from this plugin already start "resolvergen: ".
	if err := api.Generate(cfg, api.ReplacePlugin(p)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
