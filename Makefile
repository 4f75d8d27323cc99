# The two set-up commands: `make serve` runs Timmy, `make test` runs the tests.
# Both install what is missing first (scripts/bootstrap), then build.

SWIFT_TOOLCHAIN ?= /opt/swift/usr/bin
export PATH := $(SWIFT_TOOLCHAIN):$(PATH)

.PHONY: bootstrap build release test lint format serve bench clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	swift build

release: bootstrap
	swift build -c release --product timmy

## Build everything, then run the whole test suite: Swift Testing (real SQLite, real server, real processes),
## then the dashboard in a real browser (headless Chromium; screenshots under test-output/screenshots).
test: bootstrap lint
	swift build --build-tests
	swift test --skip-build
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

clean:
	rm -rf .build
