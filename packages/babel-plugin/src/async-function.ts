import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { FileContext } from "./context.js";
import { errorAt } from "./errors.js";
import { homeObjectOf } from "./home-object.js";
import { scanLexicalUses, walkLexical, walkOwnBody } from "./lexical.js";
import { insertIntoList } from "./statement-list.js";
import { rewriteArrowCaptures } from "./lexical-captures.js";
import { functionNameHint } from "./names.js";
import { arrowForwarding, placeholderParams } from "./params.js";
import { addClassSlot, findSite } from "./placement.js";
import { rewriteSuper } from "./super-access.js";

/**
 * Lowers one async function or async generator (declaration, expression, arrow, object or
 * class method) into a
 * synchronous wrapper that keeps the function's identity — name, length, position, `this`
 * binding, method-ness — and a generator that holds the body, created once per function
 * object (see placement.ts):
 *
 *   async function sum(a, b) {            function sum(a, b) {
 *     const x = await f(a);          →      return run(sum$, this, arguments);
 *     return x + b;                       }
 *   }                                     function* sum$(a, b) {
 *                                           const x = yield f(a);
 *                                           return x + b;
 *                                         }
 */
export function lowerAsyncFunction(path: NodePath<t.Function>, ctx: FileContext): void {
  const node = path.node;
  const isGenerator = node.generator;
  if (!isGenerator && !path.isInStrictMode()) renameYieldIdentifiers(path, ctx);
  const uses = scanLexicalUses(node);
  const isArrow = path.isArrowFunctionExpression();
  if (isArrow && !t.isBlockStatement(node.body)) {
    node.body = t.blockStatement([t.returnStatement(node.body as t.Expression)]);
  }
  const body = node.body as t.BlockStatement;

  const temps: t.Identifier[] = [];
  if (uses.super) {
    rewriteSuper(path, {
      home: lazy(() => homeObjectOf(path, ctx)),
      helpers: ctx.helpers,
      strict: path.isInStrictMode(),
      temp: () => {
        const id = t.identifier(ctx.names.fresh("_key"));
        temps.push(id);
        return t.identifier(id.name);
      },
    });
  }
  if (isArrow) rewriteArrowCaptures(path as NodePath<t.ArrowFunctionExpression>, ctx);
  if (isGenerator) lowerGeneratorYields(node, ctx);
  awaitToYield(node);
  if (isGenerator) awaitReturns(node);
  if (temps.length) body.body.unshift(t.variableDeclaration("var", temps.map((id) => t.variableDeclarator(id))));

  const name = `${functionNameHint(path)}$`;
  const generatorBody = t.blockStatement(body.body, body.directives);
  const generator = t.functionExpression(null, node.params as t.FunctionExpression["params"], generatorBody, true, false);
  if (node.typeParameters) generator.typeParameters = t.cloneNode(node.typeParameters);

  const reference = placeGenerator(path, generator, name, ctx);

  const needsThis = uses.this || uses.super || uses.eval;
  const needsArgs = node.params.length > 0 || uses.arguments || uses.eval;
  if (!isGenerator && !needsThis && !uses.arguments && canCallDirectly(node.params)) {
    // Binding plain parameters cannot throw, and nothing in the body can see `this` or the
    // arguments object, so the wrapper makes the generator itself: `run(f$(a, b))` costs no
    // arguments object and no Reflect.apply per call.
    node.params = placeholderParams(node.params, ctx.names);
    const call = t.callExpression(ctx.helpers.ref("run"), [t.callExpression(reference, node.params.map((p) => t.identifier((p as t.Identifier).name)))]);
    node.body = isArrow ? call : t.blockStatement([t.returnStatement(call)], body.directives.map((d) => t.cloneNode(d)));
  } else if (isArrow) {
    const { params, args } = arrowForwarding(node.params, ctx.names);
    const callArgs: t.Expression[] = [reference];
    if (needsThis || params.length) callArgs.push(t.thisExpression());
    if (params.length) callArgs.push(args);
    node.params = params;
    node.body = t.callExpression(ctx.helpers.ref("run"), callArgs);
  } else {
    const callArgs: t.Expression[] = [reference];
    const shaped = isGenerator && path.isFunctionDeclaration() && path.node.id;
    if (needsThis || needsArgs || shaped) callArgs.push(t.thisExpression());
    if (needsArgs || shaped) callArgs.push(t.identifier("arguments"));
    if (shaped) {
      // Native shape: `gen` inherits %AsyncGeneratorFunction.prototype% and instances inherit
      // `gen.prototype`. Set up at the top of the scope, before any hoisted call can happen.
      callArgs.push(t.identifier(path.node.id!.name));
      giveGeneratorFunctionShape(path as NodePath<t.FunctionDeclaration>, ctx);
    }
    node.params = placeholderParams(node.params, ctx.names);
    node.body = t.blockStatement(
      [t.returnStatement(t.callExpression(ctx.helpers.ref(isGenerator ? "asyncGen" : "run"), callArgs))],
      body.directives.map((d) => t.cloneNode(d)),
    );
  }
  node.async = false;
  node.generator = false;
  if (path.isFunctionDeclaration() && isSloppyBlockLevel(path)) hoistSloppyBlockWrapper(path);
}

