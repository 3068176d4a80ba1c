package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/confgraph/confgraph/internal/server"
)

func playgroundPage(t *testing.T, cfg server.Config) string {
	t.Helper()
	api(t) // loads the corpus store
	srv := server.New(corpusStore, cfg)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	b, _ := io.ReadAll(rec.Body)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /: status %d", rec.Code)
	}
	return string(b)
}

func TestPlayground(t *testing.T) {
	t.Run("OfflineByDefault", func(t *testing.T) {
		// Without files and without the CDN, / says how to get the files
		// rather than serving a page that would wait for scripts forever.
		page := playgroundPage(t, server.DefaultConfig)
		for _, want := range []string{"scripts/playground-assets.sh", "--playground-cdn", `href="/graphql"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page lacks %q:\n%s", want, page)
			}
		}
		if strings.Contains(page, "cdn.jsdelivr.net") {
			t.Error("the page loads from the CDN though nobody asked for it")
		}
	})
	t.Run("CDNWhenAsked", func(t *testing.T) {
		cfg := server.DefaultConfig
		cfg.PlaygroundCDN = true
		if page := playgroundPage(t, cfg); !strings.Contains(page, "https://cdn.jsdelivr.net/npm/graphiql@4.1.2/graphiql.min.js") {
			t.Errorf("with PlaygroundCDN the page does not load GraphiQL from the CDN:\n%s", page)
		}
	})
	t.Run("UnpinnedFilesRefused", func(t *testing.T) {
		dir := t.TempDir()
		for _, f := range []string{"graphiql/graphiql.min.js", "graphiql/graphiql.min.css", "react/umd/react.production.min.js",
			"react-dom/umd/react-dom.production.min.js", "@graphiql/plugin-explorer/dist/index.umd.js", "@graphiql/plugin-explorer/dist/style.css"} {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f), []byte("alert('not graphiql')"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cfg := server.DefaultConfig
		cfg.PlaygroundAssets = dir
		page := playgroundPage(t, cfg)
		if strings.Contains(page, "/playground-assets/graphiql") || !strings.Contains(page, "scripts/playground-assets.sh") {
			t.Errorf("files that are not the pinned versions were served:\n%s", page)
		}
		if src := server.PlaygroundSource(cfg); !strings.Contains(src, "not the pinned version") {
			t.Errorf("PlaygroundSource = %q, want it to say the files are not the pinned ones", src)
		}
	})
	t.Run("PinnedFilesServed", func(t *testing.T) {
		// The files scripts/playground-assets.sh fetched for this
		// checkout (make run and make browser fetch them).
		dir, _ := filepath.Abs("../../tools/playground/assets")
		if _, err := os.Stat(filepath.Join(dir, "graphiql/graphiql.min.js")); err != nil {
			t.Skip("no playground files in tools/playground/assets (scripts/playground-assets.sh fetches them)")
		}
		cfg := server.DefaultConfig
		cfg.PlaygroundAssets = dir
		page := playgroundPage(t, cfg)
		if !strings.Contains(page, `/playground-assets/graphiql/graphiql.min.js`) || strings.Contains(page, "cdn.jsdelivr.net") {
			t.Errorf("the page does not load the local files:\n%s", page)
		}
	})
}
