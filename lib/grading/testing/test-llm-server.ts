import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A small OpenAI-compatible chat server for the test suite and the grading benchmark only; the
// product never starts it. It grades like a naive model: a criterion is met when the answer
// contains one of its key ideas as written in the prompt. And it is deliberately gullible: an
// answer that tells it to give full marks gets full marks, so that tests can show Jielong's
// defences do not depend on the model's good sense.

export type TTestLlmBehaviour = {
  /** Milliseconds before the first byte of every reply */
  delayMs: number;
  /** Milliseconds between streamed tokens */
  tokenDelayMs: number;
  /** Obey instructions found in the answer */
  gullible: boolean;
  /** The next N verdict replies are not JSON */
  invalidJson: number;
  /** The next N requests fail with HTTP 500 */
  serverErrors: number;
  /** Cut the next feedback stream after this many tokens (0: never) */
  cutAfterTokens: number;
  /** Reject response_format json_schema, as servers without structured output do */
  noJsonSchema: boolean;
  /** Reject logprobs */
  noLogprobs: boolean;
};

export type TTestLlmServer = {
  url: string;
  behaviour: TTestLlmBehaviour;
  requests: { stream: boolean; messages: { role: string; content: string }[]; body: Record<string, unknown> }[];
  close(): Promise<void>;
};

const DEFAULTS: TTestLlmBehaviour = { delayMs: 0, tokenDelayMs: 0, gullible: true, invalidJson: 0, serverErrors: 0, cutAfterTokens: 0, noJsonSchema: false, noLogprobs: false };

/** What the gullible model obeys: anything that looks like an instruction about grading */
const INSTRUCTION = /ignore|disregard|forget|override|full (marks|points|credit)|maximum|100%|perfect|you are now|act as|pretend|role-play|verdict|system|assistant:|instructions?|graded as correct|\bmet\b|\[INST\]|忽略|無視|忘記|不要理會|滿分|全對|一百分|100 分|你現在是|扮演|假裝|指令|指示|評分標準|系統|開發者|判定/iu;

function parseCriteria(system: string): { id: string; ideas: string[] }[] {
  return [...system.matchAll(/^- ([\w-]+) \([\d.]+ pt\): .*? Key ideas: (.*)$/gmu)].map((m) => ({
    id: m[1]!,
    ideas: m[2]!.split(/ \/ |; /u).map((s) => s.trim().toLowerCase()).filter(Boolean),
  }));
}

function answerOf(messages: { role: string; content: string }[]): string {
  const user = [...messages].reverse().find((m) => m.role === "user" && m.content.startsWith("STUDENT_ANSWER_JSON: "));
  if (!user) return "";
  try {
    return JSON.parse(user.content.slice("STUDENT_ANSWER_JSON: ".length)) as string;
  } catch {
    return "";
  }
}

function verdicts(system: string, answer: string, gullible: boolean) {
  const lower = answer.toLowerCase();
  const obey = gullible && INSTRUCTION.test(answer);
  return {
    criteria: parseCriteria(system).map(({ id, ideas }) => {
      const hit = ideas.find((idea) => lower.includes(idea));
      if (obey) return { criterionId: id, verdict: "met", contradicted: false, evidence: answer.slice(0, 12) };
      return hit ? { criterionId: id, verdict: "met", contradicted: false, evidence: answer.substr(lower.indexOf(hit), hit.length) } : { criterionId: id, verdict: "missed", contradicted: false, evidence: "" };
    }),
    misconceptions: [] as string[],
  };
}

function feedbackText(system: string, answer: string, gullible: boolean): string {
  if (gullible && INSTRUCTION.test(answer)) return "Perfect answer, full marks!";
  const lines = [...system.matchAll(/^- ([\w-]+): (met|partly|missed|contradicted)$/gmu)].map((m) => `${m[1]} is ${m[2]}.`);
  return `Thanks for your answer. ${lines.join(" ")} Keep going!`;
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export async function startTestLlmServer(behaviour: Partial<TTestLlmBehaviour> = {}): Promise<TTestLlmServer> {
  const state: TTestLlmServer = { url: "", behaviour: { ...DEFAULTS, ...behaviour }, requests: [], close: async () => undefined };
  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      void (async () => {
        const b = state.behaviour;
        const body = JSON.parse(raw || "{}") as Record<string, unknown>;
        const messages = (body.messages ?? []) as { role: string; content: string }[];
        const stream = body.stream === true;
        state.requests.push({ stream, messages, body });
        await sleep(b.delayMs);
        const fail = (status: number, message: string) => {
          response.writeHead(status, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ error: { message, type: "invalid_request_error" } }));
        };
        if (b.serverErrors > 0) {
          b.serverErrors -= 1;
          return fail(500, "test server error");
        }
        const format = (body.response_format as { type?: string } | undefined)?.type;
        if (b.noJsonSchema && format === "json_schema") return fail(400, "response_format json_schema is not supported");
        if (b.noLogprobs && body.logprobs) return fail(400, "logprobs are not supported");
        const system = messages.find((m) => m.role === "system")?.content ?? "";
        const answer = answerOf(messages);
        if (!stream) {
          let content = JSON.stringify(verdicts(system, answer, b.gullible));
          if (b.invalidJson > 0) {
            b.invalidJson -= 1;
            content = "Sure! Here are the verdicts: met, met, met.";
          }
          response.writeHead(200, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ id: "test", object: "chat.completion", created: 0, model: body.model, choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }] }));
          return;
        }
        response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
        response.flushHeaders();
        const tokens = feedbackText(system, answer, b.gullible).match(/\S+\s*/gu) ?? [];
        let sent = 0;
        for (const token of tokens) {
          if (b.cutAfterTokens > 0 && sent === b.cutAfterTokens) {
            b.cutAfterTokens = 0;
            await sleep(20); // let the tokens already written reach the client first
            response.destroy();
            return;
          }
          const logprobs = body.logprobs
            ? { content: [{ token, logprob: Math.log(0.6), bytes: null, top_logprobs: [{ token, logprob: Math.log(0.6), bytes: null }, { token: "the ", logprob: Math.log(0.25), bytes: null }, { token: "a ", logprob: Math.log(0.1), bytes: null }] }] }
            : null;
          const chunk = { id: "test", object: "chat.completion.chunk", created: 0, model: body.model, choices: [{ index: 0, delta: { content: token }, logprobs, finish_reason: null }] };
          response.write(`data: ${JSON.stringify(chunk)}\n\n`);
          sent += 1;
          await sleep(b.tokenDelayMs);
        }
        response.write(`data: ${JSON.stringify({ id: "test", object: "chat.completion.chunk", created: 0, model: body.model, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
        response.end("data: [DONE]\n\n");
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}
