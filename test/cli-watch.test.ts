// `unawait --watch`, end to end on a temporary copy of the project fixture: a real process, real
// file changes, Ctrl-C (SIGINT) at the end. Needs `pnpm build`.
import { existsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureCopy, startCli, type LiveCli } from "../packages/cli/test/helpers/run-cli.js";

const SUMMARY = (counts: string) => new RegExp(`unawait: ${counts} → out \\(\\d+\\.\\d\\ds\\)\\n`);

let cli: LiveCli | undefined;
afterEach(() => {
  if (cli && cli.child.exitCode === null) cli.child.kill("SIGKILL");
});

describe("--watch", () => {
  it("rebuilds only what changed, keeps good output through errors, follows adds and deletes, stops on Ctrl-C", { timeout: 90_000 }, async () => {
    const root = await fixtureCopy("project");
    const src = (path: string) => join(root, "src", path);
    const out = (path: string) => join(root, "out", path);
    cli = startCli(["src", "-d", "out", "--watch", "--runtime", "inline", "--verbose"], root);
    await cli.waitFor(/unawait: watching src \(Ctrl-C to stop\)\n/, 0, 60_000);
    expect(cli.stderr()).toMatch(SUMMARY("12 transformed, 1 copied, 0 unchanged, 0 failed"));
    const good = await readFile(out("esm.mjs"), "utf8");
    const typedBefore = await readFile(out("typed.ts"), "utf8");

    // One change: one file built, nothing else touched.
    let mark = cli.stderr().length;
    await writeFile(src("esm.mjs"), "export async function load(value) {\n  return (await value) + 1;\n}\n");
    await cli.waitFor(SUMMARY("1 transformed, 0 copied, 0 unchanged, 0 failed"), mark);
    expect(cli.stderr().slice(mark)).toMatch(/^unawait: 1 file to transform, on the main thread\nsrc\/esm\.mjs → out\/esm\.mjs \(transformed\)\n/);
    const edited = await readFile(out("esm.mjs"), "utf8");
    expect(edited).toContain("return (yield value) + 1;");

    // Two saves close together: one rebuild (debounced).
    mark = cli.stderr().length;
    await writeFile(src("typed.ts"), "export async function twice(n: number) {\n  return (await n) * 3;\n}\n");
    await writeFile(src("cjs.cjs"), "exports.load = async (value) => (await value) * 2;\n");
    await cli.waitFor(SUMMARY("2 transformed, 0 copied, 0 unchanged, 0 failed"), mark);
    expect(await readFile(out("typed.ts"), "utf8")).not.toBe(typedBefore);

    // A syntax error half-way through an edit: reported, the last good output stays.
    mark = cli.stderr().length;
    await writeFile(src("esm.mjs"), "export async function load(value) {\n  return (await value;\n}\n");
    await cli.waitFor(SUMMARY("0 transformed, 0 copied, 0 unchanged, 1 failed"), mark);
    expect(cli.stderr().slice(mark)).toContain("src/esm.mjs:2:22: error: Unexpected token");
    expect(await readFile(out("esm.mjs"), "utf8")).toBe(edited);

    // Also in a statement without async syntax, which a one-off build leaves unparsed (chunks.ts).
    mark = cli.stderr().length;
    await writeFile(src("esm.mjs"), "export const first = 1;\nexport const broken = 1 +;\nexport async function load(value) {\n  return await value;\n}\n");
    await cli.waitFor(SUMMARY("0 transformed, 0 copied, 0 unchanged, 1 failed"), mark);
    expect(cli.stderr().slice(mark)).toContain("src/esm.mjs:2:26: error: Unexpected token");
    expect(await readFile(out("esm.mjs"), "utf8")).toBe(edited);

    // Even in a file without async syntax (copied, never transformed), the broken text is not copied.
    mark = cli.stderr().length;
    const plainBefore = await readFile(out("lib/no-async.js"), "utf8");
    await writeFile(src("lib/no-async.js"), "const broken = (1;\n");
    await cli.waitFor(SUMMARY("0 transformed, 0 copied, 0 unchanged, 1 failed"), mark);
    expect(cli.stderr().slice(mark)).toContain("src/lib/no-async.js:1:18: error: Unexpected token");
    expect(await readFile(out("lib/no-async.js"), "utf8")).toBe(plainBefore);

    // The fix is picked up (back to the first text: the cache has it); a new file appears in out/,
    // a deleted one leaves it.
    mark = cli.stderr().length;
    await writeFile(src("esm.mjs"), "export async function load(value) {\n  return await value;\n}\n");
    await cli.waitFor(SUMMARY("1 transformed \\(1 from cache\\), 0 copied, 0 unchanged, 0 failed"), mark);
    mark = cli.stderr().length;
    await writeFile(src("added.mjs"), "export const added = async () => 1;\n");
    await cli.waitFor(SUMMARY("1 transformed, 0 copied, 0 unchanged, 0 failed"), mark);
    expect(await readFile(out("added.mjs"), "utf8")).toContain("function* ");
    mark = cli.stderr().length;
    await rm(src("added.mjs"));
    await cli.waitFor(/src\/added\.mjs → out\/added\.mjs \(removed\)\n/, mark);
    expect(existsSync(out("added.mjs"))).toBe(false);

    // Ctrl-C: a clean exit, nothing half-written left behind.
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).toMatch(/unawait: stopped watching\n$/);
    const left = await readdir(join(root, "out"), { recursive: true });
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(await readFile(out("esm.mjs"), "utf8")).toBe(good);
  });
});
