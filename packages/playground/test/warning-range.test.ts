import { javascript } from "@codemirror/lang-javascript";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { warningRange } from "../src/editor/warning-range.js";

function underlined(code: string, line: number, column: number): string {
  const state = EditorState.create({ doc: code, extensions: [javascript()] });
  const { from, to } = warningRange(state, { line, column });
  return state.sliceDoc(from, to);
}

describe("the range a warning underlines", () => {
  it("covers the dropped call, without the statement's semicolon", () => {
    expect(underlined(`function f() {\n  send("x");\n}`, 2, 2)).toBe(`send("x")`);
  });

  it("covers the await expression inside an argument", () => {
    expect(underlined(`for (const x of xs) {\n  out.push(await job(x));\n}`, 2, 11)).toBe("await job(x)");
  });

  it("stops at the end of the first line of a multi-line expression", () => {
    expect(underlined(`items.forEach(async (item) => {\n  await store(item);\n});`, 1, 0)).toBe("items.forEach(async (item) => {");
  });

  it("covers one character when the place is not the start of any node, and stays inside the document", () => {
    expect(underlined(`a + b;`, 1, 1)).toBe(" ");
    expect(underlined(`x`, 5, 40)).toBe("x");
  });
});
