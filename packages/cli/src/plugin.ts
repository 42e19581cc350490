import type { PluginObj } from "@babel/core";
import type { PluginOptions } from "./options.js";

/** The shape every Babel plugin has; all the CLI relies on from @unawait/babel-plugin. */
export type BabelPlugin = (api: any, options: PluginOptions, dirname: string) => PluginObj;

const PLUGIN_MODULE = "@unawait/babel-plugin";

/** The transform cannot run at all: one message for the run, not one per file. */
export class PluginLoadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PluginLoadError";
  }
}

/** Loaded on first use, so `--help`, `--version` and usage errors never pay for (or trip over)
 *  loading the transform. */
export async function loadPlugin(): Promise<BabelPlugin> {
  let loaded: { default?: unknown };
  try {
    loaded = (await import(PLUGIN_MODULE)) as { default?: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PluginLoadError(`cannot load ${PLUGIN_MODULE} (is it installed and built?): ${reason}`, { cause: error });
  }
  const plugin = unwrapDefault(loaded.default ?? loaded);
  if (typeof plugin !== "function") {
    throw new PluginLoadError(`${PLUGIN_MODULE} has no default export that is a Babel plugin function`);
  }
  return plugin as BabelPlugin;
}

/** A CommonJS build seen through ESM interop may nest the default export one level deeper. */
function unwrapDefault(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "default" in value) return (value as { default: unknown }).default;
  return value;
}
