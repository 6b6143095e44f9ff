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
# No known React 18 defect is left out: the whole unit suite must pass on React 18.3 as well.
npx vitest run --project unit
