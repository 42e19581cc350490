import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TransformResult } from "./compile-file.js";
import { thisModuleFile } from "./here.js";
import type { PluginOptions } from "./options.js";
import type { SourceMap } from "./source-maps.js";
import type { FileSyntax } from "./syntax.js";
import { writeFileAtomic } from "./write-atomic.js";

/** What one file's transform depends on, besides the versions in the cache's salt. */
export interface CacheKeyParts {
  path: string;
  bytes: Uint8Array;
  syntax: FileSyntax;
  sourceMaps: boolean;
  inputMap?: SourceMap;
}

/**
 * Transform results on disk, one JSON file per key: `<dir>/<2 hex>/<sha256>.json`. The key hashes
 * the file's bytes and path, its syntax, whether maps are made (and the input map), the plugin
 * options, and the versions of the CLI and the plugin (each with a fingerprint of its build, so a
 * rebuilt workspace package is never served stale results) and @babel/core. A hit costs one small read and
 * no Babel at all; results that failed with a located error (a syntax error) are kept too.
 * Entries are never pruned: delete the folder to reclaim the space.
 */
export class TransformCache {
  constructor(
    readonly dir: string,
    private readonly salt: string,
  ) {}

  key(parts: CacheKeyParts): string {
    const hash = createHash("sha256").update(this.salt);
    hash.update(JSON.stringify([parts.path, parts.syntax, parts.sourceMaps, parts.sourceMaps ? (parts.inputMap ?? null) : null]));
    return hash.update(parts.bytes).digest("hex");
  }

  async get(key: string): Promise<TransformResult | undefined> {
    try {
      return JSON.parse(await readFile(this.file(key), "utf8")) as TransformResult;
    } catch {
      return undefined;
    }
  }

  /** Best effort: a cache that cannot be written only costs the next run its time. */
  async set(key: string, result: TransformResult): Promise<void> {
    if (!result.ok && (result.diagnostic.line === undefined || result.diagnostic.stack)) return;
    await writeFileAtomic(this.file(key), JSON.stringify(result)).catch(() => undefined);
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/** `node_modules/.cache/unawait` in the nearest folder (from `cwd` up) with a package.json, as
 *  other tools keep theirs (find-cache-dir); `cwd` itself when there is none. */
export function defaultCacheDir(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    try {
      statSync(join(dir, "package.json"));
      return join(dir, "node_modules", ".cache", "unawait");
    } catch {
      if (dirname(dir) === dir) return join(cwd, "node_modules", ".cache", "unawait");
    }
  }
}

/** Everything outside the file that changes what the transform prints. */
export function cacheSalt(pluginOptions: PluginOptions, cliVersion: string): string {
  const require = createRequire(thisModuleFile() ?? join(process.cwd(), "index.js"));
  const here = thisModuleFile();
  return JSON.stringify({
    // 2: code the plugin leaves alone is pasted from the source, no longer printed.
    format: 2,
    cli: here ? `${cliVersion} ${folderFingerprint(dirname(here))}` : cliVersion,
    plugin: buildFingerprint(require, "@unawait/babel-plugin"),
    babel: versionOf(require, "@babel/core"),
    pluginOptions,
  });
}

function versionOf(require: NodeJS.Require, name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The version, plus the size and time of each file beside the package's entry point. */
function buildFingerprint(require: NodeJS.Require, name: string): string {
  const version = versionOf(require, name);
  try {
    return `${version} ${folderFingerprint(dirname(require.resolve(name)))}`;
  } catch {
    return version;
  }
}

/** The size and time of each file in a build folder: a rebuilt workspace package changes it. */
function folderFingerprint(dir: string): string {
  try {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort().map((file) => {
      const stats = statSync(join(dir, file));
      return `${file}:${stats.size}:${stats.mtimeMs}`;
    });
    return createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 16);
  } catch {
    return "unknown";
  }
}
