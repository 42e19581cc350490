#!/usr/bin/env node
// Builds the package in the current directory to dist/esm and dist/cjs (with declarations).
// Two tsc runs instead of a bundler: the output stays one file per source module, readable.
// It builds into a temporary folder and swaps it in, so a test reading dist while another
// build runs never sees it half-written.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const out = `dist.tmp-${process.pid}`;
rmSync(out, { recursive: true, force: true });
try {
  const common = ["-p", "tsconfig.json", "--noEmit", "false", "--rootDir", "src"];
  execFileSync(process.execPath, [tsc, ...common, "--outDir", `${out}/esm`], { stdio: "inherit" });
  execFileSync(process.execPath, [tsc, ...common, "--outDir", `${out}/cjs`, "--module", "commonjs", "--moduleResolution", "node10", "--declaration", "false", "--declarationMap", "false"], { stdio: "inherit" });
  mkdirSync(`${out}/cjs`, { recursive: true });
  writeFileSync(`${out}/cjs/package.json`, '{ "type": "commonjs" }\n');
  const old = `dist.old-${process.pid}`;
  try { renameSync("dist", old); } catch {}
  renameSync(out, "dist");
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(out, { recursive: true, force: true });
}
