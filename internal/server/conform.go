package server

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
)

// conform adjusts gqlgen's answers to requests it could not execute (a
// query that does not parse or validate, variables that do not coerce) to
// the GraphQL-over-HTTP specification: with the legacy application/json
// media type the status is 200 and the errors are in the body; with
// application/graphql-response+json the status stays 4xx and the body has
// no "data" entry, since execution never started.
func conform(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost && r.Method != http.MethodGet {
			next.ServeHTTP(w, r)
			return
		}
		buf := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(buf, r)
		body := buf.body.Bytes()
		status := buf.status
		if string(bytes.TrimSpace(body)) == "null" && r.Context().Err() != nil {
			// gqlgen ends a response whose context is done before it
			// starts with nothing at all; say why.
			body = []byte(`{"errors":[{"message":"the request took too long","extensions":{"code":"TIMEOUT"}}]}`)
			if buf.header.Get("Content-Type") == "" {
				buf.header.Set("Content-Type", "application/json")
			}
		}
		if status >= 400 && status < 500 {
			mt, _, _ := mime.ParseMediaType(buf.header.Get("Content-Type"))
			switch mt {
			case "application/json":
				if status == http.StatusUnprocessableEntity {
					status = http.StatusOK
				}
			case "application/graphql-response+json":
				body = dropNullData(body)
			}
		}
		for k, v := range buf.header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		_, _ = w.Write(body)
	})
}

// dropNullData removes a null "data" entry from a response body.
func dropNullData(body []byte) []byte {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return body
	}
	if d, ok := m["data"]; !ok || string(d) != "null" {
		return body
	}
	delete(m, "data")
	out, err := json.Marshal(m)
	if err != nil {
		return body
	}
	return out
}

// bufferedResponse holds a response until the handler is done.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if !b.wrote {
		b.status, b.wrote = code, true
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}
