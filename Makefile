# Outturn: the two commands a new user needs, plus benchmarks.
#   make run    installs OpenBLAS if missing, builds in release mode, runs the planner on the bundled data
#   make test   installs OpenBLAS if missing, builds and runs every test
#   make fuzz   runs each libFuzzer target for FUZZ_SECONDS (default 600)
SHELL := /bin/bash
SWIFT ?= swift

.PHONY: run test deps build release bench bench-data bench-peers clean embed fuzz docs

# libopenblas-dev (and pkg-config, which SwiftPM uses to find it) from Debian's packages.
deps:
	@if ! pkg-config --exists openblas 2>/dev/null; then \
	  echo "Installing libopenblas-dev and pkg-config (needs root or sudo)..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libopenblas-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product planner

run: release
	@$$($(SWIFT) build -c release --show-bin-path)/planner $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# DocC documentation of OutturnNumerics and Outturn (swift-docc-plugin); fails on any DocC warning.
# Archives in .build/plugins/Swift-DocC/outputs/.
docs: deps
	SWIFT=$(SWIFT) bash scripts/docs.sh

# Benchmarks: a nested package (Benchmarks/Package.swift), never part of `make test`.
# Synthetic inputs go to Benchmarks/.data/ (git-ignored), written once by a seeded generator.
bench-data:
	python3 Benchmarks/peers/generate.py

bench: deps bench-data
	cd Benchmarks && $(SWIFT) package benchmark

bench-peers: deps
	bash Benchmarks/peers/run.sh

# libFuzzer targets (Fuzz/, a package of its own; scratch path .build-fuzz/): FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Fuzz/run.sh

# Regenerate Sources/Outturn/Bundled/BundledData.swift from datasets/gwent-ict/ (a test checks they match).
embed:
	bash scripts/embed-datasets.sh

clean:
	rm -rf .build .build-fuzz
