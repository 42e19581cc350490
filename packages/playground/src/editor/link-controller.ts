import { EditorView } from "@codemirror/view";
import type { SuspensionLink, TextRange } from "../transform/suspension-links.js";
import { setSuspensionMarks } from "./suspension-marks.js";

type Side = "source" | "generated";

const DEFAULT_STATUS = "Hover or put the cursor on an <code>await</code> to see the <code>yield</code> it became.";

/**
 * Keeps the two editors' suspension marks in step: pointing at (hovering) or moving the cursor
 * onto an await activates its link, which marks the await and its yield and scrolls the other
 * editor to it; the same works from the yield side. Hover wins while the pointer is inside an
 * editor; leaving it falls back to the cursor.
 */
export class LinkController {
  private links: SuspensionLink[] = [];
  private cursorLink = -1;
  private hoverLink: number | null = null;

  constructor(
    private readonly views: Record<Side, EditorView>,
    private readonly status: HTMLElement,
  ) {
    for (const side of ["source", "generated"] as const) this.watchPointer(side);
  }

  setLinks(links: SuspensionLink[]): void {
    this.links = links;
    this.cursorLink = -1;
    this.hoverLink = null;
    this.render(null);
  }

  /** The cursor moved in one of the editors. */
  cursorAt(side: Side, pos: number): void {
    this.cursorLink = this.linkAt(side, pos);
    if (this.hoverLink === null) this.render(side);
  }

  private watchPointer(side: Side): void {
    const view = this.views[side];
    view.contentDOM.addEventListener("mousemove", (event) => {
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      const index = pos === null ? -1 : this.linkAt(side, pos);
      if (index === this.hoverLink) return;
      this.hoverLink = index;
      this.render(side);
    });
    view.contentDOM.addEventListener("mouseleave", () => {
      this.hoverLink = null;
      this.render(null);
    });
  }

  private linkAt(side: Side, pos: number): number {
    let best = -1;
    let bestSize = Infinity;
    this.links.forEach((link, index) => {
      for (const range of side === "source" ? [link.source] : link.generated) {
        const size = range.to - range.from;
        if (range.from <= pos && pos <= range.to && size < bestSize) [best, bestSize] = [index, size];
      }
    });
    return best;
  }

  /** `from`: the editor the user is in; the other one scrolls to the active link. */
  private render(from: Side | null): void {
    const index = this.hoverLink ?? this.cursorLink;
    const link = this.links[index];
    const marks = (side: Side, active: TextRange[]) => ({
      all: this.links.flatMap((l) => (side === "source" ? [l.source] : l.generated)),
      active,
    });
    const targets: Record<Side, TextRange[]> = { source: link ? [link.source] : [], generated: link?.generated ?? [] };
    for (const side of ["source", "generated"] as const) {
      const view = this.views[side];
      const effects = [setSuspensionMarks.of(marks(side, targets[side]))];
      const target = targets[side][0];
      const scroll = from !== null && from !== side && target ? [EditorView.scrollIntoView(target.from, { y: "nearest", yMargin: 40 })] : [];
      view.dispatch({ effects: [...effects, ...scroll] });
    }
    this.status.innerHTML = link ? this.describe(link) : DEFAULT_STATUS;
  }

  private describe(link: SuspensionLink): string {
    const line = (side: Side, range: TextRange) => this.views[side].state.doc.lineAt(range.from).number;
    const text = this.views.source.state.sliceDoc(link.source.from, link.source.to);
    const keyword = text.startsWith("for") ? "for await" : text.startsWith("yield") ? "yield" : "await";
    if (link.generated.length === 0) return `<code>${keyword}</code> on line ${line("source", link.source)} has no <code>yield</code> the source map points back to.`;
    const yields = link.generated.map((r) => line("generated", r)).join(", ");
    return `<code>${keyword}</code> on line ${line("source", link.source)} ↔ <code>yield</code> on line ${yields} of the generator form.`;
  }
}
