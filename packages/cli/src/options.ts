/** What the command line (and a config file) asks for, after commander has parsed it. */

export const RUNTIME_MODES = ["auto", "import", "require", "inline"] as const;
export const TOP_LEVEL_AWAIT_MODES = ["error", "wrap"] as const;
export const SOURCE_MAP_MODES = ["true", "inline", "both", "false"] as const;

export type RuntimeMode = (typeof RUNTIME_MODES)[number];
export type TopLevelAwaitMode = (typeof TOP_LEVEL_AWAIT_MODES)[number];
/** `true`: a .map file beside each output; `inline`: a data: URL comment; `both`. */
export type SourceMapMode = "true" | "inline" | "both";

/** The options of @unawait/babel-plugin that the CLI exposes as flags. */
export interface PluginOptions {
  runtime?: RuntimeMode;
  runtimeModule?: string;
  topLevelAwait?: TopLevelAwaitMode;
  /** The plugin's `warnings` option (the `--warn` flag). */
  warnings?: boolean;
}

/** Flags shared by every command that runs the transform. */
export interface TransformFlags extends PluginOptions {
  /** `--warn`: report the async gotchas (the plugin's `warnings` option). */
  warn?: boolean;
  /** commander's `--no-color` sets this to false. */
  color: boolean;
  config?: string | false;
}

/** Everything the default command takes; each may also come from a config file. */
export interface CompileFlags extends TransformFlags {
  outDir?: string;
  outFile?: string;
  inPlace?: boolean;
  copyFiles?: boolean;
  deleteDirOnStart?: boolean;
  extensions?: string[];
  ignore?: string[];
  only?: string[];
  sourceMaps?: SourceMapMode | false;
  cache?: boolean;
  cacheDir?: string;
  workers?: number;
  watch?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** The name stdin's code is given (its extension picks the syntax). */
  filename?: string;
}

/** Only the flags the user gave reach the plugin, so its own defaults stay the single source of truth. */
export function pluginOptionsFrom(flags: PluginOptions): PluginOptions {
  const options: PluginOptions = {};
  if (flags.runtime !== undefined) options.runtime = flags.runtime;
  if (flags.runtimeModule !== undefined) options.runtimeModule = flags.runtimeModule;
  if (flags.topLevelAwait !== undefined) options.topLevelAwait = flags.topLevelAwait;
  const warn = (flags as TransformFlags).warn ?? flags.warnings;
  if (warn !== undefined) options.warnings = warn;
  return options;
}

/** `--extensions js,.ts` → [".js", ".ts"]. */
export function parseExtensions(value: string): string[] {
  return value
    .split(",")
    .map((ext) => ext.trim())
    .filter((ext) => ext !== "")
    .map((ext) => (ext.startsWith(".") ? ext : `.${ext}`));
}
