import { javascript } from "@codemirror/lang-javascript";
import { lintGutter } from "@codemirror/lint";
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { suspensionMarks } from "./suspension-marks.js";
import { baseTheme, themeCompartment, themeExtension, type ThemeName } from "./themes.js";

interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  label: string;
  theme: ThemeName;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Cursor or selection moved (by keyboard or pointer): the position of the main cursor. */
  onCursor: (pos: number) => void;
}

function common(options: EditorOptions): Extension {
  return [
    basicSetup,
    javascript(),
    baseTheme,
    themeCompartment.of(themeExtension(options.theme)),
    suspensionMarks,
    EditorView.lineWrapping,
    // Above basicSetup, whose default keymap binds Mod-Enter to "insert blank line".
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (options.onRun(), true) }])),
    EditorView.contentAttributes.of({ "aria-label": options.label }),
    EditorView.updateListener.of((update) => {
      if (update.selectionSet || update.docChanged) options.onCursor(update.state.selection.main.head);
    }),
  ];
}

/** The async code: editable; reports every change. Tab moves focus on (no indentWithTab). */
export function createSourceEditor(options: EditorOptions & { onChange: (code: string) => void }): EditorView {
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        common(options),
        lintGutter(),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** The generator form: read-only but focusable, so the keyboard can walk it and its links. */
export function createOutputEditor(options: EditorOptions): EditorView {
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({ doc: options.doc, extensions: [common(options), EditorState.readOnly.of(true)] }),
  });
}

export function setTheme(views: EditorView[], theme: ThemeName): void {
  for (const view of views) view.dispatch({ effects: themeCompartment.reconfigure(themeExtension(theme)) });
}

export function replaceDoc(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
