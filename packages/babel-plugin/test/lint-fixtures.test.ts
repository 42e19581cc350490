// Lint fixtures: fixtures/lint/<rule>/<case>/code.js with the reviewed expected-warnings.json.
// A case named `flags-…` must draw at least one warning of its rule; `ok-…` must draw none at all
// (the false positives each rule promises to avoid). UNAWAIT_UPDATE=1 rewrites the JSON files,
// but never the naming contract, which is checked either way.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { RULES } from "../src/lint/index.js";
import { lintWarnings } from "./lint-warnings.js";

const ROOT = fileURLToPath(new URL("../../../fixtures/lint/", import.meta.url));
const UPDATE = process.env.UNAWAIT_UPDATE === "1";

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

const rules = folders(ROOT);

describe("lint fixtures", () => {
  test("every rule has at least 4 flagged and 4 clean cases", () => {
    expect(rules).toHaveLength(RULES.length);
    for (const rule of rules) {
      const cases = folders(join(ROOT, rule));
      expect(cases.filter((c) => c.startsWith("flags-")).length, rule).toBeGreaterThanOrEqual(4);
      expect(cases.filter((c) => c.startsWith("ok-")).length, rule).toBeGreaterThanOrEqual(4);
      expect(cases.filter((c) => !/^(flags|ok)-/.test(c)), `${rule}: cases are named flags-… or ok-…`).toEqual([]);
    }
  });

  for (const rule of rules) {
    for (const name of folders(join(ROOT, rule))) {
      test(`${rule}/${name}`, () => {
        const dir = join(ROOT, rule, name);
        const warnings = lintWarnings(readFileSync(join(dir, "code.js"), "utf8"));
        if (name.startsWith("ok-")) expect(warnings).toEqual([]);
        else expect(warnings.map((w) => w.code)).toContain(rule);

        const expectedFile = join(dir, "expected-warnings.json");
        if (UPDATE) writeFileSync(expectedFile, `${JSON.stringify(warnings, null, 2)}\n`);
        expect(existsSync(expectedFile), `${expectedFile} is missing: run with UNAWAIT_UPDATE=1 and review it`).toBe(true);
        expect(warnings).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
      });
    }
  }
});
