import { z } from "zod";
import { MIN_REPLAY_WINDOW_HOURS } from "~/domain/intake/replay-window";
import { isLoopbackHost } from "~/domain/demo/local-demo";

/** The demo's documented API secret (README, scripts/demo.mjs); never valid in production. */
const DEMO_API_SECRET = "kept-demo-secret";

/**
 * The app's configuration, validated once at start-up. Production refuses to start on a missing or
 * invalid variable and names each one; demo mode (KEPT_DEMO=1) supplies a local shop and cannot be
 * combined with NODE_ENV=production or with a HOST other than a loopback address.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
    SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(8, "is required (the app's client secret, 8+ characters)"),
    SHOPIFY_APP_URL: z.string().url("must be the app's public URL, e.g. https://kept.example.com"),
    SCOPES: z.string().min(1, "is required (comma-separated access scopes)"),
    DATABASE_URL: z.string().regex(/^file:/, "must be a SQLite file URL such as file:./prisma/prod.sqlite"),
    KEPT_DEMO: z.enum(["0", "1"]).default("0"),
    // The address server.mjs listens on (0.0.0.0 for every interface, e.g. in a container).
    HOST: z.string().min(1).default("127.0.0.1"),
    DEMO_SHOP: z.string().default("kept-demo.myshopify.com"),
    WORKER_IN_PROCESS: z.enum(["0", "1"]).default("1"),
    WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    WEBHOOK_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    // Deliveries triggered longer ago than this are refused (domain/intake/replay-window.ts); 0 turns the
    // window off (the demo, whose simulator replays weeks of history). Shopify's retries span 4 hours.
    WEBHOOK_REPLAY_WINDOW_HOURS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .refine((hours) => hours === 0 || hours >= MIN_REPLAY_WINDOW_HOURS, `must be 0 (off) or at least ${MIN_REPLAY_WINDOW_HOURS}: Shopify retries for 4 hours`)
      .default(48),
    // Raw webhook bodies older than this are emptied every hour (services/intake/prune-bodies.server.ts);
    // the delivery's metadata and what Kept recorded from it stay.
    WEBHOOK_BODY_RETENTION_DAYS: z.coerce
      .number({ message: "must be a whole number of days, such as 30" })
      .int("must be a whole number of days, such as 30")
      .min(1, "must be at least 1 day: a body is kept until its delivery is processed and a day beyond")
      .default(30),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    // Admin API requests go here instead of https://{shop} (an egress proxy, or a local Shopify stand-in).
    SHOPIFY_ADMIN_API_ORIGIN: z.string().url("must be a URL such as https://proxy.example.com").optional(),
    // Follow-up email: the SMTP server (smtp://user:pass@host:587, smtps://… for TLS from the start) and the
    // sender used when a shop has set none. Without SMTP_URL follow-ups are scheduled but not sent.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "must be an SMTP URL such as smtp://user:password@smtp.example.com:587")
      .optional(),
    MAIL_FROM: z.string().email("must be an email address such as care@kept.example.com").optional(),
    // Demo mode only: where the demo's mail catcher keeps each caught message (scripts/demo-mail-catcher.mjs).
    DEMO_MAILBOX_DIR: z.string().min(1).default("var/demo-mailbox"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.KEPT_DEMO === "1") {
      ctx.addIssue({ code: "custom", path: ["KEPT_DEMO"], message: "demo mode cannot be enabled in production" });
    }
    // Demo mode opens the demo shop's admin without a login: only ever on this machine (domain/demo/local-demo.ts).
    if (env.KEPT_DEMO === "1" && !isLoopbackHost(env.HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["KEPT_DEMO"],
        message: `demo mode opens the admin without a login, so it only listens on this machine: HOST is ${env.HOST}; use 127.0.0.1 or unset HOST`,
      });
    }
    // The demo's secret is published in the README so any tool can sign webhooks for the demo shop: in
    // production it would let anyone forge webhooks and session tokens.
    if (env.NODE_ENV === "production" && env.SHOPIFY_API_SECRET === DEMO_API_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_API_SECRET"],
        message: `is the published demo secret "${DEMO_API_SECRET}"; use the app's client secret from the Partner Dashboard`,
      });
    }
    if (env.NODE_ENV === "production" && !env.SHOPIFY_APP_URL.startsWith("https://")) {
      ctx.addIssue({ code: "custom", path: ["SHOPIFY_APP_URL"], message: "must use https in production" });
    }
    if (env.NODE_ENV === "production" && env.SHOPIFY_ADMIN_API_ORIGIN && !isHttpsOrLoopback(env.SHOPIFY_ADMIN_API_ORIGIN)) {
      ctx.addIssue({ code: "custom", path: ["SHOPIFY_ADMIN_API_ORIGIN"], message: "must use https in production (plain http only on a loopback address)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Access tokens never travel in clear text, except to a process on this machine. */
function isHttpsOrLoopback(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === "https:" || (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname));
}

/** Parses an environment; throws one error that names every missing or invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration, the app cannot start:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated process environment (parsed on first use). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses the process environment again (a process that changed it, like a test starting its own SMTP server). */
export function reloadEnv(): Env {
  cached = parseEnv(process.env);
  return cached;
}
