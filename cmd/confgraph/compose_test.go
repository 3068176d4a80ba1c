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
		Build       any               `yaml:"build"`
		Command     []string          `yaml:"command"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck struct {
			Test []string `yaml:"test"`
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
		if s.Build == nil {
			t.Errorf("%s: not built from the Dockerfile", name)
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
	if !slices.Contains(srv.Ports, "8080:8080") || !slices.Contains(srv.Command, "0.0.0.0:8080") {
		t.Errorf("confgraph serves on %v with ports %v, want 0.0.0.0:8080 published as 8080", srv.Command, srv.Ports)
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
