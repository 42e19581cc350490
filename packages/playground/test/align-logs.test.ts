import { describe, expect, it } from "vitest";
import { alignLogs } from "../src/compare/align-logs.js";
import type { LogEntry } from "../src/sandbox/protocol.js";

const line = (text: string, microtask = 0, task = 0): LogEntry => ({ level: "log", text, step: { task, microtask } });
const shape = (left: LogEntry[], right: LogEntry[]) => {
  const { rows, firstDifference } = alignLogs(left, right);
  return { rows: rows.map((r) => `${r.kind}: ${r.left?.text ?? "·"} | ${r.right?.text ?? "·"}`), firstDifference };
};

describe("alignLogs", () => {
  it("pairs identical logs row by row with no difference", () => {
    const log = [line("A"), line("C"), line("D", 1)];
    expect(shape(log, log)).toEqual({ rows: ["same: A | A", "same: C | C", "same: D | D"], firstDifference: -1 });
  });

  it("flags the first row whose text differs and keeps later matches aligned", () => {
    expect(shape([line("a"), line("kind: AsyncFunction"), line("z")], [line("a"), line("kind: Function"), line("z")])).toEqual({
      rows: ["same: a | a", "changed: kind: AsyncFunction | kind: Function", "same: z | z"],
      firstDifference: 1,
    });
  });

  it("leaves a gap on the side that printed fewer lines", () => {
    expect(shape([line("a"), line("b"), line("c")], [line("a"), line("c")])).toEqual({
      rows: ["same: a | a", "left: b | ·", "same: c | c"],
      firstDifference: 1,
    });
    expect(shape([], [line("x")])).toEqual({ rows: ["right: · | x"], firstDifference: 0 });
  });

  it("treats the same text in another step as a difference", () => {
    const { rows, firstDifference } = alignLogs([line("D", 1)], [line("D", 2)]);
    expect(rows.map((r) => r.kind)).toEqual(["step"]);
    expect(firstDifference).toBe(0);
  });

  it("does not match an error line with a log line of the same text", () => {
    const error: LogEntry = { ...line("x"), level: "error" };
    expect(alignLogs([error], [line("x")]).rows.map((r) => r.kind)).toEqual(["changed"]);
  });

  it("aligns reordered lines by keeping the longest common run", () => {
    expect(shape([line("1"), line("2"), line("3"), line("4")], [line("1"), line("3"), line("2"), line("4")]).rows).toEqual([
      "same: 1 | 1",
      "left: 2 | ·",
      "same: 3 | 3",
      "right: · | 2",
      "same: 4 | 4",
    ]);
  });
});
