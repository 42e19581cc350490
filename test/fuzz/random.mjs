// A small seeded PRNG, so that a seed names one program forever: same seed → same program,
// on every machine and Node version (Math.random would make a reproducer unreproducible).

/** splitmix32: spreads a small integer seed over 32 bits to start sfc32 from a good state. */
function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter), a 32-bit generator with a 128-bit state. */
function sfc32(a, b, c, d) {
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
}

export class Random {
  constructor(seed) {
    const mix = splitmix32(seed);
    this.next32 = sfc32(mix(), mix(), mix(), mix());
    for (let i = 0; i < 12; i++) this.next32();
  }
  /** A float in [0, 1). */
  float() {
    return this.next32() / 4294967296;
  }
  /** An integer in [min, max], both included. */
  int(min, max) {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  chance(probability) {
    return this.float() < probability;
  }
  pick(items) {
    return items[this.int(0, items.length - 1)];
  }
  /** Picks a key of `weights` ({ name: weight }) with probability proportional to its weight. */
  weighted(weights) {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    let roll = this.float() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
}
