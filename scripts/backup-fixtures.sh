#!/usr/bin/env bash
# Writes tests/fixtures/backups/<commit>.json: the data export of each earlier backup format, made
# by that commit's own code (its backup test's `filled()` and `exportAll()`), so the fixtures are
# what those versions really wrote. Run from the repository root after `npm ci`; needs git history.
set -euo pipefail
ROOT=$(pwd)
OUT="$ROOT/tests/fixtures/backups"
# Each commit that changed what an export holds (lib/core/backup.ts, the settings, the site list).
COMMITS=${COMMITS:-"a7456f8 e388b72 6e37195 c445a16~1 c445a16 9153eb2 76a0f1f b53102b"}
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree prune; rm -rf "$WORK"' EXIT
for commit in $COMMITS; do
  sha=$(git rev-parse --short=7 "$commit")
  tree="$WORK/$sha"
  git worktree add -f --detach "$tree" "$sha" > /dev/null
  cp -al "$ROOT/node_modules" "$tree/node_modules"
  (cd "$tree" && npx wxt prepare > /dev/null 2>&1)
  test="$tree/tests/unit/zz-export-fixture.test.ts"
  {
    grep '^import' "$tree/tests/unit/backup.test.ts" | grep -v "from 'vitest'"
    echo "import { writeFileSync } from 'node:fs';"
    echo "import { it } from 'vitest';"
    sed -n '/^const DAY/p; /^async function make/,/^describe(/p' "$tree/tests/unit/backup.test.ts" | sed '$d'
    echo "it('writes the export', async () => { writeFileSync(process.env.BACKUP_OUT!, JSON.stringify(await (await filled()).exportAll(), null, 2) + '\n'); });"
  } > "$test"
  date=$(git show -s --format=%cs "$sha")
  (cd "$tree" && BACKUP_OUT="$OUT/$date-$sha.json" npx vitest run --project unit tests/unit/zz-export-fixture.test.ts > /dev/null)
  echo "wrote tests/fixtures/backups/$date-$sha.json"
  git worktree remove --force "$tree"
done
