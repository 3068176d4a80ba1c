package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// No Docker engine runs here, so these tests check that docker-compose.yml
// and the Dockerfile agree with what the binary reads: its subcommands,
// flags, environment variables and port.

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		PullPolicy  string            `yaml:"pull_policy"`
		Entrypoint  []string          `yaml:"entrypoint"`
		Volumes     []string          `yaml:"volumes"`
		Build       any               `yaml:"build"`
		Command     []string          `yaml:"command"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck struct {
			Test        []string `yaml:"test"`
			StartPeriod string   `yaml:"start_period"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
}

// envRead lists the variables the program reads.
func envRead(t *testing.T) []string {
	t.Helper()
	var read []string
	getenv := func(k string) string { read = append(read, k); return "" }
	for _, cmd := range []string{"serve", "load", "export"} {
		p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: getenv}
		_ = p.Main(context.Background(), []string{cmd, "-h"})
	}
	return read
}

func TestComposeMatchesTheBinary(t *testing.T) {
	b, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml does not parse: %v", err)
	}
	neo, ok := c.Services["neo4j"]
	if !ok || !strings.HasPrefix(neo.Image, "neo4j:5.26") || !strings.Contains(neo.Image, "community") {
		t.Errorf("neo4j service image = %q, want neo4j:5.26 community", neo.Image)
	}
	if !slices.Contains(neo.Ports, "127.0.0.1:7687:7687") {
		t.Errorf("neo4j ports = %v, want Bolt on 127.0.0.1:7687", neo.Ports)
	}
	known := envRead(t)
	for _, name := range []string{"load", "confgraph"} {
		s, ok := c.Services[name]
		if !ok {
			t.Fatalf("no %s service", name)
		}
		if s.Image != "confgraph:local" {
			t.Errorf("%s: image %q, want the one image built from the Dockerfile, confgraph:local", name, s.Image)
		}
		for k, v := range s.Environment {
			if !slices.Contains(known, k) {
				t.Errorf("%s sets %s, which confgraph never reads", name, k)
			}
			if k == "NEO4J_URI" && v != "bolt://neo4j:7687" {
				t.Errorf("%s: NEO4J_URI = %q, want the neo4j service's Bolt port", name, v)
			}
		}
		// The command's flags are the binary's: parsing them with -h must
		// stop at help, not at an unknown flag.
		p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
		err := p.Main(context.Background(), append(slices.Clone(s.Command), "-h"))
		if !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s: command %q is not one the binary accepts: %v", name, s.Command, err)
		}
	}
	srv := c.Services["confgraph"]
	// The image is built once: by load, which runs first; confgraph
	// reuses it and never pulls a confgraph:local from a registry.
	if c.Services["load"].Build == nil || srv.Build != nil || srv.PullPolicy != "never" {
		t.Errorf("build: load %v, confgraph %v (pull_policy %q); want the image built once, by load", c.Services["load"].Build, srv.Build, srv.PullPolicy)
	}
	// Published on loopback only, like Neo4j.
	if !slices.Contains(srv.Ports, "127.0.0.1:8080:8080") || !slices.Contains(srv.Command, "0.0.0.0:8080") || slices.Contains(srv.Ports, "8080:8080") {
		t.Errorf("confgraph serves on %v with ports %v, want 0.0.0.0:8080 in the container published on 127.0.0.1:8080", srv.Command, srv.Ports)
	}
	for _, name := range []string{"neo4j", "confgraph"} {
		if c.Services[name].Healthcheck.StartPeriod == "" {
			t.Errorf("%s: the health check has no start period", name)
		}
	}
	// Neo4j's password follows NEO4J_PASSWORD after the volume is made:
	// the entrypoint wrapper is mounted and changes it.
	script := "./scripts/compose-neo4j.sh:/confgraph/compose-neo4j.sh:ro"
	if !slices.Contains(neo.Volumes, script) || !slices.Equal(neo.Entrypoint, []string{"/bin/bash", "/confgraph/compose-neo4j.sh"}) {
		t.Errorf("neo4j: entrypoint %v, volumes %v; want scripts/compose-neo4j.sh mounted and run", neo.Entrypoint, neo.Volumes)
	}
	if b, err := os.ReadFile("../../scripts/compose-neo4j.sh"); err != nil || !strings.Contains(string(b), "ALTER CURRENT USER SET PASSWORD") ||
		!strings.Contains(string(b), "/startup/docker-entrypoint.sh neo4j") {
		t.Errorf("scripts/compose-neo4j.sh does not start Neo4j and change its password (%v)", err)
	}
	if srv.Environment["CONFGRAPH_STORE"] != "neo4j" {
		t.Errorf("confgraph service does not serve from Neo4j")
	}
	if srv.DependsOn["load"].Condition != "service_completed_successfully" || c.Services["load"].DependsOn["neo4j"].Condition != "service_healthy" {
		t.Errorf("the load must run once Neo4j is healthy, and serving must wait for it")
	}
	if srv.Healthcheck.Test[1] != "/confgraph" || srv.Healthcheck.Test[2] != "health" {
		t.Errorf("confgraph health check = %v, want the binary's health command", srv.Healthcheck.Test)
	}
}

// TestDockerignore: the build context leaves out what is large and not
// source: test runs' files, npm packages, GraphiQL's downloaded copy.
func TestDockerignore(t *testing.T) {
	b, err := os.ReadFile("../../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for _, want := range []string{".git", "artifacts", "tools/playground", "**/node_modules", "tools/neo4j/target", "tools/neo4j/run"} {
		if !slices.Contains(lines, want) {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
}

func TestDockerfileIsMultiStage(t *testing.T) {
	b, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	from := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(string(b), -1)
	if len(from) < 2 || !strings.HasPrefix(from[0][1], "golang:1.26") || !strings.Contains(from[len(from)-1][1], "distroless/static") {
		t.Errorf("stages = %v, want a golang:1.26 build stage and a distroless static final image", from)
	}
	for _, want := range []string{"CGO_ENABLED=0", "./cmd/confgraph", "ENTRYPOINT [\"/confgraph\"]", "EXPOSE 8080"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Dockerfile lacks %s", want)
		}
	}
}
