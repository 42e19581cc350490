import { describe, expect, it } from "vitest";
import { colors } from "../src/colors.js";
import { sideBySide } from "../src/columns.js";

const plain = colors(false);

describe("sideBySide", () => {
  it("numbers the lines of both texts and pads the shorter one", () => {
    const text = sideBySide({ title: "in.js", text: "a;\nb;\n" }, { title: "out", text: "x;\ny;\nz;" }, 43, plain);
    expect(text).toBe(
      [
        "in.js                | out",
        "-------------------- | --------------------",
        "1 a;                 | 1 x;",
        "2 b;                 | 2 y;",
        "                     | 3 z;",
        "",
      ].join("\n"),
    );
  });

  it("wraps a line longer than its column onto unnumbered rows", () => {
    const text = sideBySide({ title: "L", text: "0123456789abcdefghijXYZ" }, { title: "R", text: "r" }, 43, plain);
    expect(text.split("\n").slice(2)).toEqual([
      "1 0123456789abcdefgh | 1 r",
      "  ijXYZ              |",
      "",
    ]);
  });

  it("shortens a title that does not fit, expands tabs, and never goes below 40 columns", () => {
    const text = sideBySide({ title: "a-very-long-file-name-indeed.js", text: "\tx" }, { title: "out", text: "x" }, 10, plain);
    const [title, , first] = text.split("\n");
    // 40 columns: two of 18, and " | " between them.
    expect(title).toBe("a-very-long-file-… | out");
    expect(first).toBe("1   x              | 1 x");
  });

  it("makes every row as wide as the terminal asks, at most", () => {
    const long = "y".repeat(500);
    const rows = sideBySide({ title: "in", text: long }, { title: "out", text: long }, 120, plain).split("\n");
    expect(Math.max(...rows.map((row) => row.length))).toBe(119);
    expect(rows.slice(2, -1).every((row) => row.includes(" | "))).toBe(true);
  });

  it("colours the gutter, titles and separator only when colours are on", () => {
    const args = [{ title: "in", text: "a" }, { title: "out", text: "b" }, 60] as const;
    expect(sideBySide(...args, plain)).not.toContain("\u001b[");
    const coloured = sideBySide(...args, colors(true));
    expect(coloured).toContain("\u001b[1min\u001b[22m");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(sideBySide(...args, plain));
  });

  it("counts display columns: wide characters take two, and rows stay in line", () => {
    const text = sideBySide({ title: "L", text: "日本語の文字列はとても長いです" }, { title: "R", text: "ok" }, 43, plain);
    const rows = text.split("\n").slice(2, -1);
    // 20 columns per side: gutter (2) + 18 columns of text = 9 wide characters.
    expect(rows).toEqual(["1 日本語の文字列はと | 1 ok", "  ても長いです       |"]);
  });
});
