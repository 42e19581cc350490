import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PluginLoadError } from "../src/plugin.js";
import { WorkerPool } from "../src/pool.js";
import type { TransformInput } from "../src/transform.js";

const script = (name: string) => join(import.meta.dirname, "fixtures-workers", name);
const input = (path: string): TransformInput => ({ path, code: path, syntax: { sourceType: "module", attempts: [] }, sourceMaps: false });

describe("WorkerPool", () => {
  it("spreads files over its workers and answers each one", async () => {
    const pool = new WorkerPool(script("echo-worker.mjs"), 2, {});
    const results = await Promise.all(["a", "b", "c", "d", "e", "f"].map((p) => pool.transform(input(p))));
    await pool.close();
    expect(results.map((r) => r.ok && r.output.code.split(" ")[0])).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("fails only the file whose worker died or threw, replaces the worker, and goes on", async () => {
    const pool = new WorkerPool(script("echo-worker.mjs"), 2, {});
    await pool.transform(input("warm-up-1"));
    await pool.transform(input("warm-up-2"));
    const results = await Promise.all(["a", "die", "b", "throw", "c", "d"].map((p) => pool.transform(input(p))));
    await pool.close();
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, true, true]);
    const died = results[1];
    expect(!died.ok && died.diagnostic.message).toBe("internal error in a worker thread: a worker thread stopped (exit code 3)");
    const threw = results[3];
    expect(!threw.ok && threw.diagnostic.message).toBe("internal error in a worker thread: thrown in the worker");
  });

  it("rejects every file with one PluginLoadError when no worker can start", async () => {
    const pool = new WorkerPool(script("broken-worker.mjs"), 2, {});
    const results = await Promise.allSettled(["a", "b", "c"].map((p) => pool.transform(input(p))));
    await pool.close();
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(PluginLoadError);
    }
  });
});
