package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

const corpus = "../../../shared/corpus"

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// boot runs `confgraph serve` in-process on a free port with the given
// extra arguments and returns its base URL and what it writes to stderr.
// The server stops when the test ends.
func boot(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	return bootEnv(t, nil, args...)
}

// bootEnv is boot with environment variables.
func bootEnv(t *testing.T, env map[string]string, args ...string) (string, *syncBuffer) {
	t.Helper()
	stderr := &syncBuffer{}
	return bootTo(t, env, stderr, args...), stderr
}

// bootTo is bootEnv writing the server's log to stderr.
func bootTo(t *testing.T, env map[string]string, stderr io.Writer, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	p := &Program{Stdout: io.Discard, Stderr: stderr, Getenv: func(k string) string { return env[k] }, Ready: func(a string) { ready <- a }}
	args = append([]string{"serve", "--corpus", corpus, "--addr", "127.0.0.1:0"}, args...)
	go func() { done <- p.Main(ctx, args) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve returned %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("serve stopped before listening: %v\n%s", err, stderr)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start within 30s")
	}
	return ""
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func query(t *testing.T, base, q string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	return out
}

func TestServeAnswersQueries(t *testing.T) {
	base, _ := boot(t)
	checkQueries(t, base)
}

// checkQueries asks what a user of the corpus would ask; every store must
// answer the same.
func checkQueries(t *testing.T, base string) {
	t.Run("ReadmeCookbook", func(t *testing.T) { checkReadme(t, base) })
	t.Run("Hostile", func(t *testing.T) { checkHostile(t, base) })
	t.Run("Frontend", func(t *testing.T) { checkFrontend(t, base) })

	t.Run("TalkSpeakersAndCompanies", func(t *testing.T) {
		r := query(t, base, `{ talks(where: { event: { city: { eq: "Austin" } } }, limit: 100, offset: 100) { title kind level durationMinutes event { name city } speakers { name companies { name } } projects { name } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		var data struct {
			Talks []struct {
				Title           string
				Kind            string
				Level           *string
				DurationMinutes *int
				Event           struct{ Name, City string }
				Speakers        []struct {
					Name      string
					Companies []struct{ Name string }
				}
				Projects []struct{ Name string }
			}
		}
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, tk := range data.Talks {
			if tk.Title != "The Mechanics of Deploying Envoy at Lyft" {
				continue
			}
			found = true
			if len(tk.Speakers) != 1 || tk.Speakers[0].Name != "Matt Klein" || len(tk.Speakers[0].Companies) != 1 || tk.Speakers[0].Companies[0].Name != "Lyft" {
				t.Errorf("speakers = %+v, want Matt Klein of Lyft", tk.Speakers)
			}
			if tk.Event.Name != "KubeCon + CloudNativeCon North America 2017" || tk.Event.City != "Austin" {
				t.Errorf("event = %+v", tk.Event)
			}
			if tk.Level != nil {
				t.Errorf("level = %v, want null (the listing gives none)", *tk.Level)
			}
			hasEnvoy := false
			for _, p := range tk.Projects {
				hasEnvoy = hasEnvoy || p.Name == "Envoy"
			}
			if !hasEnvoy {
				t.Errorf("projects = %+v, want Envoy", tk.Projects)
			}
		}
		if !found {
			t.Error("the talk is not on the second page of talks")
		}
	})

	t.Run("SpeakerEvidence", func(t *testing.T) {
		r := query(t, base, `{ talk(title: "Kubernetes, Cloud Native and the Public Cloud") { title speakersConnection { edges { role node { name } evidence { document line snippet } } } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		s := string(r.Data)
		for _, want := range []string{`"role":"moderator","node":{"name":"Dan Kohn"}`, `"role":"panelist","node":{"name":"Hong Tang"}`, `"snippet":"About Hong Tang"`} {
			if !strings.Contains(s, want) {
				t.Errorf("response lacks %s:\n%s", want, s)
			}
		}
	})

	t.Run("ProjectTalksAcrossRelationships", func(t *testing.T) {
		r := query(t, base, `{ project(name: "Envoy") { name maturity talks { title speakers { name } } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		var data struct {
			Project struct {
				Name, Maturity string
				Talks          []struct {
					Title    string
					Speakers []struct{ Name string }
				}
			}
		}
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatal(err)
		}
		if data.Project.Name != "Envoy" || data.Project.Maturity != "graduated" {
			t.Errorf("project = %q (%q), want Envoy (graduated)", data.Project.Name, data.Project.Maturity)
		}
		var titles []string
		for _, tk := range data.Project.Talks {
			titles = append(titles, tk.Title)
			if tk.Title == "The Mechanics of Deploying Envoy at Lyft" && (len(tk.Speakers) != 1 || tk.Speakers[0].Name != "Matt Klein") {
				t.Errorf("speakers of %q = %+v", tk.Title, tk.Speakers)
			}
		}
		for _, want := range []string{"Bottoms-Up Adoption of a Microservices Workflow Using Kubernetes & Envoy", "The Mechanics of Deploying Envoy at Lyft"} {
			found := false
			for _, got := range titles {
				found = found || got == want
			}
			if !found {
				t.Errorf("Envoy's talks %q lack %q", titles, want)
			}
		}
	})

	t.Run("RecapsCoverEvents", func(t *testing.T) {
		r := query(t, base, `{ events { name recaps { title } talks(lim: 1) { title } } }`, nil)
		if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "Unknown argument") {
			// A misspelt argument gets a clear error.
			t.Errorf("errors = %+v, want an unknown-argument error", r.Errors)
		}
		r = query(t, base, `{ events { name recaps { title } } }`, nil)
		want := `{"name":"KubeCon + CloudNativeCon North America 2017","recaps":[{"title":"KubeCon 2017 Austin"},{"title":"KubeCon 2017 Austin Summary"}]}`
		if !strings.Contains(string(r.Data), want) {
			t.Errorf("events = %s, want %s", r.Data, want)
		}
	})

	t.Run("PageTooLarge", func(t *testing.T) {
		r := query(t, base, `{ talks(limit: 1000) { title } }`, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "maximum page size 100") {
			t.Errorf("errors = %+v, want one BAD_USER_INPUT about the page size", r.Errors)
		}
	})

	t.Run("MalformedRequests", func(t *testing.T) {
		for _, body := range []string{`{"query": "{ talks { title "}`, `not json`, `{"query": 42}`} {
			resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			var out gqlResponse
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil || len(out.Errors) == 0 {
				t.Errorf("body %q: status %d, decode err %v, errors %+v; want a GraphQL error", body, resp.StatusCode, err, out.Errors)
			}
		}
		// Still serving.
		if r := query(t, base, `{ stats { name count } }`, nil); len(r.Errors) > 0 || !strings.Contains(string(r.Data), `{"name":"Event","count":3}`) {
			t.Errorf("after bad requests: %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("Playground", func(t *testing.T) {
		resp, err := http.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || !strings.Contains(string(b), "/graphql") {
			t.Errorf("playground: status %d, body lacks the endpoint", resp.StatusCode)
		}
	})
}

func TestExportListsEveryTalkWithSpeakers(t *testing.T) {
	var out bytes.Buffer
	p := &Program{Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	if err := p.Main(context.Background(), []string{"export", "--corpus", corpus, "--format", "jsonl"}); err != nil {
		t.Fatal(err)
	}
	talks, presented := 0, 0
	var sawKlein bool
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l struct {
			Type       string
			ID         string
			Labels     []string
			Label      string
			Start, End struct {
				ID     string
				Labels []string
			}
			Properties map[string]any
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		switch {
		case l.Type == "relationship" && l.Label == "PART_OF" && l.End.ID == "event:north-america-2017":
			talks++
		case l.Type == "relationship" && l.Label == "PRESENTED":
			presented++
			if l.Start.ID == "speaker:matt-klein" && l.End.Labels[0] == "Talk" {
				sawKlein = l.Properties["evidenceSnippets"] != nil
			}
		}
	}
	if talks != 174 {
		t.Errorf("export has %d talks of the listing's event, want its 174 entries", talks)
	}
	if presented < 174 || !sawKlein {
		t.Errorf("export has %d PRESENTED relationships (Matt Klein's with evidence: %v)", presented, sawKlein)
	}
}

func TestCommandLineErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"NoCommand", nil, "no command"},
		{"UnknownCommand", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"MissingCorpus", []string{"export", "--corpus", "/nonexistent/corpus"}, "corpus /nonexistent/corpus"},
		{"UnknownFormat", []string{"export", "--format", "xml"}, `unknown format "xml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Program{Stdout: io.Discard, Stderr: io.Discard, Getenv: os.Getenv}
			err := p.Main(context.Background(), tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Main(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

// readmeQueries returns the GraphQL blocks of the README's cookbook.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	parts := strings.Split(string(b), "```graphql\n")
	for _, p := range parts[1:] {
		out = append(out, p[:strings.Index(p, "```")])
	}
	if len(out) < 10 {
		t.Fatalf("the README has %d example queries, want a cookbook of at least 10", len(out))
	}
	return out
}

// checkReadme runs every cookbook query: no errors, and every top-level
// field answers with something.
// schedulesCorpus marks a README query that needs a corpus with
// schedules: it runs against testdata/corpus4 (TestScheduleOnBothStores).
const schedulesCorpus = "# corpus: testdata/corpus4"

func checkReadme(t *testing.T, base string) {
	checkReadmeOn(t, base, false)
}

// checkReadmeOn runs the README's queries, those for the corpus with
// schedules when schedules is set, the others otherwise: each answers
// without errors and with something in every top-level field.
func checkReadmeOn(t *testing.T, base string, schedules bool) {
	for i, q := range readmeQueries(t) {
		if strings.Contains(q, schedulesCorpus) != schedules {
			continue
		}
		r := query(t, base, q, nil)
		if len(r.Errors) > 0 {
			t.Errorf("README query %d: %+v\n%s", i+1, r.Errors, q)
			continue
		}
		var data map[string]any
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatal(err)
		}
		for field, v := range data {
			if v == nil || fmt.Sprint(v) == "[]" || fmt.Sprint(v) == "map[]" {
				t.Errorf("README query %d: %s is empty\n%s", i+1, field, q)
			}
		}
	}
}
