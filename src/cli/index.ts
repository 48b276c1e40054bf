#!/usr/bin/env node
console.log("tdd-waves");
