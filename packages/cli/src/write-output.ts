import { readFile, stat } from "node:fs/promises";
import type { SourceMapMode } from "./options.js";
import { identityMap, withSourceMap, type SourceMap } from "./source-maps.js";
import { copyFileAtomic, writeFileAtomic } from "./write-atomic.js";

/** What ends up in the output file (and its .map), before it is written. */
export interface OutputText {
  code: string | Buffer;
  mapText?: string;
}

/** A transformed file's text: a final newline, and the map as `--source-maps` asks. */
export function transformedText(code: string, map: SourceMap | undefined, mode: SourceMapMode | false, target: string): OutputText {
  const body = withFinalNewline(code);
  if (!mode || !map) return { code: body };
  return withSourceMap(body, map, mode, target);
}

/** A file without async syntax: its bytes; with maps, its code (input map comment removed) and
 *  the input's own map, or one that maps every token to itself. */
export function copiedText(bytes: Buffer, code: string, path: string, inputMap: SourceMap | undefined, mode: SourceMapMode | false, target: string): OutputText {
  if (!mode) return { code: bytes };
  return withSourceMap(code, inputMap ?? identityMap(code, path), mode, target);
}

/** Writes `target` (and `target.map`) unless they already hold exactly this; "unchanged" then.
 *  Reading first is cheaper than writing, and leaves file times alone for tools that watch them. */
export async function writeOutput(target: string, text: OutputText, mode?: number): Promise<"written" | "unchanged"> {
  const mapTarget = `${target}.map`;
  if ((await holds(target, text.code)) && (text.mapText === undefined || (await holds(mapTarget, text.mapText)))) {
    return "unchanged";
  }
  if (text.mapText !== undefined) await writeFileAtomic(mapTarget, text.mapText);
  await writeFileAtomic(target, text.code, mode);
  return "written";
}

/** `--copy-files`: the file as it is, with its permission bits. */
export async function copyOutput(source: string, target: string): Promise<"written" | "unchanged"> {
  const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
  if (to && to.size === from.size && (to.mode & 0o777) === (from.mode & 0o777)) {
    const [a, b] = await Promise.all([readFile(source), readFile(target)]);
    if (a.equals(b)) return "unchanged";
  }
  await copyFileAtomic(source, target);
  return "written";
}

async function holds(path: string, content: string | Buffer): Promise<boolean> {
  const existing = await readFile(path).catch(() => undefined);
  if (!existing) return false;
  return typeof content === "string" ? existing.length === Buffer.byteLength(content) && existing.toString("utf8") === content : existing.equals(content);
}

export function withFinalNewline(code: string): string {
  return code === "" || code.endsWith("\n") ? code : `${code}\n`;
}
