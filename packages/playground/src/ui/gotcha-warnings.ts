import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import type { EditorView } from "@codemirror/view";
import { warningRange } from "../editor/warning-range.js";
import type { GotchaWarning } from "../transform/transform.js";

/**
 * The plugin's gotcha warnings as lint diagnostics in the async code (underlined, the message on
 * hover, a marker in the gutter) and as a short list under it, each entry a jump to its place.
 * It owns the source editor's diagnostics while the code transforms; on a failure the transform
 * error takes them over (see TransformErrorView).
 */
export class GotchaWarningsView {
  private readonly summary: HTMLElement;
  private readonly list: HTMLOListElement;

  constructor(
    private readonly box: HTMLElement,
    private readonly source: EditorView,
  ) {
    this.summary = box.querySelector(".warnings-summary")!;
    this.list = box.querySelector(".warnings-list")!;
  }

  show(warnings: readonly GotchaWarning[]): void {
    const placed = warnings.map((warning) => ({ warning, ...this.place(warning) }));
    const diagnostics: Diagnostic[] = placed.map(({ warning, from, to }) => ({
      from,
      to,
      severity: "warning",
      source: `unawait · ${warning.code}`,
      message: warning.message,
    }));
    this.source.dispatch(setDiagnostics(this.source.state, diagnostics));
    this.list.replaceChildren(...placed.map(({ warning, from }) => this.entry(warning, from)));
    const count = warnings.length;
    this.say(count === 0 ? "No gotcha warnings." : `${count} gotcha warning${count === 1 ? "" : "s"} — hover the underline for the why and the fix.`, count > 0);
  }

  /** Warnings off: nothing drawn, and the list says so. */
  off(): void {
    this.source.dispatch(setDiagnostics(this.source.state, []));
    this.list.replaceChildren();
    this.say("Gotcha warnings are off.", false);
  }

  /** The code does not transform, so the plugin found nothing to warn about; the error has the editor. */
  unavailable(): void {
    this.list.replaceChildren();
    this.say("Gotcha warnings appear once the code transforms.", false);
  }

  private place(warning: GotchaWarning): { from: number; to: number } {
    return warning.loc ? warningRange(this.source.state, warning.loc) : { from: 0, to: 0 };
  }

  private say(text: string, found: boolean): void {
    this.summary.textContent = text;
    this.box.classList.toggle("found", found);
  }

  private entry(warning: GotchaWarning, at: number): HTMLLIElement {
    const item = document.createElement("li");
    const jump = document.createElement("button");
    jump.type = "button";
    jump.className = "at";
    jump.textContent = warning.loc ? `${warning.loc.line}:${warning.loc.column + 1}` : "file";
    jump.setAttribute("aria-label", warning.loc ? `Show line ${warning.loc.line} in the code` : "Show in the code");
    jump.addEventListener("click", () => {
      this.source.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      this.source.focus();
    });
    const code = document.createElement("code");
    code.textContent = warning.code;
    const message = document.createElement("span");
    message.className = "why";
    message.textContent = warning.message;
    item.append(jump, " ", code, " ", message);
    return item;
  }
}
