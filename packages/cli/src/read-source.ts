import { readFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import type { Diagnostic } from "./diagnostics.js";

export type ReadResult = { ok: true; bytes: Buffer; text: string } | { ok: false; diagnostic: Diagnostic };

const MESSAGES: Record<string, string> = {
  ENOENT: "cannot read the file: it does not exist (a broken symbolic link?)",
  EACCES: "cannot read the file: permission denied",
  EPERM: "cannot read the file: permission denied",
  ELOOP: "cannot read the file: it is a symbolic link loop",
  EISDIR: "cannot read the file: it is a directory",
};

/** Reads a source file as UTF-8 text. Anything else (unreadable, another encoding) is a diagnostic
 *  with a place where there is one, never a guess at the text. */
export async function readSource(path: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, diagnostic: readError(error as NodeJS.ErrnoException, path) };
  }
  return decodeSource(bytes, path);
}

/** Bytes as UTF-8 text, or the diagnostic pointing at the first byte that is not (stdin uses it too). */
export function decodeSource(bytes: Buffer, path: string): ReadResult {
  if (!isUtf8(bytes)) return { ok: false, diagnostic: notUtf8(bytes, path) };
  return { ok: true, bytes, text: bytes.toString("utf8") };
}

export function readError(error: NodeJS.ErrnoException, path: string): Diagnostic {
  const known = error.code ? MESSAGES[error.code] : undefined;
  return { file: path, message: known ?? `cannot read the file: ${error.message}`, code: error.code };
}

/** Points at the first byte that is not UTF-8; the frame shows the text before it. */
function notUtf8(bytes: Buffer, path: string): Diagnostic {
  const offset = firstInvalidByte(bytes);
  const before = bytes.subarray(0, offset).toString("utf8");
  const lines = before.split("\n");
  const hint = bytes[0] === 0xff || bytes[0] === 0xfe ? " (it looks like UTF-16: save it as UTF-8)" : "";
  return {
    file: path,
    message: `not UTF-8 text: byte 0x${bytes[offset].toString(16).padStart(2, "0")} cannot start or continue a character${hint}`,
    line: lines.length,
    column: lines[lines.length - 1].length + 1,
    // Decoded with U+FFFD in place of the bad bytes, so the frame can show where they are.
    source: bytes.toString("utf8"),
    code: "NOT_UTF8",
  };
}

/** The offset of the first byte that breaks UTF-8 (only called on a buffer known to be invalid). */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length - 1;
}
