// The module host of one test run: test262 specifiers are `./name` relative to the importing file,
// read as UTF-8 source text (or JSON for `.json`, with `type: "json"`), one module record per
// file and type for the whole run, so cycles and self-imports meet the same record.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import vm from "node:vm";

export class ModuleHost {
  /** @param {{ context: vm.Context | null, global: object }} realm */
  constructor(realm) {
    this.realm = realm;
    this.records = new Map();
    this.linker = (specifier, referrer, extra) =>
      this.load(specifier, referrer.identifier, attributesOf(extra));
    // Node hands dynamic import() back to us; V8 needs the record linked and evaluated before it
    // can give out its namespace, and import() of an errored module rejects with its error.
    this.importModuleDynamically = async (specifier, referrer, attributes) => {
      // Loading is asynchronous for a real host: the module graph being evaluated right now
      // finishes before an import() it started can evaluate anything (verify-dfs.js).
      await null;
      const referrerPath = referrer?.identifier ?? this.scriptPath;
      const record = this.load(String(specifier), referrerPath, attributesOf(attributes));
      await this.linkAndEvaluate(record);
      return record;
    };
    this.evaluations = new Map();
  }

  // Two import() calls of one module share its linking and evaluation (the second call may come
  // while the first is still linking, when Node refuses to start another link or evaluation).
  linkAndEvaluate(record) {
    if (!this.evaluations.has(record)) {
      this.evaluations.set(record, (async () => {
        if (record.status === "unlinked") await record.link(this.linker);
        // A module of a cycle still evaluating (top-level await) already has its namespace.
        if (record.status !== "evaluating") await record.evaluate();
      })());
    }
    return this.evaluations.get(record);
  }

  /** The record of the test file itself, registered so that `import "./self.js"` finds it. */
  compileTestModule(source, path) {
    const record = this.compile(source, path);
    this.records.set(keyOf(path, undefined), record);
    return record;
  }

  compile(source, path) {
    return new vm.SourceTextModule(source, {
      identifier: path,
      importModuleDynamically: this.importModuleDynamically,
      ...(this.realm.context ? { context: this.realm.context } : {}),
    });
  }

  load(specifier, referrerPath, type) {
    const path = resolve(dirname(referrerPath), specifier);
    const key = keyOf(path, type);
    let record = this.records.get(key);
    if (!record) {
      record = type === "json" ? this.jsonModule(path) : this.sourceModule(path, type);
      this.records.set(key, record);
    }
    return record;
  }

  sourceModule(path, type) {
    if (type !== undefined) throw new this.realm.global.TypeError(`unsupported module type "${type}"`);
    return this.compile(readFileSync(path, "utf8"), path);
  }

  jsonModule(path) {
    const value = this.realm.global.JSON.parse(readFileSync(path, "utf8"));
    return new vm.SyntheticModule(["default"], function () { this.setExport("default", value); }, {
      identifier: path,
      ...(this.realm.context ? { context: this.realm.context } : {}),
    });
  }
}

function attributesOf(extra) {
  const attributes = extra?.attributes ?? extra?.assert ?? extra ?? {};
  return attributes.type;
}

function keyOf(path, type) {
  return `${path}\0${type ?? ""}`;
}
