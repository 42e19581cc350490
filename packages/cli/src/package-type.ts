import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export type PackageType = "module" | "commonjs" | undefined;

/** The "type" field of the nearest package.json above a directory, as Node resolves it for .js/.ts.
 *  One lookup per directory: a folder of files shares its answer. */
export class PackageTypeLookup {
  private readonly byDir = new Map<string, Promise<PackageType>>();

  typeFor(dir: string): Promise<PackageType> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookUp(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookUp(dir: string): Promise<PackageType> {
    const text = await readFile(join(dir, "package.json"), "utf8").catch(() => undefined);
    if (text !== undefined) return typeField(text);
    const parent = dirname(dir);
    return parent === dir ? undefined : this.typeFor(parent);
  }
}

/** An unreadable package.json stops the search like a readable one without "type" would:
 *  Node also stops at the first package.json it finds. */
function typeField(text: string): PackageType {
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return type === "module" || type === "commonjs" ? type : undefined;
  } catch {
    return undefined;
  }
}
