import { z } from "zod";

/** The settings page's three actions, told apart by `intent`. The document itself is read with readJsonField. */
export const settingsActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), document: z.string().min(2).max(500_000) }),
  z.object({ intent: z.literal("retry"), jobId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("refresh-options") }),
]);
export type SettingsAction = z.infer<typeof settingsActionSchema>;
