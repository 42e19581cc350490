import { describe, expect, it } from "vitest";
import { alignRows, mergeEqualNeighbours } from "../src/align.js";
import { colors } from "../src/colors.js";
import { sideBySide } from "../src/columns.js";

describe("alignRows", () => {
  it("puts each output line beside the original line it came from, in order on both sides", () => {
    // Output lines 0..6 came from original lines: –, 0, 0, –, 0, 1, 2 (a wrapper, then the generator).
    const rows = alignRows([undefined, 0, 0, undefined, 0, 1, 2], 3);
    expect(rows).toEqual([{ right: 0 }, { left: 0, right: 1 }, { right: 2 }, { right: 3 }, { right: 4 }, { left: 1, right: 5 }, { left: 2, right: 6 }]);
  });

  it("keeps the longest run that goes down both sides; a line moved up stands alone", () => {
    // Output line 0 came from original line 3 (hoisted), the rest in order.
    const rows = alignRows([3, 0, 1, 2], 4);
    expect(rows).toEqual([{ right: 0 }, { left: 0, right: 1 }, { left: 1, right: 2 }, { left: 2, right: 3 }, { left: 3 }]);
  });

  it("shows every line of both sides exactly once", () => {
    const origins = [5, undefined, 1, 1, 4, 0, 2, 3, undefined, 6];
    const rows = alignRows(origins, 8);
    expect(rows.filter((r) => r.left !== undefined).map((r) => r.left)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows.filter((r) => r.right !== undefined).map((r) => r.right)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("pairs neighbouring one-sided rows whose lines read the same, never blank ones", () => {
    const left = ["f() {", "  x;", "}", ""];
    const right = ["g() {", "  x;", "  }", "}", ""];
    const rows = [{ left: 0, right: 0 }, { left: 1, right: 1 }, { right: 2 }, { right: 3 }, { left: 2 }, { left: 3 }, { right: 4 }];
    expect(mergeEqualNeighbours(rows, left, right)).toEqual([
      { left: 0, right: 0 }, { left: 1, right: 1 }, { right: 2 }, { left: 2, right: 3 }, { left: 3 }, { right: 4 },
    ]);
  });

  it("draws rows with the line numbers of each side and a flag", () => {
    const text = sideBySide({ title: "a", text: "x\ny" }, { title: "b", text: "p\nq\nr" }, 43, colors(false), [
      { right: 0 },
      { left: 0, right: 1, flag: true },
      { left: 1 },
      { right: 2 },
    ]);
    expect(text.split("\n").slice(2)).toEqual([
      "                     | 1 p",
      "1 x                  > 2 q",
      "2 y                  |",
      "                     | 3 r",
      "",
    ]);
  });
});
