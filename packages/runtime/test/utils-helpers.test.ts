import { afterEach, describe, expect, it } from "vitest";
import { recordUnhandledRejections } from "./utils-helpers.js";

// The utils tests rely on this recorder to fail on unhandled rejections; check that it can see one.
// Vitest's own listener is detached meanwhile, or the deliberate rejection would fail the run.
describe("recordUnhandledRejections", () => {
  const detached: Array<(...args: any[]) => void> = [];
  afterEach(() => {
    for (const listener of detached.splice(0)) process.on("unhandledRejection", listener);
  });
  const detachOthers = () => {
    detached.push(...(process.listeners("unhandledRejection") as Array<(...args: any[]) => void>));
    process.removeAllListeners("unhandledRejection");
  };

  it("records a rejection nobody handles", async () => {
    detachOthers();
    const recorder = recordUnhandledRejections();
    const dropped = new Error("dropped");
    void Promise.reject(dropped);
    expect(await recorder.stop()).toEqual([dropped]);
  });

  it("does not record a rejection handled in the same turn", async () => {
    detachOthers();
    const recorder = recordUnhandledRejections();
    const p = Promise.reject(new Error("handled"));
    await Promise.resolve();
    p.catch(() => {});
    expect(await recorder.stop()).toEqual([]);
  });
});
