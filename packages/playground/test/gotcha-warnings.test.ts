import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../src/examples/index.js";
import { transformAsyncCode } from "../src/transform/transform.js";

/** The examples that illustrate one of the article's gotchas, and the rule each must draw. */
const GOTCHAS: Record<string, { code: string; line: number }> = {
  "foreach-await": { code: "async-array-callback", line: 14 },
  "fire-and-forget": { code: "floating-promise", line: 10 },
  "sequential-vs-parallel": { code: "await-in-loop", line: 16 },
  "try-catch-finally": { code: "await-in-finally", line: 16 },
};

function warningsOf(code: string) {
  const result = transformAsyncCode(code, "import", { warnings: true });
  if (!result.ok) throw new Error(`transform failed: ${result.message}`);
  return result.warnings;
}

describe("gotcha warnings in the playground", () => {
  it.each(Object.entries(GOTCHAS))("the %s example draws exactly its gotcha", (id, expected) => {
    const example = EXAMPLES.find((e) => e.id === id)!;
    const warnings = warningsOf(example.code);
    expect(warnings.map((w) => [w.code, w.loc?.line])).toEqual([[expected.code, expected.line]]);
    const line = example.code.split("\n")[expected.line - 1]!;
    expect(line.slice(warnings[0]!.loc!.column).trim()).not.toBe(""); // the column points into the line
    expect(warnings[0]!.message.length).toBeGreaterThan(20);
  });

  it.each(EXAMPLES.filter((e) => !(e.id in GOTCHAS)).map((e) => [e.id, e.code]))("the %s example is clean", (_id, code) => {
    expect(warningsOf(code)).toEqual([]);
  });

  it("reports nothing unless asked, so runs and the inline view stay quiet", () => {
    const result = transformAsyncCode("async function f() { [1].forEach(async () => {}); }", "inline");
    expect(result.ok && result.warnings).toEqual([]);
  });
});
