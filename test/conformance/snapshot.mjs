// A private copy of the unawait plugin's build (and of the runtime build it inlines from), taken
// when the run starts: the plugin is rebuilt while people work, and workers that start later in a
// run (the pool replaces them) must still measure the same build as the first ones.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** @returns {{ entry: string, remove: () => void }} where `entry` is the copied dist/esm/index.js */
export function snapshotPlugin(repoRoot) {
  const dir = mkdtempSync(join(tmpdir(), "unawait-conformance-"));
  const plugin = join(dir, "babel-plugin");
  copyPackage(join(repoRoot, "packages/babel-plugin"), plugin);
  copyPackage(join(repoRoot, "packages/runtime"), join(plugin, "node_modules/@unawait/runtime"));
  // @babel/* are not rebuilt by anyone: the copy resolves them where the plugin itself does.
  symlinkSync(join(repoRoot, "packages/babel-plugin/node_modules/@babel"), join(plugin, "node_modules/@babel"), "dir");
  return { entry: join(plugin, "dist/esm/index.js"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function copyPackage(from, to) {
  if (!existsSync(join(from, "dist"))) throw new Error(`${from}/dist is missing: build the package first`);
  mkdirSync(to, { recursive: true });
  cpSync(join(from, "package.json"), join(to, "package.json"));
  cpSync(join(from, "dist"), join(to, "dist"), { recursive: true });
}
