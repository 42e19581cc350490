// The expectations file: --check must catch a regression, an unexpected pass and a stale entry;
// --update-expectations must keep written reasons and mark new entries.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { NEW_REASON, compareWithExpectations, readExpectations, writeExpectations } from "./expectations.mjs";

const dir = mkdtempSync(join(tmpdir(), "unawait-expectations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcomes = new Map([
  ["a.js sloppy", { measured: true, pass: false, reason: "TypeError: boom" }],
  ["a.js strict", { measured: true, pass: true }],
  ["b.js module", { measured: true, pass: false, reason: "timed out" }],
  ["c.js sloppy", { measured: false, pass: false }],
]);

describe("compareWithExpectations", () => {
  test("a run that matches the list is clean", () => {
    const expected = new Map([["a.js sloppy", "why a fails"], ["b.js module", "why b fails"]]);
    expect(compareWithExpectations(outcomes, expected)).toEqual({ newFailures: [], unexpectedPasses: [], stale: [] });
  });

  test("an unlisted failure, a listed pass and a listed test outside the measure are each reported", () => {
    const expected = new Map([["a.js sloppy", "x"], ["a.js strict", "was failing"], ["c.js sloppy", "y"], ["gone.js raw", "z"]]);
    const result = compareWithExpectations(outcomes, expected);
    expect(result.newFailures).toEqual(["b.js module  (timed out)"]);
    expect(result.unexpectedPasses).toEqual(["a.js strict  (listed: was failing)"]);
    expect(result.stale.map((line) => line.split("  ")[0])).toEqual(["c.js sloppy", "gone.js raw"]);
  });

  test("listed tests outside the scope of a filtered run are not stale", () => {
    const expected = new Map([["a.js sloppy", "x"], ["b.js module", "y"], ["other/d.js sloppy", "z"]]);
    const result = compareWithExpectations(outcomes, expected, (key) => !key.startsWith("other/"));
    expect(result.stale).toEqual([]);
  });
});

describe("writeExpectations / readExpectations", () => {
  test("keeps existing reasons, marks new entries, and reads back what it wrote", () => {
    const file = join(dir, "expectations");
    const previous = new Map([["b.js module", "a reason someone wrote"]]);
    writeExpectations(file, [{ key: "b.js module", reason: "timed out" }, { key: "a.js sloppy", reason: "TypeError: boom" }], previous);
    const lines = readFileSync(file, "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
    expect(lines).toEqual([`a.js sloppy ${NEW_REASON} (seen: TypeError: boom)`, "b.js module a reason someone wrote"]);
    expect(readExpectations(file)).toEqual(new Map([
      ["a.js sloppy", `${NEW_REASON} (seen: TypeError: boom)`],
      ["b.js module", "a reason someone wrote"],
    ]));
  });
});
