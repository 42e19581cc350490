import type { NodePath } from "@babel/core";

/** The one error class of the plugin. Babel turns `path.buildCodeFrameError` into an error whose
 *  message carries file:line:col and a code frame; we keep a stable `code` for tools. */
export class UnawaitError extends Error {
  code: string;
  /** 1-based line and 0-based column, as in Babel's parser errors. */
  loc?: { line: number; column: number };
  constructor(message: string, code: string) {
    super(message);
    this.name = "UnawaitError";
    this.code = code;
  }
}

/** An error pointing at `path`, naming the construct and what to do instead. */
export function errorAt(path: NodePath, code: string, message: string): Error {
  const start = path.node.loc?.start;
  const where = start ? ` (${start.line}:${start.column})` : "";
  const error = path.buildCodeFrameError(`[unawait] ${message}${where}`, UnawaitError as any) as UnawaitError;
  error.code = code;
  if (start) error.loc = { line: start.line, column: start.column };
  return error;
}
