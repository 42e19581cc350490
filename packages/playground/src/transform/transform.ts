import { transformSync } from "@babel/core";
import unawait from "@unawait/babel-plugin";

/** How the generator form reaches the runtime: runs always use "inline", the pane may show either. */
export type RuntimeDelivery = "inline" | "import";

export interface SourceMapV3 {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  sourcesContent?: (string | null)[];
  file?: string;
}

/** A gotcha the plugin's `warnings` option found: `loc.line` is 1-based, `loc.column` 0-based. */
export interface GotchaWarning {
  code: string;
  message: string;
  loc?: { line: number; column: number };
}

export interface TransformOptions {
  /** Ask the plugin for its gotcha warnings (forEach(async …), floating promises, …). */
  warnings?: boolean;
}

export type TransformResult =
  | { ok: true; code: string; map: SourceMapV3; warnings: GotchaWarning[] }
  | { ok: false; message: string; frame: string; loc?: { line: number; column: number } };

export const SOURCE_NAME = "input.js";

/**
 * The real plugin through the real @babel/core, the same path the CLI takes. Parsed as a module
 * so that top-level await reaches the plugin and gets its own error; both forms are then run as
 * classic scripts, so strictness is the same on both sides.
 */
export function transformAsyncCode(source: string, runtime: RuntimeDelivery, { warnings = false }: TransformOptions = {}): TransformResult {
  try {
    const result = transformSync(source, {
      babelrc: false,
      configFile: false,
      browserslistConfigFile: false,
      cwd: "/",
      envName: "playground",
      filename: SOURCE_NAME,
      sourceType: "module",
      sourceMaps: true,
      plugins: [[unawait, { runtime, warnings }]],
    });
    if (!result?.code || !result.map) return { ok: false, message: "Babel returned no code", frame: "" };
    const found = (result.metadata as { unawait?: { warnings?: GotchaWarning[] } }).unawait?.warnings ?? [];
    return { ok: true, code: result.code, map: result.map as SourceMapV3, warnings: found };
  } catch (error) {
    return describeFailure(error);
  }
}

function describeFailure(error: unknown): TransformResult & { ok: false } {
  const raw = error instanceof Error ? error.message : String(error);
  const [first = "", ...rest] = raw.split("\n");
  // Babel prefixes the file name ("/input.js: …", "unknown file: …"); the pane already says which.
  const message = first.replace(/^(?:\/?input\.js|unknown file|unknown): /, "");
  const loc = (error as { loc?: { line: number; column: number } }).loc ?? locFromMessage(first);
  return { ok: false, message, frame: rest.join("\n").replace(/^\n+/, ""), loc: loc && { line: loc.line, column: loc.column } };
}

function locFromMessage(message: string): { line: number; column: number } | undefined {
  const match = /\((\d+):(\d+)\)\s*$/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}
