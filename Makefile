# The two set-up commands: `make serve` runs Timmy, `make test` runs the tests.
# Both install what is missing first (scripts/bootstrap), then build.

SWIFT_TOOLCHAIN ?= /opt/swift/usr/bin
export PATH := $(SWIFT_TOOLCHAIN):$(PATH)

# Swift Testing starts every test at once by default: on two cores some 270 of them then share two
# cooperative threads, and a test's own 60-s bounds (a process run, a request) ran out while it waited
# its turn. Twelve at a time keeps the cores busy (the suite took 4m42 here, against 4m58 unbounded)
# and each test's waits its own. The variable is Swift Testing's (still marked experimental).
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH ?= 12

.PHONY: bootstrap build release test lint format serve bench gpu-smoke clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	swift build

release: bootstrap
	swift build -c release --product timmy

## Build everything, then run the whole test suite: Swift Testing (real SQLite, real server, real processes; the load
## test in a pass of its own, scripts/swift-suite),
## the model worker's tests on tiny models built in code (worker/tests), then the dashboard in a real browser
## (headless Chromium; screenshots under test-output/screenshots). Between the two, schemathesis fuzzes the JSON API
## against its own OpenAPI document (scripts/fuzz-api, tests/api/schemathesis.toml), and scripts/offline-check runs the
## Swift suite and a Director animatic again with no network at all (a fresh network namespace, connect() traced).
test: bootstrap lint
	swift build --build-tests
	worker/.venv/bin/python -m pytest -q worker/tests
	scripts/swift-suite
	scripts/offline-check
	scripts/fuzz-api
	python3 -m pytest -q tests/browser

## The house format (.swift-format): `make lint` checks it, `make format` applies it.
lint:
	swift format lint --strict --parallel -r Sources Tests Package.swift

format:
	swift format -i --parallel -r Sources Tests Package.swift

## Run the server on the configured host and port (default http://127.0.0.1:8000).
serve: release
	.build/release/timmy serve

## Run every benchmark in release mode.
bench: bootstrap
	swift run -c release timmy-bench all

## The worker's tiny-model suite on a CUDA GPU in bf16, with each test's time; for a GPU machine, not for CI.
gpu-smoke: bootstrap
	TIMMY_WORKER_TEST_DEVICE=cuda TIMMY_WORKER_TIMINGS=1 worker/.venv/bin/python -m pytest -q worker/tests

clean:
	rm -rf .build
