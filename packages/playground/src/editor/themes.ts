import { oneDark } from "@codemirror/theme-one-dark";
import { Compartment, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export type ThemeName = "light" | "dark";

/** Sizes and the suspension marks, shared by both themes; colours come from the page's CSS variables. */
const base = EditorView.theme({
  "&": { fontSize: "13.5px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.55" },
  ".cm-content": { padding: "10px 0" },
  ".cm-suspension": { borderBottom: "2px solid var(--suspend-line)", borderRadius: "2px" },
  ".cm-suspension-active": {
    backgroundColor: "var(--suspend-bg)",
    outline: "1px solid var(--suspend-line)",
    borderRadius: "3px",
  },
  "&.cm-focused": { outline: "none" },
});

const light = EditorView.theme({
  "&": { backgroundColor: "var(--panel)", color: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--panel)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
}, { dark: false });

const dark = EditorView.theme({
  "&": { backgroundColor: "var(--panel)" },
  ".cm-gutters": { backgroundColor: "var(--panel)", borderRight: "1px solid var(--border)" },
}, { dark: true });

export const themeCompartment = new Compartment();

export function themeExtension(name: ThemeName): Extension {
  return name === "dark" ? [oneDark, dark] : light;
}

export const baseTheme = base;
