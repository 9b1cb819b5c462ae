import { z } from "zod";

// The word-chain playground: what the browser may ask for, and the lines the server streams back
// (newline-delimited JSON). Shared by the route and the client form.

export const PREFIX_MAX = 200;
export const STEPS_MAX = 40;
export const TEMPERATURE_MAX = 1.5;

export const ZPlaygroundRequest = z
  .object({
    prefix: z
      .string({ error: "prefix: required, as text" })
      .min(1, "prefix: write at least one character")
      .max(PREFIX_MAX, `prefix: at most ${PREFIX_MAX} characters`)
      .refine((s) => s.trim().length > 0, "prefix: write something other than spaces")
      .refine((s) => !s.includes("\u0000"), "prefix: must not contain NUL characters")
      // A lone surrogate is not text: the tokenizer would turn it into U+FFFD behind the student's back
      .refine((s) => !/\p{Surrogate}/u.test(s), "prefix: must not contain unpaired surrogates")
      .describe("The text the model continues"),
    temperature: z.number({ error: "temperature: required, as a number" }).min(0, "temperature: at least 0").max(TEMPERATURE_MAX, `temperature: at most ${TEMPERATURE_MAX}`).describe("0 always takes the most likely token"),
    steps: z.number({ error: "steps: required, as a number" }).int("steps: a whole number").min(1, "steps: at least 1").max(STEPS_MAX, `steps: at most ${STEPS_MAX}`).describe("How many tokens to add"),
    seed: z.number({ error: "seed: a number" }).int().min(0).max(2 ** 31 - 1).optional().describe("Makes a run at temperature > 0 repeatable"),
  })
  .strict();

export type TPlaygroundRequest = z.infer<typeof ZPlaygroundRequest>;

export type TCandidate = { token: string; probability: number };

export type TPlaygroundStep = {
  index: number;
  /** The text this step added (a character split over two tokens comes as one step) */
  text: string;
  /** The model's top candidates, most likely first */
  candidates: TCandidate[];
  /** Where the chosen token stands among the candidates (0 = the most likely), or -1 when below them */
  rank: number;
};

export type TPlaygroundLine =
  | { type: "start"; model: string; source: "local" | "remote"; temperature: number; seed: number }
  | ({ type: "step" } & TPlaygroundStep)
  | { type: "end"; steps: number }
  | { type: "error"; code: "unexpected" | "timeout" };
