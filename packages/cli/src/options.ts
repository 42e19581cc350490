/** What the command line asks for, after commander has parsed and validated it. */

export const RUNTIME_MODES = ["auto", "import", "require", "inline"] as const;
export const TOP_LEVEL_AWAIT_MODES = ["error", "wrap"] as const;

export type RuntimeMode = (typeof RUNTIME_MODES)[number];
export type TopLevelAwaitMode = (typeof TOP_LEVEL_AWAIT_MODES)[number];

/** The options of @unawait/babel-plugin that the CLI exposes as flags. */
export interface PluginOptions {
  runtime?: RuntimeMode;
  runtimeModule?: string;
  topLevelAwait?: TopLevelAwaitMode;
}

/** Flags shared by every command that runs the transform. */
export interface TransformFlags extends PluginOptions {
  /** commander's `--no-color` sets this to false. */
  color: boolean;
}

export interface CompileFlags extends TransformFlags {
  outDir?: string;
  copyFiles?: boolean;
  quiet?: boolean;
}

/** Only the flags the user gave reach the plugin, so its own defaults stay the single source of truth. */
export function pluginOptionsFrom(flags: PluginOptions): PluginOptions {
  const options: PluginOptions = {};
  if (flags.runtime !== undefined) options.runtime = flags.runtime;
  if (flags.runtimeModule !== undefined) options.runtimeModule = flags.runtimeModule;
  if (flags.topLevelAwait !== undefined) options.topLevelAwait = flags.topLevelAwait;
  return options;
}
