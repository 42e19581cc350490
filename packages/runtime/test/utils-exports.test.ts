// Checks the built package (run `pnpm -C packages/runtime build` first; `pnpm test` does).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const names = ["RetryError", "TimeoutError", "createLimiter", "limit", "retry", "sleep", "withTimeout"];

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8" });
}

describe("@unawait/runtime/utils entry points", () => {
  beforeAll(() => {
    for (const kind of ["cjs", "esm"]) {
      if (!existsSync(new URL(`../dist/${kind}/utils/index.js`, import.meta.url))) {
        throw new Error("packages/runtime/dist is missing: run `pnpm -C packages/runtime build` first");
      }
    }
  });

  it("loads with require()", () => {
    const out = node(["-e", 'const u = require("@unawait/runtime/utils"); console.log(JSON.stringify(Object.keys(u).sort()))']);
    expect(JSON.parse(out)).toEqual(names);
  });

  it("loads with import and works", () => {
    const code = [
      'import * as u from "@unawait/runtime/utils";',
      "const n = await u.retry((a) => { if (a < 2) throw new Error('once'); return a; }, { base: 1 });",
      "console.log(JSON.stringify([Object.keys(u).sort(), n]));",
    ].join("\n");
    const out = node(["--input-type=module", "-e", code]);
    expect(JSON.parse(out)).toEqual([names, 2]);
  });
});