/** Plain, distinct parameter names (no TypeScript `this` parameter, none called `arguments`):
 *  the wrapper can pass its own parameters on, one for one. */
function canCallDirectly(params: t.Function["params"]): boolean {
  const names = new Set<string>();
  for (const p of params) {
    if (p.type !== "Identifier" || p.name === "this" || p.name === "arguments" || names.has(p.name)) return false;
    names.add(p.name);
  }
  return true;
}

/**
 * In an async generator the body's own `yield`s talk to the consumer, so they are marked for
 * the runtime, which drives the plain `yield`s (the former `await`s) itself:
 *   yield v    →  yield emit(v)          Await(v), then AsyncGeneratorYield
 *   yield* it  →  yield* delegate(it)    async yield* over GetIterator(it, async)
 */
function lowerGeneratorYields(fn: t.Function, ctx: FileContext): void {
  const visit = (node: t.Node): t.Node | void => {
    if (node.type !== "YieldExpression" || ctx.runtimeYields.has(node)) return;
    if (node.delegate) return at(node, t.yieldExpression(t.callExpression(ctx.helpers.ref("delegate"), [node.argument!]), true));
    return at(node, t.yieldExpression(t.callExpression(ctx.helpers.ref("emit"), node.argument ? [node.argument] : []), false));
  };
  for (const param of fn.params) walkLexical(param, visit);
  walkLexical(fn.body, visit);
}

/** `return v` in an async generator awaits v inside the body (a rejection is catchable there):
 *  `return v` → `return yield v`. */
function awaitReturns(fn: t.Function): void {
  walkOwnBody(fn.body, (node) => {
    if (node.type === "ReturnStatement" && node.argument) node.argument = t.yieldExpression(node.argument, false);
  });
}

/** `await x` → `yield x`, everywhere the function's own `await` reaches. */
function awaitToYield(fn: t.Function): void {
  const visit = (node: t.Node): t.Node | void => {
    if (node.type === "AwaitExpression") return at(node, t.yieldExpression(node.argument, false));
  };
  for (const param of fn.params) walkLexical(param, visit);
  walkLexical(fn.body, visit);
}

/**
 * Puts the generator where it is created once per function object and returns the expression
 * the wrapper uses to reach it.
 */
function placeGenerator(
  path: NodePath<t.Function>,
  generator: t.FunctionExpression,
  name: string,
  ctx: FileContext,
): t.Expression {
  // Declarations: a sibling declaration, hoisted with it.
  if (path.isFunctionDeclaration()) {
    const id = t.identifier(ctx.names.fresh(name));
    const anchor = path.parentPath.isExportDeclaration() ? path.parentPath : path;
    const declaration = t.functionDeclaration(id, generator.params, generator.body, true, false);
    declaration.typeParameters = generator.typeParameters;
    anchor.insertAfter(declaration);
    return t.identifier(id.name);
  }
  // Class methods: created by the class's static block (they may use #private names and the
  // inner class binding, which only the class body can see).
  if (path.isClassMethod() || path.isClassPrivateMethod()) {
    const container = ctx.classes.get(path.parentPath.parentPath as NodePath<t.Class>);
    if (container) return addClassSlot(container, name, generator);
    return generator; // per call: see placement.ts
  }
  const site = findSite(path, ctx.classes);
  if (!site) return generator;
  let reference: t.Identifier;
  if (site.kind === "class") {
    reference = addClassSlot(site.container, name, generator);
  } else {
    reference = t.identifier(ctx.names.fresh(name));
    const declaration = t.functionDeclaration(reference, generator.params, generator.body, true, false);
    declaration.typeParameters = generator.typeParameters;
    site.statement.insertBefore(declaration);
    reference = t.identifier(reference.name);
  }
  const selfName = selfReferenceSlot(path, ctx);
  if (selfName) {
    // A named function expression that refers to itself: `(_f = function f() { … })`.
    const slot = t.identifier(selfName);
    if (site.kind === "statement") site.statement.insertBefore(t.variableDeclaration("let", [t.variableDeclarator(slot)]));
    else site.container.slots.declarations.push(t.variableDeclarator(slot));
    path.replaceWith(t.assignmentExpression("=", t.identifier(selfName), path.node as t.FunctionExpression));
  }
  return reference;
}

