import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface FixtureCase {
  /** `<area>/<case>`, the name the test reports. */
  name: string;
  dir: string;
  /** input.js (an ES module, the repo is "type": "module") or input.cjs (CommonJS, sloppy by default). */
  inputFile: string;
  /** output.js / output.cjs next to the input; may not exist yet. */
  outputFile: string;
  /** Plugin options from options.json. */
  options: Record<string, unknown>;
  /** Extra Babel options from babel.json (parserOpts, sourceType), never plugins. */
  babelOptions: Record<string, unknown>;
  /** Text from throws.txt: the transform must fail with a message containing it. */
  expectedError?: string;
  /** Exit status the native program must end with (exit-status.txt); 0 when absent. */
  expectedExitStatus: number;
}

/** Every `fixtures/<area>/<case>/` folder that holds an input.js or input.cjs, sorted by name. */
export function listFixtures(root: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const area of subfolders(root)) {
    for (const name of subfolders(join(root, area))) {
      const dir = join(root, area, name);
      const ext = existsSync(join(dir, "input.cjs")) ? ".cjs" : existsSync(join(dir, "input.js")) ? ".js" : null;
      if (ext) cases.push(readCase(`${area}/${name}`, dir, ext));
    }
  }
  return cases;
}

function readCase(name: string, dir: string, ext: string): FixtureCase {
  const optional = (file: string): string | undefined =>
    existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : undefined;
  const babelOptions = JSON.parse(optional("babel.json") ?? "{}") as Record<string, unknown>;
  if ("plugins" in babelOptions) throw new Error(`${name}/babel.json: plugins come from the runner; use parserOpts`);
  return {
    name,
    dir,
    inputFile: join(dir, `input${ext}`),
    outputFile: join(dir, `output${ext}`),
    options: JSON.parse(optional("options.json") ?? "{}") as Record<string, unknown>,
    babelOptions,
    expectedError: optional("throws.txt")?.trim(),
    expectedExitStatus: Number(optional("exit-status.txt")?.trim() ?? 0),
  };
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}
