import type { RuntimeDelivery } from "../transform/transform.js";

/** Everything a shared link restores. */
export interface PlaygroundState {
  code: string;
  runtime: RuntimeDelivery;
  /** The gotcha warnings beside the code; on unless a link turns them off. */
  warnings: boolean;
}

export interface HashOptions {
  /** Examples by id, so that an untouched example shares as a short link. */
  examples: ReadonlyArray<{ id: string; code: string }>;
}

const RUNTIMES: readonly RuntimeDelivery[] = ["import", "inline"];

/**
 * `#example=microtasks-vs-timers&runtime=import`, or `#code=<base64url of UTF-8>&runtime=inline`,
 * plus `&warnings=off` when they are off (so links made before the toggle existed still read the same).
 */
export function stateToHash(state: PlaygroundState, { examples }: HashOptions): string {
  const params = new URLSearchParams();
  const example = examples.find((e) => e.code === state.code);
  if (example) params.set("example", example.id);
  else params.set("code", toBase64Url(state.code));
  params.set("runtime", state.runtime);
  if (!state.warnings) params.set("warnings", "off");
  return `#${params}`;
}

/** The state a hash describes, or null when it names no code (then the page shows its default). */
export function hashToState(hash: string, { examples }: HashOptions): PlaygroundState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const requested = params.get("runtime") as RuntimeDelivery | null;
  const runtime = requested && RUNTIMES.includes(requested) ? requested : "import";
  const warnings = params.get("warnings") !== "off";
  const example = examples.find((e) => e.id === params.get("example"));
  if (example) return { code: example.code, runtime, warnings };
  const encoded = params.get("code");
  if (encoded === null) return null;
  const code = fromBase64Url(encoded);
  return code === null ? null : { code, runtime, warnings };
}

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string | null {
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
