// The messages of the async-array-callback rule, one per array method (`%s` is the method).

const THEN_USE = "await the answers first: `const ok = await Promise.all(arr.map(test))`, then";

/**
 * Array methods that call their callback synchronously and read its return value (or drop it).
 * Given an async callback they get a promise each time: truthy, not a number, never awaited.
 * Each message says what the method then does, and what to write instead.
 */
export const ALWAYS_WRONG: Record<string, string> = {
  forEach:
    "forEach() does not wait for an async callback: it returns at once, the code after it runs before the callbacks finish, and their rejections go unhandled. " +
    "Use `for (const x of arr) await …` to go one by one, or `await Promise.all(arr.map(async (x) => …))` to run them together.",
  filter:
    "filter() with an async callback keeps every element: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`arr.filter((_, i) => ok[i])\`.`,
  some:
    "some() with an async callback is true for any non-empty array: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.some(Boolean)\`.`,
  every:
    "every() with an async callback is always true: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.every(Boolean)\`.`,
  find:
    "find() with an async callback returns the first element: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`arr[ok.findIndex(Boolean)]\`.`,
  findIndex:
    "findIndex() with an async callback returns 0 for any non-empty array: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.findIndex(Boolean)\`.`,
  findLast:
    "findLast() with an async callback returns the last element: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`arr[ok.findLastIndex(Boolean)]\`.`,
  findLastIndex:
    "findLastIndex() with an async callback returns the last index: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.findLastIndex(Boolean)\`.`,
  sort:
    "sort() with an async comparator cannot order anything: the comparator returns a promise, which converts to NaN, which sort() takes to mean \"equal\". " +
    "Await the sort keys first (`const keys = await Promise.all(arr.map(keyOf))`) and sort by them.",
};
ALWAYS_WRONG.toSorted = ALWAYS_WRONG.sort!.replace("sort()", "toSorted()");

export const REDUCE =
  "%s() with an async callback hands each step the previous step's promise as the accumulator, and this callback never awaits it: the steps start together and combine promises instead of values. " +
  "Await the accumulator first (`async (accP, x) => { const acc = await accP; … }`), or use a `for…of` loop with `await`.";

export const MAP_DROPPED =
  "%s() with an async callback returns an array of promises, and it is thrown away here: nothing waits for the callbacks and their rejections go unhandled. " +
  "Wait for them: `await Promise.all(arr.%s(async (x) => …))`.";

export const MAP_AWAITED =
  "`await` on the array %s() returns does not wait for anything: an array is not a promise, so the callbacks are still running. " +
  "Use `await Promise.all(arr.%s(async (x) => …))`.";
