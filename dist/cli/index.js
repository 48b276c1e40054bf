#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 2010:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ userCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// The user's cache folder, where tdd-waves keeps what it may rebuild at any time: working copies, compiled code.


/** `$XDG_CACHE_HOME/tdd-waves` when that is an absolute path, else `~/.cache/tdd-waves`. */
function userCacheDir(env = process.env) {
    const cache = env.XDG_CACHE_HOME && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), ".cache");
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cache, "tdd-waves");
}


/***/ }),

/***/ 2307:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = require("node:v8");
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __nccwpck_require__(8995);
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_);
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = require("node:vm");
;// CONCATENATED MODULE: ./src/adapters/code-cache.ts
// V8's code cache for the CLI bundle's chunks, kept in the user's cache folder (issue 9: `plan` of 200 stories
// within 3x bare node). A short command spends about a fifth of its time compiling the chunks it loads, the same
// bytes every time. On Node 20 only a CommonJS script can be given V8's cached data (vm.Script), hence the CLI
// bundle is CommonJS (src/cli/bin.cjs). The data is made when the command ends, so it holds every function the
// command compiled, not only the top level: that is where the time goes (`npm run bench` prints both figures).
// Anything amiss (no cache folder, one others may write, an unreadable or rejected file) means compiling as usual.




// Node's own CommonJS wrapper: the chunk sees the same five variables as under require().
const WRAP_START = "(function (exports, require, module, __filename, __dirname) { ";
const WRAP_END = "\n});";
/** From now on, the bundle's chunks are compiled with their cached data, and the data is saved when the process ends. */
function installCodeCache(options) {
    const folder = (0,external_node_path_.join)(options.cacheDir, `${process.version}-${process.arch}${options.flags.replace(/[^A-Za-z0-9]+/g, "-")}`);
    const toSave = [];
    let usable;
    const proto = (external_node_module_default()).prototype;
    const compile = proto._compile;
    proto._compile = function (content, filename) {
        if ((0,external_node_path_.dirname)(filename) !== options.bundleDir)
            return compile.call(this, content, filename);
        usable ??= privateFolder(options.cacheDir);
        const entry = usable ? entryName(filename, options.version) : undefined;
        const cachedData = entry ? readOrNothing((0,external_node_path_.join)(folder, entry)) : undefined;
        const script = new external_node_vm_namespaceObject.Script(WRAP_START + content + WRAP_END, { filename, cachedData });
        if (entry && (!cachedData || script.cachedDataRejected))
            toSave.push({ entry, script });
        const run = script.runInThisContext({ displayErrors: true });
        return run.call(this.exports, this.exports, (0,external_node_module_.createRequire)(filename), this, filename, (0,external_node_path_.dirname)(filename));
    };
    process.once("exit", () => {
        for (const { entry, script } of toSave)
            save(folder, entry, script);
    });
}
/** Makes the folder (private) if needed; usable only when it is a real folder of this user that no one else may write. */
function privateFolder(dir) {
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        const st = (0,external_node_fs_.lstatSync)(dir);
        const mine = typeof process.getuid !== "function" || st.uid === process.getuid();
        return st.isDirectory() && mine && (st.mode & 0o022) === 0;
    }
    catch {
        return false;
    }
}
/** `<chunk>-<version>-<size>-<mtime ns>-<inode>`: a rebuilt or reinstalled chunk never meets another's data. */
function entryName(filename, version) {
    try {
        const st = (0,external_node_fs_.statSync)(filename, { bigint: true });
        return `${(0,external_node_path_.basename)(filename)}-${safe(version)}-${st.size}-${st.mtimeNs}-${st.ino}`;
    }
    catch {
        return undefined;
    }
}
function readOrNothing(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Written whole (a temporary file renamed over), then the same chunk's data from older builds is removed. */
function save(folder, entry, script) {
    try {
        (0,external_node_fs_.mkdirSync)(folder, { recursive: true, mode: 0o700 });
        const temp = (0,external_node_path_.join)(folder, `${entry}.${process.pid}.tmp`);
        (0,external_node_fs_.writeFileSync)(temp, script.createCachedData(), { mode: 0o600 });
        (0,external_node_fs_.renameSync)(temp, (0,external_node_path_.join)(folder, entry));
        const chunk = `${entry.slice(0, entry.indexOf("-"))}-`;
        for (const name of (0,external_node_fs_.readdirSync)(folder)) {
            if (name.startsWith(chunk) && name !== entry && !name.endsWith(".tmp"))
                (0,external_node_fs_.rmSync)((0,external_node_path_.join)(folder, name), { force: true });
        }
    }
    catch {
        // A cache that cannot be written is only a slower next start.
    }
}
const safe = (s) => s.replace(/[^A-Za-z0-9._]+/g, "_");

// EXTERNAL MODULE: ./src/adapters/user-cache.ts
var user_cache = __nccwpck_require__(2010);
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
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(893), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(948), __nccwpck_require__.e(79), __nccwpck_require__.e(482)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6482))).runCommand(args, io);
        case "retry":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(531), __nccwpck_require__.e(0), __nccwpck_require__.e(893), __nccwpck_require__.e(821), __nccwpck_require__.e(361), __nccwpck_require__.e(948), __nccwpck_require__.e(79), __nccwpck_require__.e(482)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6482))).runCommand(args, io, "retry");
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
const flags = ["run", "dispatch"].includes(process.argv[2] ?? "") ? "" : "--no-opt";
if (flags)
    (0,external_node_v8_namespaceObject.setFlagsFromString)(flags);
// Each command's code is compiled from V8's cache after its first run (adapters/code-cache.ts); Node's own
// switch for its compile cache turns it off.
if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
    try {
        const bundleDir = (0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(process.argv[1] ?? ""));
        installCodeCache({ bundleDir, cacheDir: (0,external_node_path_.join)((0,user_cache/* userCacheDir */.b)(process.env), "code-cache"), version: package_namespaceObject.rE, flags });
    }
    catch {
        // Not started as a file (no path to the bundle): nothing to cache.
    }
}
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


/***/ }),

/***/ 181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 4573:
/***/ ((module) => {

"use strict";
module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

"use strict";
module.exports = require("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs/promises");

/***/ }),

/***/ 8995:
/***/ ((module) => {

"use strict";
module.exports = require("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

"use strict";
module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 7975:
/***/ ((module) => {

"use strict";
module.exports = require("node:util");

/***/ }),

/***/ 932:
/***/ ((module) => {

"use strict";
module.exports = require("process");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.cjs.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// The CLI bundle's entry (scripts/package.mjs). A CommonJS entry makes the bundler emit CommonJS, whose chunks
// Node 20 can compile from V8's code cache (src/adapters/code-cache.ts); ES modules it cannot.
__nccwpck_require__(2307);

module.exports = __webpack_exports__;
/******/ })()
;