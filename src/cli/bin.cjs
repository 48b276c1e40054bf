#!/usr/bin/env node
// The CLI bundle's entry (scripts/package.mjs). A CommonJS entry makes the bundler emit CommonJS, whose chunks
// Node 20 can compile from V8's code cache (src/adapters/code-cache.ts); ES modules it cannot.
require("./index.ts");
