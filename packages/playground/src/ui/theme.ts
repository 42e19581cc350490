import type { ThemeName } from "../editor/themes.js";

const KEY = "unawait-theme";

export function currentTheme(): ThemeName {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

/** Flips the page theme, remembers the choice, and tells the caller (the editors follow). */
export function bindThemeToggle(button: HTMLButtonElement, onChange: (theme: ThemeName) => void): void {
  const label = () => button.setAttribute("aria-label", `Switch to ${currentTheme() === "dark" ? "light" : "dark"} theme`);
  label();
  button.addEventListener("click", () => {
    const next: ThemeName = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem(KEY, next);
    label();
    onChange(next);
  });
}
