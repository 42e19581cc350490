// Executed fixtures (DESIGN.md "Testing"): each folder under fixtures/<area>/<case>/ is a program
// that prints a log of the order in which things happen. The transform must match the reviewed
// output file, leave no async syntax, and the output must print the same log and exit the same
// way as the input run natively.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test, type ExpectStatic } from "vitest";
import { findAsyncSyntax } from "./helpers/async-syntax.mjs";
import { listFixtures, type FixtureCase } from "./helpers/fixture-cases.js";
import { runNode, type NodeRun } from "./helpers/run-node.js";
import { transformFixture } from "./helpers/transform-fixture.js";

const FIXTURES_ROOT = fileURLToPath(new URL("../fixtures/", import.meta.url));
const UPDATE = process.env.UNAWAIT_UPDATE === "1";
const fixtures = listFixtures(FIXTURES_ROOT);

// Transforms run in-process; the two node processes of each case go through a 2-slot queue.
describe.concurrent("fixtures", () => {
  test("the fixture folders were found", ({ expect }) => {
    expect(fixtures.length).toBeGreaterThanOrEqual(70);
  });

  for (const fixture of fixtures) {
    test(fixture.name, { timeout: 120_000 }, async ({ expect }) => {
      if (fixture.expectedError !== undefined) {
        await expect(transformFixture(fixture)).rejects.toThrow(fixture.expectedError);
        return;
      }
      const code = await transformFixture(fixture);
      checkOrUpdateOutput(fixture, code, expect);
      expect(findAsyncSyntax(code), "async syntax left in the output").toEqual([]);

      const [native, lowered] = await Promise.all([
        runNode(basename(fixture.inputFile), fixture.dir),
        runNode(basename(fixture.outputFile), fixture.dir),
      ]);
      expect(native.timedOut, `native run timed out\n${native.stderr}`).toBe(false);
      expect(native.stdout, "a fixture must print a log").not.toBe("");
      expect(native.status, `native exit status\n${native.stderr}`).toBe(fixture.expectedExitStatus);
      expect(lowered.stdout, describeRun("transformed", lowered)).toBe(native.stdout);
      expect(lowered.status, describeRun("transformed", lowered)).toBe(native.status);
    });
  }
});

function checkOrUpdateOutput(fixture: FixtureCase, code: string, expect: ExpectStatic): void {
  if (UPDATE) {
    const previous = existsSync(fixture.outputFile) ? readFileSync(fixture.outputFile, "utf8") : undefined;
    if (previous !== code) writeFileSync(fixture.outputFile, code);
    return;
  }
  expect(existsSync(fixture.outputFile), `${fixture.outputFile} is missing: run with UNAWAIT_UPDATE=1 and review it`).toBe(true);
  expect(code, "transform differs from the reviewed output (UNAWAIT_UPDATE=1 rewrites it)").toBe(
    readFileSync(fixture.outputFile, "utf8").replace(/\r\n/g, "\n"),
  );
}

function describeRun(label: string, run: NodeRun): string {
  const how = run.timedOut ? "timed out" : `exit ${run.status}${run.signal ? ` (${run.signal})` : ""}`;
  return `${label} run: ${how}\nstderr:\n${run.stderr}`;
}
