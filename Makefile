# Thin wrapper over CMake presets (CMakePresets.json). The build itself is CMake.
#   make run    install missing packages, build, start the workbench on `default`
#   make test   install missing packages, build, run every test (GUI tests offscreen)
#   make test-asan  the same suite built and run under ASan + UBSan (build-asan/; long, decision 0034)
PRESET ?= release
BUILD_DIR := $(if $(filter release,$(PRESET)),build,build-$(PRESET))
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test test-asan bench bench-ann bench-memory bench-logs leaderboard latency-table screenshots fuzz format clean

all: build

deps:
	@./scripts/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake --preset $(PRESET); fi

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

run: deps build
	./scripts/run.sh

test: deps build
	ctest --preset $(PRESET)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, leaks included: the
# asan preset builds build-asan/ and its test preset sets ASAN/LSAN/UBSAN_OPTIONS
# (docs/reliability.md "Sanitizer run", decisions 0034 and 0039). CI runs it after `make test`.
test-asan:
	$(MAKE) --no-print-directory test PRESET=asan

bench: deps build
	./scripts/bench.sh $(BUILD_DIR)

# Approximate retrieval at 1M items x 32 factors: HNSW p99 and recall@10 against the exact
# scan's p99 (the graph build takes minutes of one core; docs/performance.md).
bench-ann: deps build
	$(BUILD_DIR)/bench/recoscope-bench-ann

# Heap of every core over 10M events (about an hour): memory flat in events.
bench-memory: deps build
	$(BUILD_DIR)/bench/bench_memory

# Import and prequential replay speed on generated MovieLens-format logs (a minute).
bench-logs: deps build
	$(BUILD_DIR)/bench/recoscope-bench-logs

# Every core on held-out seeds, the first day of `default` (a few minutes): docs/leaderboard.md.
# Without --days the program runs whole weeks (an hour or more on two cores).
leaderboard: deps build
	$(BUILD_DIR)/bench/recoscope-leaderboard --days 1 --out docs/leaderboard.md

# Engine-measured recommend() latency of every core in real runs (a few minutes).
latency-table: deps build
	$(BUILD_DIR)/bench/recoscope-latency-table --update docs/performance.md

# The field reference in docs/scenario-format.md, from the scenario field table.
.PHONY: scenario-fields-doc
scenario-fields-doc: deps build
	$(BUILD_DIR)/bin/recoscope-cli list-scenario-fields --update docs/scenario-format.md

screenshots: deps build
	./scripts/screenshots.sh $(BUILD_DIR)

# Each libFuzzer target for FUZZ_SECONDS (default 60) s: clang, ASan + UBSan, build-fuzz/.
fuzz: deps
	./scripts/fuzz.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build build-debug build-asan build-native build-fuzz
