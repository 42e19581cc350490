import { relative } from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import type { Colors } from "./colors.js";

/** One failure, in a shape independent of where it came from (parser, plugin, file system). */
export interface Diagnostic {
  file: string;
  message: string;
  /** 1-based line and column; absent when the error has no place in the source. */
  line?: number;
  column?: number;
  /** 1-based column just after the marked range, when the error marked one on a single line. */
  endColumn?: number;
  /** The source the location points into, to draw a code frame. */
  source?: string;
  /** A stable code when the source of the error gave one (the plugin's `error.code`, an errno). */
  code?: string;
  /** Kept only for errors that look like bugs (no location, not an I/O error), to be reported. */
  stack?: string;
}

/** Babel reports places two ways: parser errors carry `loc` (0-based column); errors a plugin
 *  builds with `path.buildCodeFrameError` carry only a code frame inside the message. Both are
 *  prefixed with "<filename>: ". We read the place from either and drop Babel's rendering. */
export function toDiagnostic(error: unknown, file: string, source?: string): Diagnostic {
  if (!(error instanceof Error)) return { file, message: String(error) };
  const place = placeOf(error);
  const message = messageOf(error, file);
  const rawCode = (error as { code?: unknown }).code;
  const code = typeof rawCode === "string" ? rawCode : undefined;
  if (place) return { file, message, source, code, ...place };
  const isSystemError = typeof (error as NodeJS.ErrnoException).syscall === "string";
  const stack = isSystemError ? undefined : stackFrames(error);
  return { file, message, code, ...(stack ? { stack } : {}) };
}

/** Only the `at ...` lines: the message part of a stack repeats what is already printed. */
function stackFrames(error: Error): string | undefined {
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.join("\n") : undefined;
}

type Place = Pick<Diagnostic, "line" | "column" | "endColumn">;

function placeOf(error: Error): Place | undefined {
  const loc = (error as { loc?: { line?: unknown; column?: unknown } }).loc;
  if (loc && typeof loc.line === "number" && typeof loc.column === "number") {
    return { line: loc.line, column: loc.column + 1 };
  }
  return placeInFrame(error.message);
}

/** In a frame, the marked line reads `> 12 |   code` and the next one `   |   ^^^`. */
function placeInFrame(message: string): Place | undefined {
  const lines = message.split("\n");
  const marked = lines.findIndex((line) => /^>\s*\d+\s\|/.test(line));
  if (marked < 0) return undefined;
  const line = Number(/\d+/.exec(lines[marked])![0]);
  const codeStart = lines[marked].indexOf("|") + 2;
  const marker = /\^+/.exec(lines[marked + 1] ?? "");
  if (!marker) return { line, column: 1 };
  const column = marker.index - codeStart + 1;
  return { line, column, endColumn: marker[0].length > 1 ? column + marker[0].length : undefined };
}

const FRAME_LINE = /^[ >] *\d* \|( |$)/;

/** Babel's advice for `import` in a script speaks of Babel config files, which the CLI has none of. */
const BABEL_CONFIG_ADVICE = /^Consider renaming the file to '\.mjs', or setting sourceType:module .*$/m;
const CLI_ADVICE =
  'Consider renaming the file to .mjs (or .mts), or setting "type": "module" in the nearest package.json.';

function messageOf(error: Error, file: string): string {
  let text = error.message;
  for (const prefix of [`${file}: `, "unknown file: "]) {
    if (text.startsWith(prefix)) text = text.slice(prefix.length);
  }
  return text
    .split("\n")
    .filter((line) => !FRAME_LINE.test(line))
    .join("\n")
    .replace(/ \(\d+:\d+\)(:?)$/m, "$1")
    .replace(BABEL_CONFIG_ADVICE, CLI_ADVICE)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `path:line:col: error: message`, then a code frame — the place is clickable in editors and terminals. */
export function formatDiagnostic(diagnostic: Diagnostic, cwd: string, c: Colors): string {
  const { line, column } = diagnostic;
  const where = relative(cwd, diagnostic.file) + (line ? `:${line}:${column}` : "");
  let text = `${c.bold(where)}: ${c.red(c.bold("error"))}: ${diagnostic.message}\n`;
  if (line && diagnostic.source !== undefined) text += `\n${frame(diagnostic, c.isColorSupported)}\n`;
  if (diagnostic.stack) text += `\n${c.dim(diagnostic.stack)}\n`;
  return text;
}

function frame(diagnostic: Diagnostic, color: boolean): string {
  const start = { line: diagnostic.line!, column: diagnostic.column };
  const end = diagnostic.endColumn ? { line: diagnostic.line!, column: diagnostic.endColumn } : undefined;
  return codeFrameColumns(diagnostic.source!, { start, end }, { highlightCode: color, forceColor: color });
}

/** `path:line:col: warning: message [CODE]`, for what the plugin reports without failing. */
export function formatWarning(file: string, warning: { code: string; message: string; loc?: { line: number; column: number } }, cwd: string, c: Colors): string {
  const where = relative(cwd, file) + (warning.loc ? `:${warning.loc.line}:${warning.loc.column + 1}` : "");
  return `${c.bold(where)}: ${c.yellow(c.bold("warning"))}: ${warning.message.replace(/^\[unawait\] /, "")} ${c.dim(`[${warning.code}]`)}\n`;
}
