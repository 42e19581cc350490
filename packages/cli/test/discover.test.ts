import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover, isInside } from "../src/discover.js";
import { UsageError } from "../src/errors.js";
import { makeTree } from "./helpers/tree.js";

describe("discover", async () => {
  const root = await makeTree({
    "src/a.js": "",
    "src/lib/b.ts": "",
    "src/lib/b.d.ts": "",
    "src/data.json": "{}",
    "src/node_modules/dep/index.js": "",
    "src/lib/node_modules/dep/index.js": "",
    "src/.cache/c.js": "",
    "src/.env": "",
    "other/a.js": "",
    "top.mjs": "",
    "readme.md": "",
  });
  const relatives = async (inputs: string[], outDir?: string) =>
    (await discover(inputs, root, outDir)).files.map((f) => [f.relative, f.kind, f.named]);

  it("walks a directory in sorted order, skipping node_modules and dot entries", async () => {
    expect(await relatives(["src"])).toEqual([
      ["a.js", "source", false],
      ["data.json", "other", false],
      ["lib/b.d.ts", "other", false],
      ["lib/b.ts", "source", false],
    ]);
  });

  it("names a file given on the command line by its base name", async () => {
    const found = await discover(["top.mjs"], root);
    expect(found).toEqual({ singleFile: true, dirs: [], files: [{ path: join(root, "top.mjs"), relative: "top.mjs", kind: "source", named: true }] });
    expect((await discover(["readme.md"], root)).files[0]).toMatchObject({ kind: "other", named: true });
  });

  it("reads an explicitly named node_modules folder (only nested ones are skipped)", async () => {
    expect(await relatives(["src/node_modules/dep"])).toEqual([["index.js", "source", false]]);
  });

  it("is not a single file when given a directory or several inputs", async () => {
    expect((await discover(["src"], root)).singleFile).toBe(false);
    expect((await discover(["top.mjs", "readme.md"], root)).singleFile).toBe(false);
  });

  it("processes a file named twice once", async () => {
    expect(await relatives(["top.mjs", "./top.mjs"])).toEqual([["top.mjs", "source", true]]);
  });

  it.each([
    [["missing.js"], undefined, "input not found: missing.js"],
    [["src", "other"], "out", /both be written to a\.js/],
    [["src"], "src/dist", "--out-dir src/dist is inside the input src; choose an output directory outside it"],
    [["src"], "src", /is inside the input src/],
    [["."], "dist", /is inside the input \./],
    [["src/a.js"], "src", "the input src/a.js is inside --out-dir src; the output directory is never read as input"],
    [["src"], "readme.md", "--out-dir readme.md exists and is not a directory"],
  ])("refuses %j with out-dir %s", async (inputs, outDir, message) => {
    const attempt = discover(inputs, root, outDir);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe("isInside", () => {
  it.each([
    ["/a/b", "/a", true],
    ["/a", "/a", true],
    ["/a/b/c", "/a/b", true],
    ["/ab", "/a", false],
    ["/a", "/a/b", false],
    ["/a/..b", "/a", true],
  ])("%s inside %s: %s", (child, parent, expected) => {
    expect(isInside(child, parent)).toBe(expected);
  });
});
