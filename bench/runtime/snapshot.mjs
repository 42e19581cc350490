// Other work rebuilds packages/*/dist at any moment (every `pnpm test` does), and a benchmark
// takes minutes. So the bench takes its copy first: the built runtime is copied to
// bench/.work/node_modules/@unawait/runtime, which Node's resolution finds before bench's own
// node_modules for every file under bench/.work — the transformed cases still say
// `import { run } from "@unawait/runtime"`, exactly what users ship. The plugin is loaded once,
// into memory, with the same retry.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { workDir } from "./paths.mjs";

const require = createRequire(import.meta.url);
const runtimeRoot = dirname(require.resolve("@unawait/runtime/package.json"));
export const runtimeSnapshot = join(workDir, "node_modules", "@unawait", "runtime");

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function retry(what, attempt) {
  for (let i = 1; ; i++) {
    try {
      return attempt();
    } catch (error) {
      if (i === 10) throw new Error(`${what} failed 10 times (a build running elsewhere?): ${error.message}`);
      sleep(3000);
    }
  }
}

function loads(entry) {
  const script = `import(${JSON.stringify(entry)}).then((m) => { if (typeof m.run !== "function") process.exit(1); })`;
  return spawnSync(process.execPath, ["-e", script]).status === 0;
}

/** Copies the built runtime (package.json, dist/esm for bundlers, dist/node for Node) and checks
 *  that the copy loads. */
export function snapshotRuntime() {
  retry("copying the built @unawait/runtime", () => {
    rmSync(runtimeSnapshot, { recursive: true, force: true });
    if (!existsSync(join(runtimeRoot, "dist", "esm", "index.js"))) throw new Error("not built");
    cpSync(join(runtimeRoot, "package.json"), join(runtimeSnapshot, "package.json"));
    cpSync(join(runtimeRoot, "dist", "esm"), join(runtimeSnapshot, "dist", "esm"), { recursive: true });
    cpSync(join(runtimeRoot, "dist", "node"), join(runtimeSnapshot, "dist", "node"), { recursive: true });
    for (const entry of [["esm", "index.js"], ["node", "index.mjs"]]) {
      if (!loads(join(runtimeSnapshot, "dist", ...entry))) throw new Error("the copy does not load");
    }
  });
  return runtimeSnapshot;
}

let plugin;
let pluginHash;
/** @unawait/babel-plugin's default export, loaded once (and its inline runtime with it). */
export function unawaitPlugin() {
  plugin ??= retry("loading @unawait/babel-plugin", () => {
    const loaded = require("@unawait/babel-plugin").default;
    require("@unawait/runtime/inline");
    pluginHash = hashDir(dirname(require.resolve("@unawait/babel-plugin")));
    return loaded;
  });
  return plugin;
}

/** A hash of the loaded plugin's built files: part of the transform cache key. */
unawaitPlugin.fingerprint = () => (unawaitPlugin(), pluginHash);

function hashDir(dir) {
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith(".js")) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest("hex");
}
