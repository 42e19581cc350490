// Reads the `/*--- ... ---*/` metadata of a test262 file. Only the keys a runner acts on are
// parsed (includes, flags, features, negative); test262 writes them in two YAML shapes — a flow
// list `[a, b]` or a block list of `- a` lines — and `negative` as a two-key mapping.

const BLOCK = /\/\*---([\s\S]*?)---\*\//;

/** @returns {{ includes: string[], flags: string[], features: string[],
 *   negative: { phase: string, type: string } | null }} */
export function parseFrontmatter(source) {
  const meta = { includes: [], flags: [], features: [], negative: null };
  const match = BLOCK.exec(source);
  if (!match) return meta;
  const lines = match[1].split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const top = /^(includes|flags|features|negative):\s*(.*)$/.exec(lines[i]);
    if (!top) continue;
    const [, key, rest] = top;
    const nested = [];
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1])) nested.push(lines[++i].trim());
    if (key === "negative") meta.negative = parseMapping(nested);
    else meta[key] = rest.trim() ? parseFlowList(rest) : parseBlockList(nested);
  }
  return meta;
}

function parseFlowList(text) {
  const inner = text.replace(/#.*$/, "").trim().replace(/^\[/, "").replace(/\]$/, "");
  return inner.split(",").map((item) => item.trim()).filter(Boolean);
}

function parseBlockList(lines) {
  return lines.filter((line) => line.startsWith("-")).map((line) => line.slice(1).trim());
}

function parseMapping(lines) {
  const mapping = {};
  for (const line of lines) {
    const pair = /^(\w+):\s*(.*)$/.exec(line);
    if (pair) mapping[pair[1]] = pair[2].trim();
  }
  return { phase: mapping.phase, type: mapping.type };
}
