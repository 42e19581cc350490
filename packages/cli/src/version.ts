import { readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { thisModuleFile } from "./here.js";

const PACKAGE_NAME = "@unawait/cli";

/** The version in our package.json. The package is compiled to both ESM and CommonJS, so neither
 *  `import.meta.url` nor `__dirname` is available to every build; instead we walk up from this
 *  module's own file (here.ts), symlinks resolved — from the script Node was started with when
 *  that is unknown. */
export function ownVersion(entry: string | undefined = thisModuleFile() ?? process.argv[1]): string {
  if (!entry) return "unknown";
  let dir: string;
  try {
    dir = dirname(realpathSync(entry));
  } catch {
    return "unknown";
  }
  for (;;) {
    const version = versionIn(dir);
    if (version) return version;
    const parent = dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}

function versionIn(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
    return pkg.name === PACKAGE_NAME && typeof pkg.version === "string" ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
