// A saved reproducer: the minimized program under a header comment saying where it came from and
// what each side printed. Replaying only needs the program; the header is for the reader.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPRODUCERS_DIR = fileURLToPath(new URL("./reproducers/", import.meta.url));

function commentLines(title, lines) {
  return [`// ${title}:`, ...(lines.length ? lines.map((line) => `//   ${line}`) : ["//   (nothing)"])];
}

/**
 * @param {{ seed: number, options: object, native: string[], transformed: string[],
 *   originalLength: number, code: string }} found
 */
export function formatReproducer(found) {
  const header = [
    `// unawait fuzz reproducer — seed ${found.seed}, minimized from ${found.originalLength} to ${found.code.length} characters.`,
    `// Generated with: pnpm fuzz --seeds ${found.seed}..${found.seed}${flags(found.options)}`,
    `// options: ${JSON.stringify(found.options)}`,
    ...commentLines("native log", found.native),
    ...commentLines("transformed log", found.transformed),
  ];
  return `${header.join("\n")}\n\n${found.code}`;
}

function flags(options) {
  const out = [];
  if (options.asyncGenerators) out.push(" --async-generators");
  if (options.transform !== "unawait") out.push(` --transform ${options.transform}`);
  if (options.runtime !== "require") out.push(` --runtime ${options.runtime}`);
  return out.join("");
}

/** Every saved reproducer: { name, code, options } (options from the header, when present). */
export function readReproducers(dir = REPRODUCERS_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".js"))
    .sort()
    .map((name) => {
      const code = readFileSync(join(dir, name), "utf8");
      const match = /^\/\/ options: (.*)$/m.exec(code);
      return { name, code, options: match ? JSON.parse(match[1]) : {} };
    });
}
