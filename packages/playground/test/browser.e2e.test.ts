// The playground in real Chromium: the built site, served statically, driven like a person would.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "./helpers/static-server.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = fileURLToPath(new URL("..", import.meta.url));
const screenshot = fileURLToPath(new URL("../../../docs/playground.png", import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  // Skipped, not failed: the browser is a system package (.ci/run installs it with apt-get).
  console.warn(`playground e2e skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

describe.skipIf(!hasChromium)(`playground in Chromium (skips when ${CHROMIUM} is missing)`, () => {
  let browser: Browser;
  let page: Page;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    await build({ root, logLevel: "error" }); // the site under test is always the current source
    site = await serveStatic(`${root}/dist`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 960 }, colorScheme: "light" });
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(site.url);
    await page.waitForSelector("body[data-ready]");
  }, 45_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const output = () => page.locator("#output-editor .cm-content").innerText();
  /** One log column as "step: text" lines (1 = async side, 3 = generator side). */
  const column = (side: 1 | 3) =>
    page.locator(`#log-rows .log-row:not(.ending) > .log-cell:nth-child(${side})`).evaluateAll((cells) =>
      cells.map((cell) => `${cell.querySelector(".step")?.textContent}: ${cell.querySelector(".text")?.textContent}`),
    );

  async function typeCode(code: string): Promise<void> {
    await page.click("#source-editor .cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(code);
    await page.keyboard.press("Escape"); // close the completion popup, if any
  }

  async function runBoth(via: "click" | "keyboard" = "click"): Promise<string> {
    if (via === "click") await page.click("#run");
    else await page.keyboard.press("Control+Enter");
    await page.waitForSelector("#run-summary .verdict");
    return page.locator("#run-summary").innerText();
  }

  it("turns typed async code into its generator form, live", async () => {
    await typeCode(`console.log("A"); setTimeout(() => console.log("B"), 0); (async () => { console.log("C"); await null; console.log("D"); })(); console.log("E");`);
    await expect.poll(output).toContain('console.log("B")');
    const text = await output();
    expect(text).toContain("function*");
    expect(text).toContain('import { run } from "@unawait/runtime"');
    expect(text).not.toMatch(/\bawait\b|\basync\b/);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#code=/);
  });

  it("runs both forms (Ctrl+Enter in the editor) and aligns two identical logs, each line tagged with its step", async () => {
    expect(await runBoth("keyboard")).toContain("Same 5 lines");
    const expected = ["synchronous: A", "synchronous: C", "synchronous: E", "microtask 1: D", "task 1: B"];
    expect(await column(1)).toEqual(expected);
    expect(await column(3)).toEqual(expected);
    expect(await page.locator("#log-rows .log-row.same").count()).toBe(5);
  });

  it("links an await to its yield when the cursor is on it", async () => {
    await page.locator("#source-editor .cm-suspension").first().click();
    await expect.poll(() => page.locator("#output-editor .cm-suspension-active").innerText()).toBe("yield null");
    expect(await page.locator("#link-status").innerText()).toMatch(/await on line 1 ↔ yield on line \d+/);
  });

  it("flags the first difference of a pair that really differs", async () => {
    await typeCode(`async function load() { return 1; } console.log("same"); console.log(load.constructor.name); console.log("end");`);
    await expect.poll(output).toContain("function* load$");
    expect(await runBoth()).toMatch(/differ from line 2/);
    expect(await column(1)).toEqual(["synchronous: same", "synchronous: AsyncFunction", "synchronous: end"]);
    expect(await column(3)).toEqual(["synchronous: same", "synchronous: Function", "synchronous: end"]);
    expect(await page.locator("#log-rows .log-row").evaluateAll((rows) => rows.map((r) => r.className))).toEqual([
      "log-row same",
      "log-row changed first-difference",
      "log-row same",
    ]);
  });

  it("reports an unhandled rejection in both runs, after the microtasks", async () => {
    await page.selectOption("#example", "fire-and-forget");
    await expect.poll(output).toContain("function* onClick$");
    expect(await runBoth()).toContain("Same 3 lines");
    const uncaught = "after microtasks: Uncaught (in promise) Error: metrics server is down (forgotten)";
    expect((await column(1)).at(-1)).toBe(uncaught);
    expect((await column(3)).at(-1)).toBe(uncaught);
  });

  it("stops an endless loop at the time limit while the page stays responsive", async () => {
    await typeCode(`console.log("before"); while (true) {}`);
    await expect.poll(output).toContain("while (true)");
    await page.click("#run");
    // The page answers while both workers spin: the editor still takes input.
    expect(await page.evaluate(() => document.querySelector("#run")?.hasAttribute("disabled"))).toBe(true);
    await page.click("#source-editor .cm-content");
    await page.keyboard.press("End");
    await page.keyboard.type(" // still typing");
    await page.waitForSelector("#run-summary .verdict", { timeout: 10_000 });
    expect(await column(1)).toEqual(["synchronous: before"]);
    expect(await column(3)).toEqual(["synchronous: before"]);
    const endings = await page.locator("#log-rows .log-row.ending .log-cell.timeout").allInnerTexts();
    expect(endings).toHaveLength(2);
    expect(endings[0]).toMatch(/time limit/);
    expect(await page.locator("#source-editor .cm-content").innerText()).toContain("// still typing");
  });

  it("shows a transform error at its place in the code", async () => {
    await typeCode(`console.log(1);\nawait 2;`);
    await page.waitForSelector("#transform-error:not([hidden])");
    expect(await page.locator("#transform-error .message").innerText()).toMatch(/line 2, column 1.*top-level await/);
    await expect.poll(() => page.locator("#source-editor .cm-lintRange-error").count()).toBeGreaterThan(0);
  });

  const warningEntries = () => page.locator("#warnings .warnings-list li").allInnerTexts();
  const warningUnderlines = () => page.locator("#source-editor .cm-lintRange-warning").count();

  it("draws a gotcha example's warning beside the code: underlined, explained on hover, listed", async () => {
    await page.selectOption("#example", "foreach-await");
    await expect.poll(warningEntries).toHaveLength(1);
    expect((await warningEntries())[0]).toMatch(/^14:9 async-array-callback /);
    expect(await page.locator("#warnings .warnings-summary").innerText()).toMatch(/^1 gotcha warning\b/);
    await expect.poll(warningUnderlines).toBe(1);
    await page.locator("#source-editor .cm-lintRange-warning").hover();
    const tooltip = page.locator(".cm-tooltip-lint .cm-diagnostic-warning");
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(/forEach/);
    await page.mouse.move(0, 0);
  });

  it("shows no warning for a clean example, and none at all once the toggle is off", async () => {
    await page.selectOption("#example", "await-ordering");
    await expect.poll(() => page.locator("#warnings .warnings-summary").innerText()).toBe("No gotcha warnings.");
    expect(await warningUnderlines()).toBe(0);
    expect(await warningEntries()).toEqual([]);

    await page.selectOption("#example", "try-catch-finally");
    await expect.poll(warningEntries).toEqual([expect.stringMatching(/^16:5 await-in-finally /)]);
    await page.click("#warnings-toggle");
    await expect.poll(warningUnderlines).toBe(0);
    expect(await warningEntries()).toEqual([]);
    expect(await page.evaluate(() => location.hash)).toContain("warnings=off");
    await page.click("#warnings-toggle");
    await expect.poll(warningUnderlines).toBe(1);
    expect(await page.evaluate(() => location.hash)).not.toContain("warnings");
  });

  it("restores code and options from a shared URL, and folds the inlined runtime", async () => {
    await page.goto(`${site.url}#example=microtasks-vs-timers&runtime=inline`);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator("#example").inputValue()).toBe("microtasks-vs-timers");
    expect(await page.locator("#runtime input[value=inline]").isChecked()).toBe(true);
    await expect.poll(() => page.locator("#output-editor .cm-foldPlaceholder").count()).toBe(1);
  });

  it("switches between light and dark, and stacks the panes on a phone", async () => {
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const editorBackground = () => page.locator("#source-editor .cm-editor").evaluate((e) => getComputedStyle(e).backgroundColor);
    const before = [await theme(), await editorBackground()];
    await page.click("#theme");
    expect(await theme()).toBe(before[0] === "dark" ? "light" : "dark");
    expect(await editorBackground()).not.toBe(before[1]);
    await page.click("#theme");
    expect(await theme()).toBe(before[0]);

    await page.setViewportSize({ width: 390, height: 844 });
    const [left, right] = await page.locator(".pane").evaluateAll((panes) => panes.map((p) => p.getBoundingClientRect().toJSON()));
    expect(right.x).toBe(left.x);
    expect(right.y).toBeGreaterThan(left.y + left.height - 1);
    await page.setViewportSize({ width: 1400, height: 960 });
  });

  it("saves a screenshot of the article's example, run and linked", async () => {
    await page.locator("#runtime label", { hasText: "import" }).click();
    await expect.poll(output).toContain('from "@unawait/runtime"');
    expect(await runBoth()).toContain("Same 5 lines");
    await page.locator("#source-editor .cm-suspension").first().click();
    await page.waitForSelector("#output-editor .cm-suspension-active");
    mkdirSync(fileURLToPath(new URL("../../../docs/", import.meta.url)), { recursive: true });
    await page.setViewportSize({ width: 1400, height: 760 }); // fullPage grows it to the content
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(existsSync(screenshot)).toBe(true);
  });
});
