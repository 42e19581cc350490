// The CLI's output, run: it must print what the input prints natively, with the runtime imported,
// required or inlined. Needs `pnpm build`.
import { chmod, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureCopy, runCli, runNode } from "../packages/cli/test/helpers/run-cli.js";

const RUNTIME_PACKAGE = resolve(import.meta.dirname, "../packages/runtime");

/** Lets `@unawait/runtime` resolve from the temporary folder, as it would in a user's project. */
async function installRuntime(root: string): Promise<void> {
  await mkdir(join(root, "node_modules/@unawait"), { recursive: true });
  await symlink(RUNTIME_PACKAGE, join(root, "node_modules/@unawait/runtime"), "dir");
}

describe("the CLI's output runs like its input", () => {
  it.each([["inline"], ["import"], ["auto"]])("microtask order of order.mjs, --runtime %s", async (runtime) => {
    const root = await fixtureCopy("order");
    await installRuntime(root);
    const native = await runNode(["order.mjs"], root);
    expect(native).toMatchObject({ code: 0, stderr: "" });
    const cli = await runCli(["order.mjs", "--runtime", runtime], root);
    expect(cli).toMatchObject({ code: 0, stderr: "" });
    await writeFile(join(root, "order.out.mjs"), cli.stdout);
    expect(await runNode(["order.out.mjs"], root)).toEqual(native);
  });

  it("async generators and for await, across two modules", async () => {
    const root = await fixtureCopy("generators");
    await installRuntime(root);
    const native = await runNode(["main.mjs"], root);
    expect(native).toMatchObject({ code: 0, stderr: "" });
    expect(await runCli(["main.mjs", "count.mjs", "--out-dir", "out", "--quiet"], root)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await runNode(["out/main.mjs"], root)).toEqual(native);
  });

  it("a CommonJS script with top-level await, wrapped, required runtime", async () => {
    const root = await fixtureCopy("order");
    await installRuntime(root);
    const cli = await runCli(["wrapped.cjs", "--top-level-await", "wrap", "--out-dir", "out", "--quiet"], root);
    // --quiet drops the summary, not the plugin's warning.
    expect(cli).toMatchObject({ code: 0, stdout: "" });
    expect(cli.stderr).toMatch(/^wrapped\.cjs:2:15: warning: top-level await was wrapped in run\(\).*\[TOP_LEVEL_AWAIT_WRAPPED\]\n$/);
    expect(await runNode(["out/wrapped.cjs"], root)).toEqual({ code: 0, stdout: "42\n", stderr: "" });
  });

  it("a folder big enough for worker threads: every file lowered on a thread runs like its input", { timeout: 120_000 }, async () => {
    const root = await fixtureCopy("order");
    await mkdir(join(root, "big"));
    const modules = 6;
    for (let m = 0; m < modules; m++) {
      // ~100 KB each: past the size at which the CLI starts a second thread.
      const fns = Array.from({ length: 1200 }, (_, i) => `export async function f${i}(x) {\n  const y = await (x + ${i});\n  return y % 7;\n}`);
      const sum = `export async function sum() {\n  let total = 0;\n  for (let i = 0; i < 1200; i++) total += await [${Array.from({ length: 1200 }, (_, i) => `f${i}`).join(", ")}][i](${m});\n  return total;\n}`;
      await writeFile(join(root, "big", `m${m}.mjs`), `${fns.join("\n")}\n${sum}\n`);
    }
    const imports = Array.from({ length: modules }, (_, m) => `import { sum as s${m} } from "./m${m}.mjs";`).join("\n");
    await writeFile(join(root, "big", "main.mjs"), `${imports}\nconst all = await Promise.all([${Array.from({ length: modules }, (_, m) => `s${m}()`).join(", ")}]);\nconsole.log(all.join(" "));\n`);
    const native = await runNode(["big/main.mjs"], root);
    expect(native).toMatchObject({ code: 0, stderr: "" });

    // main.mjs has top-level await: it stays as it is (copied by hand), the modules are lowered.
    const cli = await runCli(["big", "-d", "out", "--workers", "2", "--verbose", "--runtime", "inline", "--ignore", "big/main.mjs", "--no-cache"], root);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toContain(`unawait: ${modules} files to transform, on 2 worker threads\n`);
    await writeFile(join(root, "out", "main.mjs"), await readFile(join(root, "big", "main.mjs")));
    expect(await runNode(["out/main.mjs"], root)).toEqual(native);
  });

  it("a second run replaces the outputs, keeping an executable executable", async () => {
    const root = await fixtureCopy("project");
    await chmod(join(root, "src/bin/tool.js"), 0o755);
    const args = ["src", "--out-dir", "out", "--runtime", "inline", "--quiet"];
    expect((await runCli(args, root)).code).toBe(0);
    await writeFile(join(root, "src/bin/tool.js"), "#!/usr/bin/env node\n(async () => console.log(await 'second'))();\n");
    expect((await runCli(args, root)).code).toBe(0);
    expect((await stat(join(root, "out/bin/tool.js"))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(root, "out/bin/tool.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(await runNode(["out/bin/tool.js"], root)).toEqual({ code: 0, stdout: "second\n", stderr: "" });
  });
});
