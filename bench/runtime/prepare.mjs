// Produces every variant of every benchmark source, cached in bench/.work/<variant>/ under a key
// made of the source, the transformers' versions and the built unawait plugin: a rerun with
// nothing changed transforms nothing. A variant that fails to transform is recorded, not fatal —
// the report shows it as n/a.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { workDir } from "./paths.mjs";
import { unawaitPlugin } from "./snapshot.mjs";
import { transformerVersions } from "./variants.mjs";

let fingerprint;
function cacheKey(variant, source) {
  fingerprint ??= JSON.stringify(transformerVersions()) + unawaitPlugin.fingerprint();
  return createHash("sha256").update(variant.cacheId ?? variant.name).update(fingerprint).update(source).digest("hex");
}

/** An expected "not yet" from a transform, as opposed to a crash. */
function describeFailure(error) {
  const message = String(error?.message ?? error).split("\n")[0];
  return { unsupported: /not supported yet/i.test(message), message };
}

/**
 * Transforms `sourceFile` for `variant` into bench/.work/<variant>/<group>/<name>.mjs.
 * Returns { file } or { error: { unsupported, message } }.
 */
export function prepare(variant, sourceFile, group) {
  const source = readFileSync(sourceFile, "utf8");
  const out = join(workDir, variant.name, group, basename(sourceFile).replace(/\.js$/, ".mjs"));
  const keyFile = `${out}.key`;
  const errorFile = `${out}.error.json`;
  const key = cacheKey(variant, source);
  if (existsSync(keyFile) && readFileSync(keyFile, "utf8") === key) {
    return existsSync(errorFile) ? { error: JSON.parse(readFileSync(errorFile, "utf8")) } : { file: out };
  }
  mkdirSync(dirname(out), { recursive: true });
  rmSync(errorFile, { force: true });
  let result;
  try {
    writeFileSync(out, variant.transform(source, sourceFile));
    result = { file: out };
  } catch (error) {
    result = { error: describeFailure(error) };
    // Only a deliberate "not supported yet" is cached; anything else is retried next time.
    if (!result.error.unsupported) return result;
    writeFileSync(errorFile, JSON.stringify(result.error));
  }
  writeFileSync(keyFile, key);
  return result;
}
