# The handles README, CI and scripts use (shared/spec/INTERFACE.md, "Make targets").
SHELL := /bin/bash
CLI := cargo run --quiet --release --bin channel-rules --
EXAMPLES := examples/yeastar

.PHONY: run test test-rust test-js wasm demo build bench docs

## run: check the bundled example payloads with the CLI and print the reports
run:
	$(CLI) check --target yeastar.message_channel.create $(EXAMPLES)/create-general-sms.json $(EXAMPLES)/create-whatsapp.json $(EXAMPLES)/create-facebook.json
	$(CLI) check --target yeastar.message_channel.update --channel general $(EXAMPLES)/update-sms.json
	@echo "# The whole update body for the Yeastar page's example change (rule 5 to api), from the current state:"
	$(CLI) update --current $(EXAMPLES)/current-sms.json $(EXAMPLES)/change-destination.json
	$(CLI) check --target yeastar.livechat.create $(EXAMPLES)/livechat-create.json
	$(CLI) check --target healthing.channel.update examples/healthing/channel-update.json
	$(CLI) check --target healthing.channel examples/healthing/channel.json
	$(CLI) check --target bird.channel_contact examples/bird/channel-contact.json
	@echo "# The Bird page's own example breaks its own ^https:// pattern (exit status 1 is expected):"
	@$(CLI) check --target bird.channel examples/bird/channel.json; test $$? -eq 1
	@echo "# A payload with mistakes (exit status 1 is expected):"
	@$(CLI) check --target yeastar.message_channel.create $(EXAMPLES)/create-twilio-with-mistakes.json; test $$? -eq 1

## test: every test (Rust, a short pass of every fuzz target, then the wasm package's Node
## tests and the browser tests)
test: test-rust fuzz-ci test-js

test-rust:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo test
	# The library alone (no CLI, no clap), built and documented with warnings denied.
	cargo build --lib --no-default-features
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --no-default-features
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

build:
	cargo build --release

## test-js: wasm build, the .d.ts check, Node tests of pkg/ (API, fixture replay), browser test of www/
test-js:
	scripts/test-js.sh

## wasm: build the npm package into pkg/ (installs the wasm toolchain when missing)
wasm:
	scripts/wasm-build.sh

## bench: the phone engine's figures (native, Node, size; libphonenumber-js and the
## phonenumber crate on the same numbers) and the goals, PASS or FAIL (scripts/bench/run.sh)
bench:
	scripts/bench/run.sh

## docs: write the docs generated from the rules (docs/CODES.md, docs/RULES.md); cargo test
## fails when they differ from the rules
docs:
	UPDATE_DOCS=1 cargo test --quiet --test docs

## demo: build, then serve the demo admin form (www/) on http://127.0.0.1:8080 until stopped
demo: wasm
	node scripts/serve-demo.mjs --port 8080

## stress: hostile documents up to 10 MB (README, "Limits"), each checked in a fresh process
## natively and in wasm under Node; time, peak memory, report size, PASS or FAIL per bound
.PHONY: stress
stress:
	scripts/stress.sh

## fuzz: every fuzz target of fuzz/ for FUZZ_SECONDS each (default 60), one at a time, then
## executions, exec/s and coverage per target; fails on a crash or a failed invariant
## (input in fuzz/artifacts/); installs cargo-fuzz when missing (scripts/fuzz.sh)
.PHONY: fuzz fuzz-ci
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## fuzz-ci: the short pass make test runs: every target for FUZZ_SECONDS (default 60, as CI)
fuzz-ci:
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) scripts/fuzz.sh --ci
