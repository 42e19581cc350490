import { setDiagnostics } from "@codemirror/lint";
import type { EditorView } from "@codemirror/view";

export interface TransformErrorInfo {
  message: string;
  frame: string;
  loc?: { line: number; column: number };
}

/** The error as a squiggle at its place in the async code, and spelled out above the output. */
export class TransformErrorView {
  private at: number | null = null;

  constructor(
    private readonly box: HTMLElement,
    private readonly source: EditorView,
    private readonly output: EditorView,
  ) {
    box.querySelector<HTMLButtonElement>(".goto")!.addEventListener("click", () => {
      if (this.at === null) return;
      this.source.dispatch({ selection: { anchor: this.at }, scrollIntoView: true });
      this.source.focus();
    });
  }

  show(error: TransformErrorInfo): void {
    const doc = this.source.state.doc;
    this.at = error.loc ? positionOf(this.source, error.loc) : null;
    const from = this.at ?? 0;
    const to = Math.min(doc.lineAt(from).to, Math.max(from + 1, doc.length));
    this.source.dispatch(setDiagnostics(this.source.state, [{ from, to: Math.max(to, from), severity: "error", message: error.message, source: "unawait" }]));
    const where = error.loc ? ` (line ${error.loc.line}, column ${error.loc.column + 1})` : "";
    this.box.querySelector(".message")!.textContent = `Transform error${where}: ${error.message.replace(/\s*\(\d+:\d+\)$/, "")}`;
    this.box.querySelector(".frame")!.textContent = error.frame;
    this.box.querySelector<HTMLButtonElement>(".goto")!.hidden = this.at === null;
    this.box.hidden = false;
    this.output.dom.classList.add("stale");
  }

  clear(): void {
    if (this.box.hidden) return;
    this.box.hidden = true;
    this.at = null;
    this.source.dispatch(setDiagnostics(this.source.state, []));
    this.output.dom.classList.remove("stale");
  }
}

function positionOf(view: EditorView, loc: { line: number; column: number }): number {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(loc.line, 1), doc.lines));
  return Math.min(line.from + loc.column, line.to);
}
