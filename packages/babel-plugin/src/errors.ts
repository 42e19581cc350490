import type { NodePath } from "@babel/core";

/** The one error class of the plugin. Babel turns `path.buildCodeFrameError` into an error whose
 *  message carries file:line:col and a code frame; we keep a stable `code` for tools. */
export class UnawaitError extends Error {
  code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = "UnawaitError";
    this.code = code;
  }
}

/** An error pointing at `path`, naming the construct and what to do instead. */
export function errorAt(path: NodePath, code: string, message: string): Error {
  const error = path.buildCodeFrameError(`[unawait] ${message}`, UnawaitError as any) as UnawaitError;
  error.code = code;
  return error;
}