/**
 *   async function* gen() {}   →   asyncGeneratorFunction(gen);   (first statement of the scope)
 *                                  function gen() { return asyncGen(gen$, this, arguments, gen); }
 */
function giveGeneratorFunctionShape(path: NodePath<t.FunctionDeclaration>, ctx: FileContext): void {
  const setup = t.expressionStatement(t.callExpression(ctx.helpers.ref("asyncGeneratorFunction"), [t.identifier(path.node.id!.name)]));
  const parent = path.parentPath.isExportDeclaration() ? path.parentPath.parentPath! : path.parentPath;
  const [owner, listKey] = parent.isSwitchCase()
    ? [(parent.parentPath as NodePath<t.SwitchStatement>).get("cases.0") as NodePath, "consequent"]
    : [parent as NodePath, "body"];
  const list = (owner.node as any)[listKey] as t.Statement[];
  let index = 0;
  while (index < list.length && (t.isImportDeclaration(list[index]) || isSloppyLet(list[index]))) index++;
  insertIntoList(owner, listKey, index, setup);
}

/** The `let f = function f…` a sloppy block declaration became (see hoistSloppyBlockWrapper). */
function isSloppyLet(statement: t.Statement | undefined): boolean {
  return t.isVariableDeclaration(statement, { kind: "let" }) && t.isFunctionExpression(statement.declarations[0]?.init);
}

/** A declaration directly in a block or switch case of sloppy code. */
function isSloppyBlockLevel(path: NodePath<t.FunctionDeclaration>): boolean {
  const parent = path.parentPath;
  const inBlock = (parent.isBlockStatement() && !parent.parentPath?.isFunction()) || parent.isSwitchCase();
  return inBlock && !path.isInStrictMode();
}

/**
 * In sloppy code a plain function declared in a block is also hoisted out of it (Annex B.3.3),
 * but an async one is not. So the (now plain) wrapper cannot stay a declaration there; it
 * becomes a `let` initialised at the top of the block — where the block creates its functions:
 *   { …; async function f() {} }   →   { let f = function f() { return run(f$, …); }; …; }
 */
function hoistSloppyBlockWrapper(path: NodePath<t.FunctionDeclaration>): void {
  const node = path.node;
  const expression = t.functionExpression(node.id, node.params as t.FunctionExpression["params"], node.body);
  expression.typeParameters = node.typeParameters;
  expression.returnType = node.returnType;
  const binding = t.variableDeclaration("let", [t.variableDeclarator(t.identifier(node.id!.name), expression)]);
  binding.leadingComments = node.leadingComments;
  const [owner, listKey] = path.parentPath.isSwitchCase()
    ? [(path.parentPath.parentPath as NodePath<t.SwitchStatement>).get("cases.0") as NodePath, "consequent"]
    : [path.parentPath as NodePath, "body"];
  path.remove();
  insertIntoList(owner, listKey, 0, binding);
}

/**
 * `const f = async function fact(n) { … fact(n - 1) … }`: inside the body, `fact` is the
 * function itself. The body moves out of the function expression, so its self-references are
 * renamed to a slot the expression assigns. Returns the slot name, or null if not needed.
 * (Not used when the generator is created per call inside the wrapper: the name is then in scope.)
 */
function selfReferenceSlot(path: NodePath<t.Function>, ctx: FileContext): string | null {
  if (!path.isFunctionExpression() || !path.node.id) return null;
  const binding = path.scope.getOwnBinding(path.node.id.name);
  if (!binding || binding.kind !== "local") return null;
  for (const violation of binding.constantViolations) readOnlyAssignment(violation, path.node.id.name);
  if (!binding.referencePaths.length) return null;
  const slot = ctx.names.fresh(`_${path.node.id.name}`);
  for (const ref of binding.referencePaths) (ref.node as t.Identifier).name = slot;
  return slot;
}

