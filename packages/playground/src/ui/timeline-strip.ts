import type { LogEntry } from "../sandbox/protocol.js";
import { stepKind, stepLabel } from "../sandbox/steps.js";

const MAX_GROUPS = 14;
const MAX_TEXT = 28;

/**
 * One run's timeline at a glance: consecutive lines of the same step grouped, in order —
 * `synchronous: A · C · E → microtask 1: D → task 1: B`.
 */
export function renderTimelineStrip(entries: readonly LogEntry[]): HTMLElement {
  const strip = document.createElement("ol");
  strip.className = "timeline-strip";
  const groups: Array<{ label: string; kind: string; texts: string[] }> = [];
  for (const entry of entries) {
    const label = stepLabel(entry.step);
    const last = groups[groups.length - 1];
    if (last?.label === label) last.texts.push(entry.text);
    else groups.push({ label, kind: stepKind(entry.step), texts: [entry.text] });
  }
  for (const group of groups.slice(0, MAX_GROUPS)) {
    const item = document.createElement("li");
    item.className = `group ${group.kind}`;
    const step = document.createElement("span");
    step.className = "group-step";
    step.textContent = group.label;
    const lines = document.createElement("span");
    lines.className = "group-lines";
    lines.textContent = group.texts.map(shorten).join(" · ");
    item.append(step, lines);
    strip.append(item);
  }
  if (groups.length > MAX_GROUPS) {
    const more = document.createElement("li");
    more.className = "group more";
    more.textContent = `+${groups.length - MAX_GROUPS} more steps`;
    strip.append(more);
  }
  return strip;
}

function shorten(text: string): string {
  const line = text.split("\n")[0]!;
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}
