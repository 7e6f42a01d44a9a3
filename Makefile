# docpipe — two commands do everything on a fresh Debian machine with Swift 6:
#   make run    build (release) and process Input/ into Output/ with Pipelines/default.yml
#   make test   build and run the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)
RELEASE := .build/release

.PHONY: all deps build release run test conformance bench-clean bench bench-breakdown bench-run install clean samples-check

all: build

## deps: install libxml2's headers (and pkg-config) with apt-get when they are missing
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libxml-2.0; then \
	  echo "docpipe: installing libxml2-dev and pkg-config with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libxml2-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product docpipe

## run: process Input/ into Output/ with Pipelines/default.yml
run: release
	$(RELEASE)/docpipe run Input --pipeline Pipelines/default.yml --output Output --jobs $(JOBS)

## test: unit, property, golden and CLI tests (Swift Testing)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## conformance: score against the public data in ../shared/conformance (when present)
conformance: deps
	$(SWIFT) build -c release --product docpipe-conformance
	$(RELEASE)/docpipe-conformance ../shared/conformance

## bench-clean: MB/s of the clean stage on a generated corpus (~24 MB, ~1 % damaged lines)
bench-clean: deps
	$(SWIFT) build -c release --product docpipe-bench
	$(RELEASE)/docpipe-bench clean --megabytes 24

## bench: every stage, then the whole pipeline (with JSON and XML encoding) on one thread and on all
## cores, the 10x scaling check and peak memory, on a generated 50 MB corpus
bench: deps
	$(SWIFT) build -c release --product docpipe-bench
	$(RELEASE)/docpipe-bench stages --megabytes 50 --repeats 1
	$(RELEASE)/docpipe-bench all --megabytes 50 --repeats 3

## bench-breakdown: each extractor, each validation rule and each output format alone (10 MB)
bench-breakdown: deps
	$(SWIFT) build -c release --product docpipe-bench
	$(RELEASE)/docpipe-bench breakdown --megabytes 10 --repeats 2

## bench-run: `docpipe run` end to end (reading files, writing JSON and XML) on the 50 MB corpus
BENCH_DIR ?= /tmp/docpipe-bench-corpus
bench-run: release
	$(SWIFT) build -c release --product docpipe-bench
	rm -rf $(BENCH_DIR) $(BENCH_DIR).out && $(RELEASE)/docpipe-bench corpus --megabytes 50 --dir $(BENCH_DIR)
	@for j in 1 $(JOBS); do \
	  rm -rf $(BENCH_DIR).out; \
	  echo "docpipe run --jobs $$j:"; \
	  if [ -x /usr/bin/time ]; then /usr/bin/time -f "  %e s wall, %M KB peak" $(RELEASE)/docpipe run $(BENCH_DIR) --output $(BENCH_DIR).out --jobs $$j --no-progress; \
	  else time $(RELEASE)/docpipe run $(BENCH_DIR) --output $(BENCH_DIR).out --jobs $$j --no-progress; fi; \
	done
	@du -sh $(BENCH_DIR) $(BENCH_DIR).out

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE)/docpipe $(DESTDIR)$(PREFIX)/bin/docpipe

samples-check:
	python3 Scripts/make-samples.py --check

clean:
	rm -rf .build