/**
 * Assigning to a function expression's own name does nothing in sloppy code and throws a
 * TypeError in strict code; once the body has moved, the name would be an ordinary slot:
 *   fact = v   →   v                                   (sloppy)
 *   fact = v   →   (v, (() => { throw new TypeError("Assignment to constant variable."); })())   (strict)
 */
function readOnlyAssignment(violation: NodePath, name: string): void {
  const node = violation.node;
  if (!t.isAssignmentExpression(node) || node.operator !== "=" || !t.isIdentifier(node.left)) {
    throw errorAt(violation, "UNSUPPORTED_SELF_ASSIGNMENT",
      `this assignment to "${name}", the name of the async function expression it is in, is not supported; use another variable.`);
  }
  if (!violation.isInStrictMode()) {
    violation.replaceWith(node.right);
    return;
  }
  const thrower = t.arrowFunctionExpression([], t.blockStatement([
    t.throwStatement(t.newExpression(t.identifier("TypeError"), [t.stringLiteral("Assignment to constant variable.")])),
  ]));
  violation.replaceWith(t.sequenceExpression([node.right, t.callExpression(thrower, [])]));
}

/**
 * In sloppy code `yield` may name a variable inside an async function, but not inside the
 * generator its body moves to. A binding declared in the function is renamed; one from outside
 * is reached through an accessor object declared beside it, which works as a read, a write and
 * a destructuring target alike:
 *   let yield = 4; async function f() { return yield; }
 *   →  let yield = 4; const _yield = { get value() { return yield; }, set value(v) { yield = v; } };
 *      function* f$() { return _yield.value; }
 */
function renameYieldIdentifiers(path: NodePath<t.Function>, ctx: FileContext): void {
  const outside = ctx.yieldAccessors;
  path.traverse({
    Function(inner) {
      if (!inner.isArrowFunctionExpression()) inner.skip(); // their own `yield` is fine
    },
    Identifier(id: NodePath<t.Identifier>) {
      if (id.node.name !== "yield") return;
      if (!((id as NodePath).isReferencedIdentifier() || (id as NodePath).isBindingIdentifier() || isAssignmentTarget(id))) return;
      const binding = id.scope.getBinding("yield");
      if (binding && binding.scope.getFunctionParent()?.block === path.node) {
        binding.scope.rename("yield", ctx.names.fresh("_yield"));
        return;
      }
      const scope = binding ? binding.scope : path.scope.getProgramParent();
      let accessor = outside.get(scope.block);
      if (!accessor) {
        accessor = t.identifier(ctx.names.fresh("_yield"));
        outside.set(scope.block, accessor);
        const value = t.identifier("yield");
        const object = t.objectExpression([
          t.objectMethod("get", t.identifier("value"), [], t.blockStatement([t.returnStatement(value)])),
          t.objectMethod("set", t.identifier("value"), [t.identifier("v")],
            t.blockStatement([t.expressionStatement(t.assignmentExpression("=", t.identifier("yield"), t.identifier("v")))])),
        ]);
        const block = scope.path.isProgram() ? scope.path.node.body : (scope.block as any).body?.body ?? (scope.block as any).body;
        (block as t.Statement[]).unshift(t.variableDeclaration("const", [t.variableDeclarator(accessor, object)]));
      }
      id.replaceWith(t.memberExpression(t.identifier(accessor.name), t.identifier("value")));
    },
  });
}

function isAssignmentTarget(id: NodePath<t.Identifier>): boolean {
  const parent = id.parentPath;
  return Boolean(parent && (parent.isAssignmentExpression({ left: id.node }) || parent.isArrayPattern() ||
    parent.isObjectProperty({ value: id.node }) || parent.isAssignmentPattern({ left: id.node }) || parent.isUpdateExpression() ||
    parent.isRestElement()));
}

/** Gives a replacement the source position of what it replaces, so source maps (the
 *  playground's await↔yield links, stack traces) point at the original. */
function at<T extends t.Node>(original: t.Node, replacement: T): T {
  replacement.loc = original.loc;
  replacement.start = original.start;
  replacement.end = original.end;
  return replacement;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return t.cloneNode(value as any) as T;
  };
}
