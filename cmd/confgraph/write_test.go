package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const token = "test-token-5f0c"

func addDocument(t *testing.T, base, auth, name, text string) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($n: String!, $t: String!) { addDocument(name: $n, text: $t) { name kind warnings nodes relationships } }`,
		"variables": map[string]any{"n": name, "t": text},
	})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func stats(t *testing.T, base string) string {
	t.Helper()
	r := query(t, base, `{ stats { name count } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("stats: %+v", r.Errors)
	}
	return string(r.Data)
}

func talkTitles(t *testing.T, base, event string) string {
	t.Helper()
	r := query(t, base, `query($e: String!) { talks(where: { event: { name: { eq: $e } } }, limit: 100) { title } }`, map[string]any{"e": event})
	if len(r.Errors) > 0 {
		t.Fatalf("talks: %+v", r.Errors)
	}
	return string(r.Data)
}

func TestAddDocument(t *testing.T) {
	listing, err := os.ReadFile("../../loaders/listing/testdata/harbourcon.txt")
	if err != nil {
		t.Fatal(err)
	}
	dataDir := t.TempDir()
	env := map[string]string{"CONFGRAPH_API_TOKEN": token, "CONFGRAPH_DATA_DIR": dataDir}
	base, _ := bootEnv(t, env)
	const event = "KubeCon + CloudNativeCon Europe 2031"

	t.Run("NeedsTheToken", func(t *testing.T) {
		before := stats(t, base)
		for _, auth := range []string{"", "wrong-token"} {
			r := addDocument(t, base, auth, "harbourcon.txt", string(listing))
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
				t.Errorf("auth %q: %+v, want UNAUTHENTICATED", auth, r.Errors)
			}
		}
		if stats(t, base) != before {
			t.Error("an unauthenticated write changed the graph")
		}
	})

	t.Run("AddsAndIsIdempotent", func(t *testing.T) {
		r := addDocument(t, base, token, "harbourcon.txt", string(listing))
		if len(r.Errors) > 0 {
			t.Fatalf("%+v", r.Errors)
		}
		if !strings.Contains(string(r.Data), `"kind":"listing"`) {
			t.Errorf("result = %s", r.Data)
		}
		if titles := talkTitles(t, base, event); !strings.Contains(titles, "Scaling Tide Pools with Kubernetes") {
			t.Errorf("talks of the new event = %s", titles)
		}
		once := stats(t, base)
		if r := addDocument(t, base, token, "harbourcon.txt", string(listing)); len(r.Errors) > 0 {
			t.Fatalf("%+v", r.Errors)
		}
		if twice := stats(t, base); twice != once {
			t.Errorf("adding the same document twice changed the graph:\n%s\n%s", once, twice)
		}
	})

	t.Run("AChangedDocumentReplacesWhatItSaid", func(t *testing.T) {
		changed := strings.Replace(string(listing), "Scaling Tide Pools with Kubernetes", "Scaling Rock Pools with Kubernetes", 1)
		if r := addDocument(t, base, token, "harbourcon.txt", changed); len(r.Errors) > 0 {
			t.Fatalf("%+v", r.Errors)
		}
		titles := talkTitles(t, base, event)
		if strings.Contains(titles, "Tide Pools") || !strings.Contains(titles, "Scaling Rock Pools with Kubernetes") {
			t.Errorf("after the change, talks = %s", titles)
		}
		// The corpus is untouched.
		if !strings.Contains(stats(t, base), `"name":"Recap","count":4`) {
			t.Errorf("stats = %s", stats(t, base))
		}
	})

	t.Run("BadDocumentChangesNothing", func(t *testing.T) {
		before := stats(t, base)
		for _, c := range []struct{ name, text, want string }{
			{"notes.txt", "shopping list\n", "neither a talk listing nor a conference recap"},
			{"../escape.txt", string(listing), "document name"},
			{"binary.bin", "KubeCon\x00\x01", "binary"},
		} {
			r := addDocument(t, base, token, c.name, c.text)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, c.want) {
				t.Errorf("%s: %+v, want BAD_USER_INPUT mentioning %q", c.name, r.Errors, c.want)
			}
		}
		if stats(t, base) != before {
			t.Error("a rejected document changed the graph")
		}
		if _, err := os.Stat(filepath.Join(dataDir, "notes.txt")); err == nil {
			t.Error("a rejected document was kept")
		}
	})

	t.Run("MutationsAreNotAllowedOverGET", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, base+`/graphql?query=mutation{addDocument(name:"a.txt",text:"x"){name}}`, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Errorf("a mutation over GET got status %d", resp.StatusCode)
		}
	})

	t.Run("SurvivesARestart", func(t *testing.T) {
		again, _ := bootEnv(t, env)
		if titles := talkTitles(t, again, event); !strings.Contains(titles, "Scaling Rock Pools with Kubernetes") || strings.Contains(titles, "Tide Pools") {
			t.Errorf("after a restart, talks = %s", titles)
		}
	})
}

func TestWritesDisabledWithoutAToken(t *testing.T) {
	base, _ := boot(t)
	r := addDocument(t, base, "anything", "a.txt", "x")
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" || !strings.Contains(r.Errors[0].Message, "CONFGRAPH_API_TOKEN") {
		t.Errorf("%+v, want UNAUTHENTICATED saying writes are disabled", r.Errors)
	}
}
