import { readFile } from "node:fs/promises";
import { toDiagnostic, type Diagnostic } from "./diagnostics.js";
import { PackageTypeLookup } from "./package-type.js";
import { syntaxFor } from "./syntax.js";
import { transformSource, type TransformSettings } from "./transform.js";

export type CompileResult =
  | { ok: true; source: string; code: string }
  | { ok: false; source?: string; diagnostic: Diagnostic };

/** Reads and transforms one file; never throws, so one bad file cannot stop the others.
 *  This is the unit of work a worker pool would take over. */
export type CompileFile = (path: string) => Promise<CompileResult>;

export function createCompiler(settings: TransformSettings): CompileFile {
  const packageTypes = new PackageTypeLookup();
  return async (path) => {
    let source: string | undefined;
    try {
      source = await readFile(path, "utf8");
      const syntax = await syntaxFor(path, packageTypes);
      const code = await transformSource(source, path, syntax, settings);
      return { ok: true, source, code };
    } catch (error) {
      return { ok: false, source, diagnostic: toDiagnostic(error, path, source) };
    }
  };
}
