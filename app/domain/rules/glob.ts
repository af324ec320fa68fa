/**
 * Turns a merchant's title pattern into a case-insensitive, whole-string RegExp where `*` means "any text":
 * "Lavender*" matches "Lavender Soap 100 g" but not "Wild Lavender". Everything else is literal.
 */
export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .trim()
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "is");
}
