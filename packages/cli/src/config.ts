import { readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "./errors.js";
import { RUNTIME_MODES, TOP_LEVEL_AWAIT_MODES, parseExtensions, type CompileFlags } from "./options.js";
import { sourceMapMode } from "./program.js";

/** Options from a config file, with its paths made absolute. */
export interface Config {
  file: string;
  options: Partial<CompileFlags> & { inputs?: string[] };
  /** The folder that relative paths and globs in the file are read from. */
  dir: string;
}

const CONFIG_FILES = ["unawait.config.json", "unawait.config.js", "unawait.config.mjs", "unawait.config.cjs"];

type Kind = "string" | "path" | "boolean" | "globs" | "paths" | "workers" | "extensions" | "sourceMaps" | readonly string[];

/** Every key a config may hold: the long flags in camelCase, plus the inputs. */
const KEYS: Record<string, Kind> = {
  inputs: "paths",
  outDir: "path",
  outFile: "path",
  inPlace: "boolean",
  copyFiles: "boolean",
  deleteDirOnStart: "boolean",
  extensions: "extensions",
  ignore: "globs",
  only: "globs",
  sourceMaps: "sourceMaps",
  cache: "boolean",
  cacheDir: "path",
  workers: "workers",
  quiet: "boolean",
  verbose: "boolean",
  runtime: RUNTIME_MODES,
  runtimeModule: "string",
  topLevelAwait: TOP_LEVEL_AWAIT_MODES,
};

/** `--config <file>`, else the first unawait.config.* or package.json "unawait" key from `cwd` up
 *  to the nearest package.json (a project's config never comes from a folder above it). */
export async function loadConfig(cwd: string, flag: string | false | undefined): Promise<Config | undefined> {
  if (flag === false) return undefined;
  if (flag !== undefined) return readConfig(resolve(cwd, flag), cwd, true);
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const config = await readConfig(join(dir, name), cwd, false);
      if (config) return config;
    }
    const pkg = await readText(join(dir, "package.json"));
    if (pkg !== undefined) return readConfig(join(dir, "package.json"), cwd, false, pkg);
    if (dirname(dir) === dir) return undefined;
  }
}

async function readConfig(file: string, cwd: string, named: boolean, text?: string): Promise<Config | undefined> {
  const shown = relative(cwd, file) || file;
  let raw: unknown;
  if (extname(file) === ".json") {
    text ??= await readText(file);
    if (text === undefined) {
      if (named) throw new UsageError(`config file not found: ${shown}`);
      return undefined;
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${shown} is not valid JSON: ${(error as Error).message}`);
    }
    if (basename(file) === "package.json") {
      raw = (raw as { unawait?: unknown } | null)?.unawait;
      if (raw === undefined) {
        if (named) throw new UsageError(`${shown} has no "unawait" key`);
        return undefined;
      }
    }
  } else {
    if ((await readText(file)) === undefined) {
      if (named) throw new UsageError(`config file not found: ${shown}`);
      return undefined;
    }
    try {
      const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
      raw = loaded.default ?? loaded;
    } catch (error) {
      throw new UsageError(`${shown} could not be loaded: ${(error as Error).message}`);
    }
  }
  return { file, dir: dirname(file), options: validate(raw, shown, dirname(file)) };
}

function validate(raw: unknown, shown: string, dir: string): Config["options"] {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageError(`${shown} must hold an object of options`);
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const kind = KEYS[key];
    if (!kind) throw new UsageError(`${shown}: unknown option "${key}" (known: ${Object.keys(KEYS).join(", ")})`);
    const converted = convert(kind, value, dir);
    if (converted === undefined) throw new UsageError(`${shown}: "${key}" must be ${describe(kind)}, got ${JSON.stringify(value)}`);
    options[key] = converted;
  }
  return options;
}

function convert(kind: Kind, value: unknown, dir: string): unknown {
  const strings = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === "string" && s !== "") ? (v as string[]) : undefined);
  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  if (Array.isArray(kind)) return kind.includes(value as string) ? value : undefined;
  switch (kind) {
    case "string":
      return typeof value === "string" && value !== "" ? value : undefined;
    case "path":
      return typeof value === "string" && value !== "" ? absolute(value) : undefined;
    case "paths":
      return strings(value)?.map(absolute);
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "globs":
      return strings(value);
    case "workers":
      return Number.isInteger(value) && (value as number) >= 1 ? value : undefined;
    case "extensions": {
      const list = typeof value === "string" ? parseExtensions(value) : strings(value)?.flatMap((e) => parseExtensions(e));
      return list && list.length > 0 ? list : undefined;
    }
    case "sourceMaps":
      try {
        return typeof value === "boolean" || typeof value === "string" ? sourceMapMode(value) : undefined;
      } catch {
        return undefined;
      }
  }
}

function describe(kind: Kind): string {
  if (Array.isArray(kind)) return `one of ${kind.map((k) => JSON.stringify(k)).join(", ")}`;
  const words: Record<string, string> = {
    string: "a non-empty string",
    path: "a path",
    paths: "a list of paths",
    boolean: "true or false",
    globs: "a list of globs",
    workers: "a whole number of at least 1",
    extensions: 'a list such as [".js", ".ts"]',
    sourceMaps: 'true, false, "inline" or "both"',
  };
  return words[kind as string];
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}

/** A flag on the command line also sets aside the config's options that would contradict it:
 *  `-v` beats a config's `"quiet": true`, `-o` its `"outDir"`. */
const SETS_ASIDE: Record<string, string[]> = {
  verbose: ["quiet"],
  quiet: ["verbose"],
  outFile: ["outDir", "inPlace", "copyFiles", "deleteDirOnStart"],
  outDir: ["outFile", "inPlace"],
  inPlace: ["outDir", "outFile", "copyFiles", "deleteDirOnStart", "sourceMaps", "watch"],
  cache: ["cacheDir"],
};

/** Flags given on the command line win; the config fills in the rest. */
export function mergeConfig(flags: CompileFlags, given: Set<string>, config: Config | undefined): CompileFlags {
  if (!config) return flags;
  const setAside = new Set([...given].flatMap((key) => SETS_ASIDE[key] ?? []));
  const merged: Record<string, unknown> = { ...flags };
  for (const [key, value] of Object.entries(config.options)) {
    if (key !== "inputs" && !given.has(key) && !setAside.has(key)) merged[key] = value;
  }
  return merged as unknown as CompileFlags;
}
