import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "vite";
import type { SandboxWorker } from "../../src/sandbox/run-sandboxed.js";

const entry = fileURLToPath(new URL("./node-worker-entry.ts", import.meta.url));

/** Bundles the sandbox for a Node worker thread (once per test file) with the site's own bundler. */
export async function bundleSandbox(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "silent",
    build: { ssr: entry, write: false, minify: false, rollupOptions: { output: { format: "cjs" } } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunk = outputs[0]!.output.find((file) => file.type === "chunk");
  if (!chunk?.code) throw new Error("bundleSandbox: no chunk in the build output");
  return chunk.code;
}

/** A worker_threads Worker behind the SandboxWorker interface the page uses. */
export function nodeWorkerFactory(bundle: string): () => SandboxWorker {
  return () => {
    const thread = new Worker(bundle, { eval: true });
    const adapter: SandboxWorker = {
      onmessage: null,
      onerror: null,
      postMessage: (request) => thread.postMessage(request),
      terminate: () => void thread.terminate(),
    };
    thread.on("message", (data) => adapter.onmessage?.({ data }));
    thread.on("error", (error) => adapter.onerror?.({ message: String(error) }));
    return adapter;
  };
}
