#!/usr/bin/env node
// node test/fuzz/check-realm.mjs A..B — evidence for realm.mjs's claim that a vm context with
// virtual timers logs what a real process would: runs each seed's program natively both ways
// (a vm realm in this process, and a fresh `node` process with real timers and Node's own
// unhandled-rejection reporting) and counts the programs whose logs differ. Real timers race
// with wall-clock time, so a rare difference between close timers is expected noise there.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { generateProgram } from "./generate/program.mjs";

const PRELUDE_FILE = fileURLToPath(new URL("./prelude.js", import.meta.url));
// Real delays are stretched so that a loaded machine (a callback running late by a few ms) does
// not reorder timers that the program itself orders; equal due times still race in Node.
const SCALE = 25;

/** Child side: the program as the main script of this process, real timers, Node's own reporting. */
function child() {
  const lines = [];
  const reported = new WeakMap();
  // The prelude replaces the globals, so the host keeps Node's own.
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout, queueMicrotask: realQueueMicrotask } = globalThis;
  const format = vm.runInThisContext(readFileSync(PRELUDE_FILE, "utf8"))({
    log: (line) => lines.push(line),
    setTimeout: (callback, ms, args) => realSetTimeout(callback, Math.max(1, Number(ms) || 0) * SCALE, ...args),
    clearTimeout: (id) => realClearTimeout(id),
    queueMicrotask: realQueueMicrotask,
  });
  process.on("unhandledRejection", (reason, promise) => {
    reported.set(promise, format(reason));
    lines.push(`!unhandled ${format(reason)}`);
  });
  process.on("rejectionHandled", (promise) => lines.push(`!handled-late ${reported.get(promise) ?? "?"}`));
  process.on("uncaughtException", (error) => {
    lines.push(`!uncaught ${format(error)}`);
    process.exit(0);
  });
  process.on("exit", () => process.stdout.write(JSON.stringify(lines)));
  vm.runInThisContext(readFileSync(0, "utf8"), { filename: "program.js" });
}

async function parent(range) {
  const { runProgram } = await import("./realm.mjs");
  const [from, to] = range.split("..").map(Number);
  const differing = [];
  for (let seed = from; seed <= to; seed++) {
    const code = generateProgram(seed);
    const inRealm = await runProgram(code);
    const inProcess = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child"], { input: code }).toString());
    if (JSON.stringify(inRealm) !== JSON.stringify(inProcess)) differing.push(seed);
  }
  console.log(`check-realm: ${to - from + 1} programs, ${differing.length} with a different log in a real process${differing.length ? `: seeds ${differing.join(" ")}` : ""}`);
}

if (process.argv[2] === "--child") child();
else await parent(process.argv[2] ?? "1..50");
