#!/usr/bin/env node
// Builds the package in the current directory to dist/esm and dist/cjs (with declarations).
// Two tsc runs instead of a bundler: the output stays one file per source module, readable.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
const common = ["-p", "tsconfig.json", "--noEmit", "false", "--rootDir", "src"];
execFileSync(process.execPath, [tsc, ...common, "--outDir", "dist/esm"], { stdio: "inherit" });
execFileSync(process.execPath, [tsc, ...common, "--outDir", "dist/cjs", "--module", "commonjs", "--moduleResolution", "node10", "--declaration", "false", "--declarationMap", "false"], { stdio: "inherit" });
mkdirSync("dist/cjs", { recursive: true });
writeFileSync("dist/cjs/package.json", '{ "type": "commonjs" }\n');
