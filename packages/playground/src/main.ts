import "./styles.css";
import { foldEffect } from "@codemirror/language";
import type { EditorView } from "@codemirror/view";
import { createOutputEditor, createSourceEditor, replaceDoc, setTheme } from "./editor/editors.js";
import { LinkController } from "./editor/link-controller.js";
import { DEFAULT_EXAMPLE, EXAMPLES } from "./examples/index.js";
import { createBrowserWorker } from "./sandbox/browser-worker.js";
import { runSandboxed } from "./sandbox/run-sandboxed.js";
import { hashToState, stateToHash, type PlaygroundState } from "./share/url-state.js";
import type { RuntimeDelivery } from "./transform/transform.js";
import { GotchaWarningsView } from "./ui/gotcha-warnings.js";
import { showResults, showRunning, type GeneratorRun, type ResultsView } from "./ui/results.js";
import { bindThemeToggle, currentTheme } from "./ui/theme.js";
import { TransformErrorView } from "./ui/transform-error.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pipeline = import("./transform/pipeline.js");
const hashOptions = { examples: EXAMPLES };

let state: PlaygroundState = hashToState(location.hash, hashOptions) ?? { code: DEFAULT_EXAMPLE.code, runtime: "import", warnings: true };

const source = createSourceEditor({
  parent: $("source-editor"),
  doc: state.code,
  label: "Async code (editable)",
  theme: currentTheme(),
  onRun: () => void runBoth(),
  onCursor: (pos) => links.cursorAt("source", pos),
  onChange: (code) => {
    state = { ...state, code };
    scheduleRefresh();
  },
});
const output = createOutputEditor({
  parent: $("output-editor"),
  doc: "// loading the plugin…",
  label: "Generator form (read-only)",
  theme: currentTheme(),
  onRun: () => void runBoth(),
  onCursor: (pos) => links.cursorAt("generated", pos),
});
const links = new LinkController({ source, generated: output }, $("link-status"));
const transformError = new TransformErrorView($("transform-error"), source, output);
const gotchas = new GotchaWarningsView($("warnings"), source);
const results: ResultsView = {
  rows: $("log-rows"),
  timelines: { left: $("left-timeline"), right: $("right-timeline") },
  summary: $("run-summary"),
  meta: { left: $("left-meta"), right: $("right-meta") },
};

/* ---------- the live generator form ---------- */

let hasOutput = false;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), 150);
}

async function refresh(): Promise<void> {
  const { transformAsyncCode, linkSuspensions, inlineRuntimeBody } = await pipeline;
  const { code, runtime, warnings } = state;
  const result = transformAsyncCode(code, runtime, { warnings });
  writeHash();
  syncExampleMenu();
  if (!result.ok) {
    gotchas.unavailable();
    transformError.show(result);
    links.setLinks([]);
    if (!hasOutput) replaceDoc(output, "// The generator form appears here once the code transforms.");
    return;
  }
  hasOutput = true;
  transformError.clear();
  if (warnings) gotchas.show(result.warnings);
  else gotchas.off();
  replaceDoc(output, result.code);
  if (runtime === "inline") foldRange(output, inlineRuntimeBody(result.code));
  try {
    links.setLinks(linkSuspensions(code, result.code, result.map));
  } catch {
    links.setLinks([]); // the links are a help; a parse quirk must not hide the output
  }
  document.body.dataset.ready = "true";
}

function foldRange(view: EditorView, range: { from: number; to: number } | null): void {
  if (range && range.to > range.from) view.dispatch({ effects: foldEffect.of(range) });
}

/* ---------- running both forms ---------- */

let running = false;
async function runBoth(): Promise<void> {
  if (running) return;
  running = true;
  const button = $<HTMLButtonElement>("run");
  button.disabled = true;
  $("logs").setAttribute("aria-busy", "true");
  showRunning(results);
  try {
    const { transformAsyncCode } = await pipeline;
    const code = source.state.doc.toString();
    const lowered = transformAsyncCode(code, "inline"); // runs always carry their own runtime
    const options = { createWorker: createBrowserWorker };
    const generator: Promise<GeneratorRun> = lowered.ok
      ? runSandboxed(lowered.code, options)
      : Promise.resolve({ notRun: "the transform failed, see the error above the generator form" });
    const [nativeResult, generatorResult] = await Promise.all([runSandboxed(code, options), generator]);
    showResults(results, nativeResult, generatorResult);
  } finally {
    running = false;
    button.disabled = false;
    $("logs").removeAttribute("aria-busy");
  }
}

/* ---------- toolbar, URL, theme ---------- */

const exampleMenu = $<HTMLSelectElement>("example");
const custom = new Option("Your code", "", false, false);
custom.disabled = true;
exampleMenu.append(custom, ...EXAMPLES.map((e) => new Option(e.title, e.id)));
exampleMenu.addEventListener("change", () => {
  const example = EXAMPLES.find((e) => e.id === exampleMenu.value);
  if (example) replaceDoc(source, example.code);
});

function syncExampleMenu(): void {
  exampleMenu.value = EXAMPLES.find((e) => e.code === state.code)?.id ?? "";
}

const warningsToggle = $<HTMLInputElement>("warnings-toggle");
warningsToggle.checked = state.warnings;
warningsToggle.addEventListener("change", () => {
  state = { ...state, warnings: warningsToggle.checked };
  void refresh();
});

for (const radio of document.querySelectorAll<HTMLInputElement>("#runtime input")) {
  radio.checked = radio.value === state.runtime;
  radio.addEventListener("change", () => {
    state = { ...state, runtime: radio.value as RuntimeDelivery };
    void refresh();
  });
}

let writtenHash = "";
function writeHash(): void {
  writtenHash = stateToHash(state, hashOptions);
  if (location.hash !== writtenHash) history.replaceState(null, "", writtenHash);
}

addEventListener("hashchange", () => {
  if (location.hash === writtenHash) return;
  const next = hashToState(location.hash, hashOptions);
  if (!next) return;
  state = next;
  for (const radio of document.querySelectorAll<HTMLInputElement>("#runtime input")) radio.checked = radio.value === next.runtime;
  warningsToggle.checked = next.warnings;
  replaceDoc(source, next.code);
  void refresh();
});

$("share").addEventListener("click", async () => {
  writeHash();
  try {
    await navigator.clipboard.writeText(location.href);
    toast("Link copied — it holds the code and the options.");
  } catch {
    toast("Copy the address bar: it holds the code and the options.");
  }
});

$("run").addEventListener("click", () => void runBoth());
addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) void runBoth();
});

bindThemeToggle($("theme"), (theme) => setTheme([source, output], theme));

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(message: string): void {
  const element = $("toast");
  element.textContent = message;
  element.classList.add("visible");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => element.classList.remove("visible"), 2500);
}

void refresh();
