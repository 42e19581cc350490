import type { NodePath } from "@babel/core";
import type { types as t } from "@babel/core";

/**
 * Puts `statement` at `index` of the statement list `owner.node[listKey]` behind Babel's back:
 * unlike `insertBefore`/`unshiftContainer`, nothing is queued for a visit (what we insert needs
 * none). The paths Babel already made for the list's later statements are moved up by one, as
 * its own inserts do; otherwise they keep their old indices, and a later path-based insert next
 * to one of them lands a statement too early.
 */
export function insertIntoList(owner: NodePath, listKey: string, index: number, statement: t.Statement): void {
  const list = (owner.node as any)[listKey] as t.Statement[];
  const anchor = list.length > 0 ? (owner.get(`${listKey}.0`) as NodePath) : null;
  list.splice(index, 0, statement);
  anchor?.updateSiblingKeys(index, 1);
}
