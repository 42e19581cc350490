import { types as t } from "@babel/core";
import type { NameRegistry } from "./names.js";

/** The parameters that count for `.length`: those before the first default or rest. */
function lengthParams(params: t.Function["params"]): t.Function["params"] {
  const end = params.findIndex((p) => t.isAssignmentPattern(p) || t.isRestElement(p));
  return end === -1 ? params : params.slice(0, end);
}

function isThisParam(p: t.Node): boolean {
  return t.isIdentifier(p, { name: "this" }); // TypeScript's `this: T` pseudo-parameter
}

/**
 * Placeholder parameters for a wrapper: one simple name per parameter that counts for
 * `.length`, so the wrapper reports the native length while the real parameter list (with its
 * defaults and destructuring, whose errors must reject the promise) moves to the generator.
 *   async function f(a, { b }, c = 1) {}   →   function f(a, _ref) { ... }
 */
export function placeholderParams(params: t.Function["params"], names: NameRegistry): t.Identifier[] {
  return lengthParams(params)
    .filter((p) => !isThisParam(p))
    .map((p) => {
      if (t.isIdentifier(p) && p.name !== "arguments") {
        const copy = t.identifier(p.name);
        if (p.typeAnnotation) copy.typeAnnotation = t.cloneNode(p.typeAnnotation);
        if (p.optional) copy.optional = true;
        return copy;
      }
      return t.identifier(names.fresh("_ref"));
    });
}

/** True when every parameter is plain (no default, rest or pattern). */
export function hasSimpleParams(params: t.Function["params"]): boolean {
  return params.every((p) => t.isIdentifier(p));
}

/**
 * Arrow wrappers have no `arguments`, so they forward exactly their parameters:
 *   async (a, b) => …        →  (a, b) => run(g, this, [a, b])
 *   async (a, b = 1) => …    →  (a, ...rest) => run(g, this, [a, ...rest])
 * The arrow body cannot observe its own arguments object, so forwarding the declared
 * parameters (plus the rest) is exact.
 */
export function arrowForwarding(
  params: t.Function["params"],
  names: NameRegistry,
): { params: (t.Identifier | t.RestElement)[]; args: t.ArrayExpression } {
  const plain = placeholderParams(params, names);
  const elements: (t.Expression | t.SpreadElement)[] = plain.map((p) => t.identifier(p.name));
  const wrapperParams: (t.Identifier | t.RestElement)[] = [...plain];
  const realCount = params.filter((p) => !isThisParam(p)).length;
  if (plain.length < realCount) {
    const rest = t.identifier(names.fresh("rest"));
    wrapperParams.push(t.restElement(rest));
    elements.push(t.spreadElement(t.identifier(rest.name)));
  }
  return { params: wrapperParams, args: t.arrayExpression(elements) };
}
