# aloud — run `make help` for every target.
SHELL := /bin/sh
GO ?= go
BIN := $(CURDIR)/bin
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X aloud/internal/app.Version=$(VERSION)
export ALOUD_LIBEXEC := $(BIN)
# The benchmarks and the seed live in a shared/ folder beside the checkout
# (or beside a parent of it); tests find it through ALOUD_SHARED.
ALOUD_SHARED ?= $(firstword $(wildcard $(abspath $(CURDIR)/../shared) $(abspath $(CURDIR)/../../shared) $(abspath $(CURDIR)/../../../shared)))
export ALOUD_SHARED

.PHONY: demo test bench bench-svc bench-tn bench-quality help deps build helpers unit e2e lint verify clean axe bench-player

demo: deps build ## render the sample to out/, then run aloud serve with it ingested (Ctrl-C stops)
	@mkdir -p out
	$(BIN)/aloud speak -o out/sample.mp3 samples/sample.txt
	@echo "demo: listen to out/sample.mp3 (timeline: out/sample.timeline.json)"
	BIN=$(BIN)/aloud ./scripts/demo-serve

test: deps build unit e2e bench-tn ## install deps, build, run the whole suite (unit with -race, then corpus/e2e)

bench: deps build ## speed benchmarks against bare engine+ffmpeg baselines
	$(GO) run ./internal/bench/speakbench -aloud $(BIN)/aloud -seed "$(ALOUD_SHARED)/seeds/000_26680a95212ca344.txt"
	@$(MAKE) --no-print-directory bench-player

bench-player: deps build ## listener side: player.js gzipped, navigation→canplay in Chromium, /a/{id} latency at 500 req/s
	$(GO) run ./internal/bench/playerbench -aloud $(BIN)/aloud -seed "$(ALOUD_SHARED)/seeds/000_26680a95212ca344.txt"

bench-svc: deps build ## service benchmarks: create-to-ready, workers' throughput, load latency, API reads
	$(GO) run ./internal/bench/servebench -aloud $(BIN)/aloud

bench-quality: deps build ## every installed voice on the news texts: pocketsphinx WER, real-time factor, spelling via phonemes
	$(GO) run ./internal/bench/qualitybench -aloud $(BIN)/aloud

help: ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

deps: ## install missing system packages (apt-get, idempotent)
	@./scripts/install-deps

build: helpers ## build bin/aloud and the engine helpers
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/aloud ./cmd/aloud

helpers: $(BIN)/aloud-flite $(BIN)/aloud-espeak ## build the long-lived engine helpers (C)

$(BIN)/aloud-flite: helpers/flite/aloud-flite.c helpers/protocol.h
	@mkdir -p $(BIN)
	$(CC) -O2 -Wall -o $@ $< -I/usr/include/flite \
		-lflite_cmu_us_rms -lflite_cmu_us_slt -lflite_cmu_us_kal16 -lflite_cmu_us_kal -lflite_cmu_us_awb \
		-lflite_usenglish -lflite_cmulex -lflite -lm

$(BIN)/aloud-espeak: helpers/espeak/aloud-espeak.c helpers/protocol.h
	@mkdir -p $(BIN)
	$(CC) -O2 -Wall -o $@ $< $$(pkg-config --cflags --libs espeak-ng)

unit: ## unit tests with the race detector
	$(GO) test -race -count=1 ./...

e2e: axe ## corpus, end-to-end and browser suites (real engines, ffmpeg, Chromium, ../shared data), without -race
	$(GO) test -count=1 -tags e2e -run '^(TestE2E|TestCorpus)' -skip '^TestCorpusTextNormalization$$' ./...

bench-tn: ## text-normalization accuracy on ../shared benchmarks (English per class, GoogleTN, LibriTTS; German) with floors
	$(GO) test -count=1 -tags e2e -run '^TestCorpusTextNormalization(German)?$$' -v ./internal/normalize/
	$(GO) test -count=1 -run '^TestNews$$' -v ./internal/normalize/de/

axe: ## fetch the pinned axe-core the browser tests run (npm; test data, not committed)
	@./scripts/fetch-axe

lint: ## go vet and gofmt
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }

verify: ## fail on go mod tidy drift
	$(GO) mod tidy -diff

clean:
	rm -rf bin out
