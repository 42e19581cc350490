#!/usr/bin/env node
// Builds @unawait/runtime/inline: the runtime's modules as plain script chunks (imports and
// exports removed, in dependency order), with what each exports and needs. The plugin's
// `runtime: "inline"` option copies just the chunks a file needs into
//   (() => { …chunks… return { run, … }; })()
// (scripts, the playground, test262's isolated realms). Run from packages/runtime after tsc.
//
// It also writes dist/node/index.{mjs,cjs}: those chunks in one module scope, which package.json
// gives to Node (the "node" export condition). Across module boundaries every captured intrinsic
// (promiseThen, generatorNext, …) is an import binding the JIT cannot treat as a constant, so calls
// through it are never specialised; in one scope they are `const`s and are (measured with
// `pnpm bench`: short calls 2.0× → 1.8× native, fib 3.4× → 2.6×). Bundlers keep the
// per-module dist/esm, which they scope-hoist themselves and tree-shake module by module.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseSync, transformFromAstSync } from "@babel/core";

const esm = "dist/esm";
const order = []; // { file, code, deps, exports } in dependency order
const seen = new Set();
const exported = [];
const declared = new Map();

function topLevelNames(body) {
  const names = [];
  for (const node of body) {
    if (node.id) names.push(node.id.name);
    for (const d of node.declarations ?? []) collect(d.id, names);
  }
  return names;
}
function collect(pattern, names) {
  if (pattern.type === "Identifier") names.push(pattern.name);
  else if (pattern.type === "ObjectPattern") pattern.properties.forEach((p) => collect(p.value ?? p.argument, names));
  else if (pattern.type === "ArrayPattern") pattern.elements.forEach((e) => e && collect(e, names));
  else if (pattern.type === "RestElement") collect(pattern.argument, names);
  else if (pattern.type === "AssignmentPattern") collect(pattern.left, names);
}

function visit(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const ast = parseSync(readFileSync(file, "utf8"), { sourceType: "module", configFile: false, babelrc: false });
  for (const node of ast.program.body) {
    if ((node.type === "ImportDeclaration" || node.type.startsWith("Export")) && node.source) {
      visit(join(dirname(file), node.source.value));
    }
  }
  const body = [];
  const deps = [];
  const exports = [];
  for (const node of ast.program.body) {
    if ((node.type === "ImportDeclaration" || node.type.startsWith("Export")) && node.source && node.importKind !== "type") {
      deps.push(join(dirname(file), node.source.value));
    }
  }
  for (const node of ast.program.body) {
    if (node.type === "ImportDeclaration") continue;
    if (node.type === "ExportNamedDeclaration") {
      if (file.endsWith("index.js") && node.specifiers) {
        for (const s of node.specifiers) if (node.exportKind !== "type") exported.push(s.exported.name);
      }
      if (node.declaration) {
        body.push(node.declaration);
        if (node.declaration.id) exports.push(node.declaration.id.name);
        for (const d of node.declaration.declarations ?? []) if (d.id.type === "Identifier") exports.push(d.id.name);
      }
      continue;
    }
    body.push(node);
  }
  ast.program.body = body;
  for (const name of topLevelNames(body)) {
    if (declared.has(name)) throw new Error(`build-inline: top-level name "${name}" of ${file} is also declared in ${declared.get(name)}; runtime modules share one scope when inlined, so give it a unique name.`);
    declared.set(name, file);
  }
  const { code } = transformFromAstSync(ast, undefined, { configFile: false, babelrc: false, comments: false, compact: false });
  if (!file.endsWith("index.js")) order.push({ file, code, deps, exports });
}

visit(join(esm, "index.js"));
const unique = [...new Set(exported)];
const modules = order.map(({ file, code, deps, exports }) => ({
  name: file.slice(esm.length + 1),
  code,
  deps: deps.filter((d) => !d.endsWith("index.js")).map((d) => d.slice(esm.length + 1)),
  exports,
}));
const text = `export const inlineModules = ${JSON.stringify(modules)};\nexport const inlineExports = ${JSON.stringify(unique)};\n`;
writeFileSync(join(esm, "inline.js"), text);
writeFileSync(join(esm, "inline.d.ts"),
  "export interface InlineModule { name: string; code: string; deps: string[]; exports: string[] }\n" +
  "export declare const inlineModules: InlineModule[];\nexport declare const inlineExports: string[];\n");
writeFileSync("dist/cjs/inline.js", `"use strict";\nexports.inlineModules = ${JSON.stringify(modules)};\nexports.inlineExports = ${JSON.stringify(unique)};\n`);

// The one-scope entry points for Node (see the header). Chunks are plain scripts without imports.
const body = order.map(({ file, code }) => `// ${file.slice(esm.length + 1)}\n${code}`).join("\n");
const banner = "// @unawait/runtime for Node: its modules in one scope (scripts/build-inline.mjs).\n";
mkdirSync("dist/node", { recursive: true });
writeFileSync("dist/node/index.mjs", `${banner}${body}\nexport { ${unique.join(", ")} };\n`);
writeFileSync("dist/node/index.cjs", `"use strict";\n${banner}Object.defineProperty(exports, "__esModule", { value: true });\n${body}\n` +
  unique.map((name) => `exports.${name} = ${name};`).join("\n") + "\n");
