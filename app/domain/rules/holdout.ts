/** 32-bit FNV-1a over UTF-16 code units: tiny, fast and stable across runtimes, which is all a holdout split needs. */
export function hashFnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Whether this order is in the rule's holdout (the control group that gets nothing from the rule).
 * Deterministic per (salt, rule, order): re-evaluating the same order always gives the same answer, and
 * changing the shop's salt reshuffles the groups. Resolution is 0.01 %.
 */
export function isInHoldout(args: { holdoutSalt: string; ruleId: string; orderGid: string; holdoutPercent: number }): boolean {
  const threshold = Math.round(args.holdoutPercent * 100);
  if (threshold <= 0) return false;
  return hashFnv1a32(`${args.holdoutSalt}:${args.ruleId}:${args.orderGid}`) % 10000 < threshold;
}
