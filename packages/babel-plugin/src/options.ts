import { UnawaitError } from "./errors.js";

export type RuntimeDelivery = "auto" | "import" | "require" | "inline";
export type TopLevelAwait = "error" | "wrap";

export interface PluginOptions {
  /** How the output reaches the runtime: `auto` picks import/require from the file's module kind. */
  runtime?: RuntimeDelivery;
  /** The module the runtime is imported from. */
  runtimeModule?: string;
  /** Top-level await: `error` (default) or `wrap` the body of a script/CommonJS file in `run()`. */
  topLevelAwait?: TopLevelAwait;
  /** Report the common async gotchas (forEach(async …), floating promises, …) as warnings. */
  warnings?: boolean;
}

export interface ResolvedOptions {
  runtime: RuntimeDelivery;
  runtimeModule: string;
  topLevelAwait: TopLevelAwait;
  warnings: boolean;
}

const KNOWN: Record<keyof PluginOptions, readonly unknown[] | "string"> = {
  runtime: ["auto", "import", "require", "inline"],
  runtimeModule: "string",
  topLevelAwait: ["error", "wrap"],
  warnings: [true, false],
};

export function resolveOptions(raw: unknown): ResolvedOptions {
  const options = (raw ?? {}) as Record<string, unknown>;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new UnawaitError(`[unawait] options must be an object, got ${JSON.stringify(raw)}`, "BAD_OPTION");
  }
  for (const [key, value] of Object.entries(options)) {
    const allowed = KNOWN[key as keyof PluginOptions];
    if (!allowed) {
      throw new UnawaitError(
        `[unawait] unknown option "${key}". Known options: ${Object.keys(KNOWN).join(", ")}.`,
        "BAD_OPTION",
      );
    }
    const ok = allowed === "string" ? typeof value === "string" && value !== "" : allowed.includes(value);
    if (!ok) {
      const expected = allowed === "string" ? "a non-empty string" : allowed.map((v) => JSON.stringify(v)).join(" | ");
      throw new UnawaitError(
        `[unawait] option "${key}" must be ${expected}, got ${JSON.stringify(value)}.`,
        "BAD_OPTION",
      );
    }
  }
  return {
    runtime: (options.runtime as RuntimeDelivery) ?? "auto",
    runtimeModule: (options.runtimeModule as string) ?? "@unawait/runtime",
    topLevelAwait: (options.topLevelAwait as TopLevelAwait) ?? "error",
    warnings: (options.warnings as boolean) ?? false,
  };
}
