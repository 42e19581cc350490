import { fileURLToPath } from "node:url";

/** The path of this module's file, in the ESM and the CommonJS build alike (`import.meta.url`
 *  does not compile to CommonJS, `__filename` does not exist in ESM): V8's call sites know it. */
export function thisModuleFile(): string | undefined {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, frames) => frames;
    const frames = new Error().stack as unknown as NodeJS.CallSite[];
    const name = frames[0]?.getFileName();
    if (!name) return undefined;
    return name.startsWith("file:") ? fileURLToPath(name) : name;
  } finally {
    Error.prepareStackTrace = original;
  }
}
