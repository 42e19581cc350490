import { alignLogs, type AlignedRow } from "../compare/align-logs.js";
import type { LogEntry } from "../sandbox/protocol.js";
import type { RunResult } from "../sandbox/run-sandboxed.js";
import { stepKind, stepLabel } from "../sandbox/steps.js";
import { renderTimelineStrip } from "./timeline-strip.js";

export interface ResultsView {
  rows: HTMLElement;
  timelines: { left: HTMLElement; right: HTMLElement };
  summary: HTMLElement;
  meta: { left: HTMLElement; right: HTMLElement };
}

/** What the right-hand side produced: a run, or the reason there was none. */
export type GeneratorRun = RunResult | { notRun: string };

const ROW_TITLES: Record<AlignedRow["kind"], string> = {
  same: "same line, same step",
  step: "same line, printed in a different step",
  changed: "different lines",
  left: "only the async form printed this",
  right: "only the generator form printed this",
};

export function showRunning(view: ResultsView): void {
  view.summary.textContent = "Running both forms…";
  view.rows.replaceChildren();
  view.timelines.left.replaceChildren();
  view.timelines.right.replaceChildren();
  view.meta.left.textContent = view.meta.right.textContent = "";
}

export function showResults(view: ResultsView, native: RunResult, generator: GeneratorRun): void {
  const generatorEntries = "notRun" in generator ? [] : generator.entries;
  const { rows, firstDifference } = alignLogs(native.entries, generatorEntries);
  view.rows.replaceChildren(...rows.map((row, index) => renderRow(row, index === firstDifference)));
  const endings = [ending(native), "notRun" in generator ? { text: `Not run: ${generator.notRun}`, kind: "not-run" } : ending(generator)];
  if (endings.some(Boolean)) view.rows.append(renderEnding(endings[0], endings[1]));
  view.timelines.left.replaceChildren(renderTimelineStrip(native.entries));
  view.timelines.right.replaceChildren(renderTimelineStrip(generatorEntries));
  view.meta.left.textContent = describeRun(native);
  view.meta.right.textContent = "notRun" in generator ? "not run" : describeRun(generator);
  view.summary.replaceChildren(summarize(rows, firstDifference, generator));
  view.rows.querySelector(".first-difference")?.scrollIntoView({ block: "nearest" });
}

function renderRow(row: AlignedRow, first: boolean): HTMLElement {
  const element = div(`log-row ${row.kind}${first ? " first-difference" : ""}`, "row");
  element.title = ROW_TITLES[row.kind];
  const gutter = div("log-gutter", "cell");
  if (row.kind !== "same") gutter.textContent = first ? "≠ first" : "≠";
  element.append(renderCell(row.left), gutter, renderCell(row.right));
  return element;
}

function renderCell(entry: LogEntry | undefined): HTMLElement {
  const cell = div("log-cell", "cell");
  if (!entry) {
    cell.classList.add("empty");
    return cell;
  }
  const step = span(`step ${stepKind(entry.step)}`, stepLabel(entry.step));
  cell.append(step, span(`text level-${entry.level}`, entry.text));
  return cell;
}

function ending(result: RunResult): { text: string; kind: string } | null {
  if (result.outcome === "timeout") return { text: "⏱ Stopped at the time limit: the program was still running (an endless loop?)", kind: "timeout" };
  if (result.outcome === "crashed") return { text: `The sandbox failed: ${result.error}`, kind: "crashed" };
  if (result.truncatedAt) return { text: `… only the first ${result.truncatedAt} lines are shown`, kind: "truncated" };
  return null;
}

function renderEnding(left: { text: string; kind: string } | null, right: { text: string; kind: string } | null): HTMLElement {
  const element = div("log-row ending", "row");
  const cell = (info: typeof left) => {
    const c = div(`log-cell ${info?.kind ?? "empty"}`, "cell");
    c.textContent = info?.text ?? "";
    return c;
  };
  element.append(cell(left), div("log-gutter", "cell"), cell(right));
  return element;
}

function describeRun(result: RunResult): string {
  const state = result.outcome === "done" ? "finished" : result.outcome === "timeout" ? "stopped at the limit" : "failed";
  return `${result.entries.length} line${result.entries.length === 1 ? "" : "s"} · ${state} in ${Math.round(result.elapsedMs)} ms`;
}

function summarize(rows: AlignedRow[], firstDifference: number, generator: GeneratorRun): HTMLElement {
  const p = document.createElement("span");
  if ("notRun" in generator) {
    p.className = "verdict warn";
    p.textContent = `Only the async form ran — ${generator.notRun}.`;
  } else if (firstDifference < 0) {
    p.className = "verdict same";
    p.textContent = `✓ Same ${rows.length} line${rows.length === 1 ? "" : "s"}, in the same steps, in both forms.`;
  } else {
    const row = rows[firstDifference]!;
    p.className = "verdict differ";
    p.textContent = `≠ The runs differ from line ${firstDifference + 1}: ${ROW_TITLES[row.kind]}.`;
  }
  return p;
}

function div(className: string, role: string): HTMLDivElement {
  const element = document.createElement("div");
  element.className = className;
  element.setAttribute("role", role);
  return element;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}
