#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli/main.ts
// The bundler inlines the version: never npm_package_version, which inside another project's npm script is that project's.

const USAGE = `Usage: tdd-waves <command> [options]

Commands:
  init [--force]                       set up a repository: starting plan, story template, the two workflows
  plan <plan-file> [--json]            validate a plan and print its waves
  plan --from <dir> [--base PLAN] [--write FILE]
                                       build a plan from story files' YAML front matter
  run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH] [--state-branch B]
                                       execute the plan locally (resumes an interrupted execution;
                                       --restart: go on under a changed plan, keeping completed stories)
  retry <plan-file> <story-id>... [--max-parallel N] [--schedule waves|dag] [--report PATH]
                                       run failed stories again (and the stories they blocked), resumable
  status <plan-file> [--json] [--remote]
                                       progress per wave and epic, and the Gantt (--remote: the execution on GitHub)
  gantt <plan-file> [--format mermaid|text|svg]
                                       the Gantt of the recorded execution
  report <plan-file>                   the report JSON
  agents [<plan-file>] [--json]        the agent presets (or the plan's agents) and the command line each runs
  dispatch <plan-file> [--repo owner/name] [--ref branch] [--pr N] [--watch]
                                       start the execution on GitHub Actions (and follow it)

Every command takes --help. Colours and block characters: off with --no-color or NO_COLOR.

Exit codes: 0 all complete (plan: valid), 1 failed or blocked stories, 2 invalid input, 130 interrupted.`;
async function main(argv, io) {
    const [command, ...args] = argv;
    switch (command) {
        case "plan":
            return args.some((a) => a === "--from" || a.startsWith("--from="))
                ? (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(228)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5228))).planFromCommand(args, io)
                : (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(821), __nccwpck_require__.e(167)]).then(__nccwpck_require__.bind(__nccwpck_require__, 167))).planCommand(args, io);
        case "init":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(398)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6398))).initCommand(args, io);
        case "dispatch":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(891), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(948), __nccwpck_require__.e(134)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7134))).dispatchCommand(args, io);
        case "run":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(893), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(948), __nccwpck_require__.e(79), __nccwpck_require__.e(450)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3450))).runCommand(args, io);
        case "retry":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(893), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(948), __nccwpck_require__.e(79), __nccwpck_require__.e(450)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3450))).runCommand(args, io, "retry");
        case "status":
        case "gantt":
        case "report":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(891), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(948), __nccwpck_require__.e(79), __nccwpck_require__.e(967)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6967))).viewCommand(command, args, io);
        case "agents":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(154)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9154))).agentsCommand(args, io);
        case "-h":
        case "--help":
        case "help":
            io.stdout(`${USAGE}\n`);
            return 0;
        case "-v":
        case "--version":
            io.stdout(`tdd-waves ${package_namespaceObject.rE}\n`);
            return 0;
        default:
            io.stderr(`${command ? `tdd-waves: unknown command "${command}"` : "tdd-waves: a command is required"}\n\n${USAGE}\n`);
            return 2;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// The `tdd-waves` executable: wires the process (argv, stdout, stderr, env) to the command line in main.ts.


// The short commands (plan, status, gantt, report, …) end within a few hundred milliseconds: V8's optimising
// compiler never pays back there, and on a 2-core runner it takes about a third of their CPU (npm run bench,
// `plan` of 200 stories). `run` and `dispatch` live long enough to gain from it. Set before any command's code loads.
if (!["run", "dispatch"].includes(process.argv[2] ?? ""))
    (0,external_node_v8_namespaceObject.setFlagsFromString)("--no-opt");
/**
 * An output whose reader went away (`tdd-waves run … | head -2`) is not a crash: what would have been
 * written there is dropped and the command goes on to its end (saving the state, removing its worktrees).
 */
function writer(stream) {
    let closed = false;
    stream.on("error", (e) => {
        if (e.code !== "EPIPE")
            throw e;
        closed = true;
    });
    return (s) => {
        if (!closed && !stream.destroyed)
            stream.write(s);
    };
}
const io = {
    cwd: process.cwd(),
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
    env: process.env,
};
main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
}, (e) => {
    // Every expected failure is handled by its command; this is a bug, still reported without a stack unless asked.
    io.stderr(`tdd-waves: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.TDD_WAVES_DEBUG && e instanceof Error)
        io.stderr(`${e.stack}\n`);
    process.exitCode = 1;
});

