// Small statistics for few samples: medians, and spread as (max − min) / median.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spread(values) {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

/** Median of per-round ratios: rounds ran variants back to back, so a slow moment of the shared
 *  machine hits both sides of a ratio more often than it hits two medians. */
export function pairedRatio(samples, baseline) {
  const ratios = [];
  for (let i = 0; i < Math.min(samples.length, baseline.length); i++) ratios.push(samples[i] / baseline[i]);
  return { ratio: median(ratios), spread: ratios.length > 1 ? spread(ratios) : 0 };
}
