import type { NodePath } from "@babel/core";

/**
 * The descendants of `root` that `test` accepts, leaving out the insides of nested functions
 * (arrows included): an `await`, `return` or `throw` in there belongs to another function.
 */
export function collectOwn(root: NodePath, test: (path: NodePath) => boolean): NodePath[] {
  const found: NodePath[] = [];
  if (test(root)) found.push(root);
  root.traverse({
    enter(path) {
      if (path.isFunction()) return path.skip();
      if (test(path)) found.push(path);
    },
  });
  return found;
}

/** Whether `root` (outside nested functions) holds a node `test` accepts. */
export function containsOwn(root: NodePath, test: (path: NodePath) => boolean): boolean {
  if (test(root)) return true;
  let hit = false;
  root.traverse({
    enter(path) {
      // skip, not stop: a stop flag set in a nested traversal must not leak into the caller's.
      if (hit || path.isFunction()) return path.skip();
      if (test(path)) hit = true;
    },
  });
  return hit;
}

/** Whether `path` lies inside `ancestor` (or is it). */
export function isWithin(path: NodePath, ancestor: NodePath): boolean {
  return path.node === ancestor.node || path.findParent((p) => p.node === ancestor.node) !== null;
}

/** Whether an `await` can appear at `path`: in an async function, or at the top level of a module. */
export function canAwait(path: NodePath): boolean {
  const fn = path.getFunctionParent();
  if (fn) return fn.node.async === true;
  return (path.scope.getProgramParent().path.node as { sourceType?: string }).sourceType === "module";
}
