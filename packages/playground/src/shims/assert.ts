// @babel/helper-module-imports and -transforms import Node's `assert` (for module transforms the
// playground never runs); this keeps the bundle free of a Node built-in all the same.
export default function assert(value: unknown, message?: string): asserts value {
  if (!value) throw new Error(message ?? "Assertion failed");
}
