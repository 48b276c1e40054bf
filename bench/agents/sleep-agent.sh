#!/bin/sh
# Benchmark agent of known duration: sleeps its story's time for its role (agents/durations/<story>.<role>,
# in seconds), then does the least that passes tdd-waves' checks — the tester writes a test that fails
# until src/<story>.txt exists (red), the implementer writes that file and ticks the story's box (green).
# A shell script, like the make recipe it is compared with: the benchmark measures tdd-waves, not the
# start-up of an agent's runtime.
set -eu
sleep "$(cat "agents/durations/$TDD_WAVES_STORY_ID.$TDD_WAVES_ROLE")"
if [ "$TDD_WAVES_ROLE" = tester ]; then
  mkdir -p "$(dirname "$TDD_WAVES_TEST_FILE")"
  printf '# fails (exit 1) until the implementation exists\ntest -f src/%s.txt\n' "$TDD_WAVES_STORY_ID" > "$TDD_WAVES_TEST_FILE"
else
  mkdir -p src
  echo "$TDD_WAVES_STORY_ID" > "src/$TDD_WAVES_STORY_ID.txt"
  sed 's/- \[ \]/- [x]/' "$TDD_WAVES_STORY_FILE" > "$TDD_WAVES_STORY_FILE.tmp"
  mv "$TDD_WAVES_STORY_FILE.tmp" "$TDD_WAVES_STORY_FILE"
fi
