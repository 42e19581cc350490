// How the runner judges tests, on a miniature test262 whose outcomes are known (fixtures/mini-test262):
// the Node baseline per variant, and the Babel pipeline, which works independently of the plugin.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const MINI = join(HERE, "fixtures/mini-test262");

interface Result { pass: boolean; reason?: string }
interface Run { path: string; variant: string; results: Record<string, Result> }

let runs: Run[];
let stdout: string;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "unawait-t262-"));
  const json = join(dir, "runs.json");
  const child = spawnSync(process.execPath, [join(HERE, "run.mjs"), "--test262", MINI, "--compare", "babel", "--timeout", "2000", "--json", json], { encoding: "utf8" });
  expect(child.status, child.stderr).toBe(0);
  stdout = child.stdout;
  runs = JSON.parse(readFileSync(json, "utf8"));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcome = (path: string, variant: string, pipeline = "node") =>
  runs.find((run) => run.path === path && run.variant === variant)?.results[pipeline];

describe("variants", () => {
  test("each test runs in the variants its flags ask for", () => {
    const variants = (path: string) => runs.filter((run) => run.path === path).map((run) => run.variant).sort();
    expect(variants("script/pass-sync.js")).toEqual(["sloppy", "strict"]);
    expect(variants("script/pass-only-strict.js")).toEqual(["strict"]);
    expect(variants("script/fail-hang.js")).toEqual(["sloppy"]);
    expect(variants("script/pass-raw.js")).toEqual(["raw"]);
    expect(variants("module/pass-module.js")).toEqual(["module"]);
    expect(runs.some((run) => run.path.includes("_FIXTURE"))).toBe(false);
  });

  test("the strict variant gets a use-strict prologue", () => {
    expect(outcome("script/mixed-sloppy-only.js", "sloppy")).toEqual({ pass: true });
    expect(outcome("script/mixed-sloppy-only.js", "strict")?.reason).toMatch(/^parse error: SyntaxError/);
  });
});

describe("the Node baseline", () => {
  test.each([
    ["script/pass-sync.js", "strict"],
    ["script/pass-async.js", "sloppy"],
    ["script/pass-negative-parse.js", "strict"],
    ["script/pass-negative-runtime.js", "sloppy"],
    ["script/pass-host-defined.js", "strict"],
    ["script/pass-realm-per-test.js", "strict"],
    ["script/pass-dynamic-import.js", "sloppy"],
    ["script/pass-raw.js", "raw"],
    ["module/pass-module.js", "module"],
    ["module/pass-module-async-function.js", "module"],
    ["module/pass-negative-resolution.js", "module"],
    ["module/pass-top-level-await.js", "module"],
  ])("passes %s (%s)", (path, variant) => {
    expect(outcome(path, variant)).toEqual({ pass: true });
  });

  test.each([
    ["script/fail-sync.js", "sloppy", /^runtime error: Test262Error: one is not two/],
    ["script/fail-async-failure.js", "strict", /^Test262:AsyncTestFailure:.*reported failure/],
    ["script/fail-async-never-done.js", "sloppy", /never reported/],
    ["script/fail-negative-wrong-phase.js", "sloppy", /expected parse SyntaxError, got runtime error/],
    ["script/fail-hang.js", "sloppy", /timed out/],
    ["script/fail-microtask-storm.js", "strict", /timed out/],
  ])("fails %s (%s)", (path, variant, reason) => {
    expect(outcome(path, variant)?.pass).toBe(false);
    expect(outcome(path, variant)?.reason).toMatch(reason);
  });
});

describe("a transform pipeline (Babel's async plugins)", () => {
  test("runs only where Node passes", () => {
    expect(outcome("script/fail-sync.js", "sloppy", "babel")).toBeUndefined();
  });

  test("passes lowered async functions, in scripts and in modules", () => {
    expect(outcome("script/pass-async.js", "strict", "babel")).toEqual({ pass: true });
    expect(outcome("module/pass-module-async-function.js", "module", "babel")).toEqual({ pass: true });
  });

  test("counts a parse-negative test the transform rejects as passing", () => {
    expect(outcome("script/pass-negative-parse.js", "sloppy", "babel")).toEqual({ pass: true });
  });

  test("fails a test whose output still contains async syntax", () => {
    expect(outcome("module/pass-top-level-await.js", "module", "babel")?.reason).toMatch(/^async syntax remains: await/);
  });

  test("the table counts Node's passes and the transform's, with and without top-level await", () => {
    const babelTable = stdout.slice(stdout.indexOf("babel ("));
    expect(babelTable).toMatch(/^total\s+21\s+20\s+95\.2%$/m);
    expect(babelTable).toMatch(/^total without top-level-await module tests\s+20\s+20\s+100\.0%$/m);
  });
});
