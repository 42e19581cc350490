import { type Extension, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView } from "@codemirror/view";

export interface MarkedRange {
  from: number;
  to: number;
}

/** Every linked suspension of this editor, and the ones belonging to the active link. */
export interface SuspensionMarks {
  all: MarkedRange[];
  active: MarkedRange[];
}

export const setSuspensionMarks = StateEffect.define<SuspensionMarks>();

const linked = Decoration.mark({ class: "cm-suspension" });
const active = Decoration.mark({ class: "cm-suspension-active", attributes: { "data-linked": "active" } });

function build(marks: SuspensionMarks, length: number): DecorationSet {
  const ranges = [
    ...marks.all.map((r) => ({ ...r, deco: linked })),
    ...marks.active.map((r) => ({ ...r, deco: active })),
  ]
    .filter((r) => r.from < r.to && r.to <= length)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const builder = new RangeSetBuilder<Decoration>();
  for (const r of ranges) builder.add(r.from, r.to, r.deco);
  return builder.finish();
}

/** Decorations for awaits (left) or yields (right); replaced wholesale through the effect. */
export const suspensionMarks: Extension = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setSuspensionMarks)) next = build(effect.value, transaction.newDoc.length);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
