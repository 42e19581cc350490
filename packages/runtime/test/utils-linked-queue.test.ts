import { describe, expect, it } from "vitest";
import { LinkedQueue, type QueueNode } from "../src/utils/linked-queue.js";

type Item = QueueNode & { id: string };
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));
const ids = (nodes: Item[]) => nodes.map((n) => n.id);

describe("LinkedQueue", () => {
  it("is first in, first out", () => {
    const q = new LinkedQueue<Item>();
    for (const item of items("a", "b", "c")) q.push(item);
    expect(q.size).toBe(3);
    expect(q.shift()?.id).toBe("a");
    expect(ids(q.drain())).toEqual(["b", "c"]);
    expect(q.size).toBe(0);
    expect(q.shift()).toBeUndefined();
  });

  it("removes from the head, the middle and the tail", () => {
    const q = new LinkedQueue<Item>();
    const [a, b, c, d, e] = items("a", "b", "c", "d", "e");
    for (const item of [a!, b!, c!, d!, e!]) q.push(item);
    expect(q.remove(c!)).toBe(true);
    expect(q.remove(a!)).toBe(true);
    expect(q.remove(e!)).toBe(true);
    expect(q.remove(c!)).toBe(false);
    expect(q.size).toBe(2);
    q.push(a!);
    expect(ids(q.drain())).toEqual(["b", "d", "a"]);
  });

  it("removes the only node and accepts new ones after", () => {
    const q = new LinkedQueue<Item>();
    const [a, b] = items("a", "b");
    q.push(a!);
    q.remove(a!);
    q.push(b!);
    expect(ids(q.drain())).toEqual(["b"]);
  });
});
