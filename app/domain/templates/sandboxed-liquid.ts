import { Liquid, Tag, type FS, type Liquid as LiquidEngine, type TagToken, type TopLevelToken } from "liquidjs";

/** Hard limits for merchant-written insert templates; exceeding any of them is a merchant-readable error. */
export const TEMPLATE_LIMITS = {
  /** Characters of template source accepted by the parser. */
  sourceChars: 50_000,
  /**
   * Milliseconds one render may take: the guard against runaway loops (the allocation budget below stops
   * most of them first). Wall-clock time, so it is far above what a real insert needs (about 1 ms): at
   * 100 ms a busy machine once timed out a correct card, which then dropped out of a print sheet.
   */
  renderMs: 1000,
  /** liquidjs allocation budget (ranges, string concatenation, array joins…). */
  memoryUnits: 1_000_000,
  /** Bytes (UTF-8) of rendered HTML we accept. */
  outputBytes: 64 * 1024,
} as const;

const NO_FILES = "Insert templates cannot read files";

/** A file system that has nothing in it and refuses every read, so no path can reach the disk. */
const deniedFs: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => Promise.reject(new Error(NO_FILES)),
  readFileSync: () => {
    throw new Error(NO_FILES);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

/** include / render / layout would load other files: refuse them at parse time, with the line number. */
class DeniedFileTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: LiquidEngine) {
    super(token, remainTokens, liquid);
    throw new Error(`{% ${token.name} %} is not available in insert templates; put everything in this one template`);
  }
  *render(): Generator<unknown, void, unknown> {}
}

/**
 * The one Liquid engine for insert templates: no file access (empty roots, a refusing fs and the file tags
 * replaced), HTML-escaped output by default (the `raw` filter is neutralised, since customer names are untrusted),
 * unknown filters are errors, own properties only, and parse/render/memory limits against runaway templates.
 */
export function createSandboxedLiquid(options: { escapeHtml?: boolean } = {}): LiquidEngine {
  const engine = new Liquid({
    fs: deniedFs,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    // Plain text (an email's text part and subject) is not HTML: there escaping would show "&amp;" to the reader.
    outputEscape: options.escapeHtml === false ? undefined : "escape",
    strictFilters: true,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    cache: false,
    parseLimit: TEMPLATE_LIMITS.sourceChars,
    renderLimit: TEMPLATE_LIMITS.renderMs,
    memoryLimit: TEMPLATE_LIMITS.memoryUnits,
  });
  for (const name of ["include", "render", "layout"]) engine.registerTag(name, DeniedFileTag);
  // liquidjs skips output escaping when the last filter is the built-in `raw`; a plain filter keeps escaping on.
  engine.registerFilter("raw", (value: unknown) => value);
  return engine;
}
