/** A node of `LinkedQueue`; the queue owns the links. */
export interface QueueNode {
  prev?: QueueNode | undefined;
  next?: QueueNode | undefined;
  queued?: boolean;
}

/**
 * A FIFO with O(1) push, shift and removal from the middle (what per-call aborts need). A `Set`
 * would do the same in theory, but V8 leaves holes at the front of a Set when entries are deleted
 * in insertion order, and draining one becomes quadratic.
 */
export class LinkedQueue<T extends QueueNode> {
  size = 0;
  private head: T | undefined;
  private tail: T | undefined;

  push(node: T): void {
    node.prev = this.tail;
    node.next = undefined;
    node.queued = true;
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.size++;
  }

  shift(): T | undefined {
    const node = this.head;
    if (node) this.remove(node);
    return node;
  }

  /** Removes `node` if it is still queued; returns whether it was. */
  remove(node: T): boolean {
    if (!node.queued) return false;
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next as T | undefined;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev as T | undefined;
    node.prev = node.next = undefined;
    node.queued = false;
    this.size--;
    return true;
  }

  /** Empties the queue and returns its nodes in order. */
  drain(): T[] {
    const nodes: T[] = [];
    for (let node = this.shift(); node; node = this.shift()) nodes.push(node);
    return nodes;
  }
}
