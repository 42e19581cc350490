// A worker process of the pool (pool.mjs). It receives one job at a time — a test variant and the
// pipelines to run it through — and reports each pipeline's result as it finishes, so that the
// parent can tell which one a hang belongs to. Each pipeline runs in a fresh realm.
//
// With UNAWAIT_T262_MAIN_CONTEXT=1 the worker is a one-shot child: the test runs in the worker's
// own main context instead of a vm context, for tests a vm context cannot host faithfully.
import { readFileSync } from "node:fs";
import { executeTest } from "./execute.mjs";

const inMainContext = process.env.UNAWAIT_T262_MAIN_CONTEXT === "1";
let settings;
const transforms = {};

// Rejections the test leaves unhandled are not failures in test262; only `print` and thrown
// errors are. Node would otherwise end the worker on the first one.
process.on("unhandledRejection", () => {});

process.on("message", async (message) => {
  if (message.type === "init") {
    settings = message;
    process.send({ type: "ready" });
  } else if (message.type === "job") {
    await runJob(message.job);
  }
});

async function runJob(job) {
  const raw = readFileSync(job.path, "utf8");
  const source = job.variant === "strict" ? `"use strict";\n${raw}` : raw;
  for (const pipeline of job.pipelines) {
    // Loading Babel is the worker's business, not the test's: it happens before the clock starts.
    const loadError = pipeline === "node" ? null : await loadTransform(pipeline).then(() => null, (error) => error);
    process.send({ type: "start", id: job.id, pipeline });
    const result = loadError
      ? { pass: false, reason: `could not load the transform: ${loadError.message}` }
      : await runPipeline(pipeline, source, job).catch((error) => ({ pass: false, reason: `runner error: ${error?.stack ?? error}` }));
    process.send({ type: "result", id: job.id, pipeline, ...result });
    if (pipeline === "node" && !result.pass) break;
  }
  process.send({ type: "done", id: job.id });
}

// Babel loads on first use only: a one-shot child running the Node baseline never needs it.
let findAsyncSyntax;
async function loadTransform(pipeline) {
  if (transforms[pipeline]) return;
  const { loadTransforms } = await import("./transform.mjs");
  ({ findAsyncSyntax } = await import("../helpers/async-syntax.mjs"));
  transforms[pipeline] = (await loadTransforms([pipeline], settings.repoRoot, settings.pluginEntry))[pipeline];
}

async function runPipeline(pipeline, source, job) {
  const test = { path: job.path, meta: job.meta, harnessDir: settings.harnessDir, inMainContext, idleTurns: settings.idleTurns };
  if (pipeline === "node") return executeTest({ ...test, source });
  const sourceType = job.meta.flags.includes("module") ? "module" : "script";
  const expectsParseError = job.meta.negative?.phase === "parse";
  const output = transforms[pipeline](source, sourceType);
  if (output.rejected !== undefined) {
    return expectsParseError ? { pass: true } : { pass: false, reason: `transform rejected the test: ${output.rejected}` };
  }
  if (output.error !== undefined) return { pass: false, reason: `transform threw: ${output.error}` };
  // A parse-negative test the transform accepted is judged by whether Node still rejects the
  // output at parse time; there is no program whose async syntax could be checked.
  if (!expectsParseError) {
    const leftover = asyncSyntaxLeft(output.code, sourceType);
    if (leftover) return { pass: false, reason: leftover };
  }
  return executeTest({ ...test, source: output.code });
}

function asyncSyntaxLeft(code, sourceType) {
  let hits;
  try {
    hits = findAsyncSyntax(code, sourceType, []).map((hit) => `${hit.construct} at ${hit.line}:${hit.column}`);
  } catch (error) {
    return `the output does not parse: ${String(error.message).split("\n")[0]}`;
  }
  if (hits.length === 0) return null;
  return `async syntax remains: ${hits[0]}${hits.length > 1 ? ` (+${hits.length - 1} more)` : ""}`;
}
