# confgraph — see README.md.
GO ?= go
CORPUS ?= ../shared/corpus
ADDR ?= 127.0.0.1:8080
# FUZZTIME, when set (e.g. 15s or 5000x), overrides every fuzz target's budget.
FUZZTIME ?=
SOAK ?= 60s

.PHONY: run test vet check-generated generate unit fuzz bench neo4j neo4j-stop build http-audit browser

PLAYGROUND ?= local

## run: load the corpus into the embedded store and serve GraphQL on $(ADDR). The playground's
## files are fetched from npm once (scripts/playground-assets.sh, pinned versions) and served from
## here, so it works offline; PLAYGROUND=cdn loads them from the jsDelivr CDN instead.
run:
ifeq ($(PLAYGROUND),cdn)
	$(GO) run ./cmd/confgraph serve --corpus $(CORPUS) --addr $(ADDR) --playground-cdn
else
	@scripts/playground-assets.sh >/dev/null || echo "make run: could not fetch the playground's files (is npm installed?); / will say how to get them" >&2
	$(GO) run ./cmd/confgraph serve --corpus $(CORPUS) --addr $(ADDR) --playground-assets tools/playground/assets
endif

build:
	$(GO) build -o bin/confgraph ./cmd/confgraph

## test: everything CI checks: vet, generated code, unit + end-to-end tests (with a real Neo4j),
## bounded fuzzing, the GraphQL-over-HTTP audit and the playground in headless Chromium
test: vet check-generated unit fuzz http-audit browser

## http-audit: graphql-http's auditServer against a live server (no errors, no warnings)
http-audit:
	scripts/http-audit.sh

## browser: the playground in headless Chromium runs the README's headline query (screenshot in artifacts/)
browser:
	scripts/browser-test.sh

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi

generate:
	$(GO) generate ./graph

## check-generated: fail when regenerating the GraphQL code changes anything
check-generated:
	scripts/check-generated.sh

unit:
	SOAK_DURATION=$(SOAK) $(GO) test -count=1 -timeout 30m ./...

## fuzz: each fuzz target (loaders, filter evaluation on both stores, the request path), bounded by
## a count of executions (about 15 s each here). Not by time: Go 1.26's coordinator can report a
## spurious "context deadline exceeded" when a -fuzztime duration ends mid-execution
## (golang/go#75804, fixed in Go 1.27); a count has no deadline to race.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),20000x) ./loaders/listing
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),30000x) ./loaders/recap
	$(GO) test -run '^$$' -fuzz '^FuzzLoadDocument$$' -fuzztime $(or $(FUZZTIME),40000x) ./loaders
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),50000x) ./loaders/layout
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),20000x) ./loaders/attrib
	$(GO) test -run '^$$' -fuzz '^FuzzFilter$$' -fuzztime $(or $(FUZZTIME),120000x) ./internal/memstore
	$(GO) test -run '^$$' -fuzz '^FuzzRequest$$' -fuzztime $(or $(FUZZTIME),40000x) ./internal/server
	# One worker: each fuzzing process loads the fixture into the one test
	# database (wiping it first), so two workers would wipe each other's.
	$(GO) test -run '^$$' -fuzz '^FuzzFilterSameAsMemstore$$' -fuzztime $(or $(FUZZTIME),500x) -parallel 1 ./internal/neo4jstore

## bench: benchmarks, figures written to BENCHMARKS.md
bench:
	scripts/bench.sh

## neo4j: start a local Neo4j 5.26 on 127.0.0.1 and print its bolt:// URI
neo4j:
	scripts/neo4j.sh start

neo4j-stop:
	scripts/neo4j.sh stop
