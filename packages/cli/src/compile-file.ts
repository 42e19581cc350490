import { toDiagnostic, type Diagnostic } from "./diagnostics.js";
import { transformSource, type TransformInput, type TransformOutput, type TransformSettings } from "./transform.js";

export type TransformResult = { ok: true; output: TransformOutput } | { ok: false; diagnostic: Diagnostic };

/** Transforms one file's code; never throws, so one bad file cannot stop the others. This is the
 *  unit of work of the worker pool (worker.ts), and of the main thread when there is no pool.
 *  Inputs and results are plain data, so they cross a thread boundary as they are. */
export type Transformer = (input: TransformInput) => Promise<TransformResult>;

export function createTransformer(settings: TransformSettings): Transformer {
  return async (input) => {
    try {
      return { ok: true, output: await transformSource(input, settings) };
    } catch (error) {
      // The source stays behind: the caller has it, and it need not cross back from a worker.
      const { source: _source, ...diagnostic } = toDiagnostic(error, input.path, input.code);
      return { ok: false, diagnostic };
    }
  };
}
