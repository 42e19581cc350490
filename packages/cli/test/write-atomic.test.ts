import { mkdir, readdir, readFile, stat, writeFile, chmod } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFileAtomic, writeFileAtomic } from "../src/write-atomic.js";
import { makeTree } from "./helpers/tree.js";

describe("writeFileAtomic", () => {
  it("creates missing folders, replaces an existing file and leaves no temporary file", async () => {
    const root = await makeTree({ "out/a.js": "old" });
    await writeFileAtomic(join(root, "out/a.js"), "new");
    await writeFileAtomic(join(root, "out/deep/b.js"), "b");
    expect(await readFile(join(root, "out/a.js"), "utf8")).toBe("new");
    expect(await readFile(join(root, "out/deep/b.js"), "utf8")).toBe("b");
    expect((await readdir(join(root, "out"))).sort()).toEqual(["a.js", "deep"]);
  });

  it("sets the given mode regardless of the umask", async () => {
    const root = await makeTree({});
    await writeFileAtomic(join(root, "run.js"), "#!/usr/bin/env node\n", 0o100755);
    expect((await stat(join(root, "run.js"))).mode & 0o777).toBe(0o755);
  });

  it("removes its temporary file and keeps the old target when the rename fails", async () => {
    const root = await makeTree({ "out/taken/inside.txt": "a directory stands where the file should go" });
    await expect(writeFileAtomic(join(root, "out/taken"), "x")).rejects.toThrow();
    expect(await readdir(join(root, "out"))).toEqual(["taken"]);
    expect(await readFile(join(root, "out/taken/inside.txt"), "utf8")).toMatch(/directory/);
  });
});

describe("copyFileAtomic", () => {
  it("copies bytes and permission bits", async () => {
    const root = await makeTree({});
    await writeFile(join(root, "tool.sh"), Buffer.from([0, 1, 2, 255]));
    await chmod(join(root, "tool.sh"), 0o750);
    await mkdir(join(root, "out"));
    await copyFileAtomic(join(root, "tool.sh"), join(root, "out/sub/tool.sh"));
    expect([...(await readFile(join(root, "out/sub/tool.sh")))]).toEqual([0, 1, 2, 255]);
    expect((await stat(join(root, "out/sub/tool.sh"))).mode & 0o777).toBe(0o750);
    expect(await readdir(join(root, "out/sub"))).toEqual(["tool.sh"]);
  });
});
