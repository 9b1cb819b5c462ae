import http from "node:http";
import { expect, signInViaApi, test } from "./fixtures";
import { callAction, serverActions } from "./server-actions";

// Refusals found by probing the running app (issue 14): each used to be a 500, a stored answer
// nobody's page could have sent, an attempt started from another site, or a body read whole.

test("another site cannot start a timed attempt; the app's own pages still can", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const url = "/api/assignments/demo-03-how-machines-learn/attempts";
  // What a cross-site <form enctype="text/plain"> makes the browser send
  const forged = await page.request.post(url, { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain" }, data: "x" });
  expect([forged.status(), (await forged.json()).code]).toEqual([403, "FORBIDDEN"]);
  const sameSiteNoOrigin = await page.request.post(url, { headers: { "Sec-Fetch-Site": "same-site" } });
  expect(sameSiteNoOrigin.status()).toBe(403);
  expect(await db.attempt.count({ where: { userId: student.id } })).toBe(0);

  await page.goto("/assignments/demo-03-how-machines-learn");
  await page.getByRole("button", { name: /開始/ }).first().click();
  await expect(page).toHaveURL(/\/attempts\//);
  expect(await db.attempt.count({ where: { userId: student.id } })).toBe(1);
});

test("text PostgreSQL cannot store, answers no form could send and malformed ids get 400, unknown ids 404, and nothing is stored", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const { attemptId } = await (await page.request.post("/api/assignments/demo-01-starter/attempts")).json();
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { quizVersion: { include: { questions: { orderBy: { position: "asc" } } } } } });
  const byType = (type: string) => attempt.quizVersion.questions.find((q) => q.type === type)!;
  const single = byType("SINGLE_CHOICE");
  const numeric = byType("NUMERIC");
  const save = (data: unknown, id = attemptId) => page.request.post(`/api/attempts/${id}/answers`, { data });
  const refused = async (response: Awaited<ReturnType<typeof save>>) => [response.status(), (await response.json()).code];

  // NUL and a lone surrogate (PostgreSQL error 22P05, a 500 before)
  expect(await refused(await save({ questionId: numeric.id, answer: { type: "numeric", text: "10\u0000" }, seq: 1 }))).toEqual([400, "INVALID_INPUT"]);
  expect(await refused(await save({ questionId: numeric.id, answer: { type: "numeric", text: "10\uD800" }, seq: 2 }))).toEqual([400, "INVALID_INPUT"]);
  expect(await refused(await save({ questionId: numeric.id, answer: { type: "numeric", text: "1" }, seq: 3, "\u0000": 1 }))).toEqual([400, "INVALID_INPUT"]);
  // The wrong type for the question, an option the question does not have (stored as sent, before)
  expect(await refused(await save({ questionId: single.id, answer: { type: "numeric", text: "1" }, seq: 4 }))).toEqual([400, "INVALID_INPUT"]);
  expect(await refused(await save({ questionId: single.id, answer: { type: "single_choice", optionId: "no-such-option" }, seq: 5 }))).toEqual([400, "INVALID_INPUT"]);
  // Malformed ids in the path are refused before any query; a well-formed unknown one is not found
  for (const id of ["bad%00id", "a%20b", "x".repeat(80), "%F0%9F%98%80"]) expect((await save({ questionId: numeric.id, answer: { type: "numeric", text: "1" }, seq: 6 }, id)).status(), id).toBe(400);
  expect((await save({ questionId: numeric.id, answer: { type: "numeric", text: "1" }, seq: 6 }, "no-such-attempt")).status()).toBe(404);
  expect((await page.request.post("/api/review/not-a-uuid", { data: { answer: { type: "numeric", text: "1" } } })).status()).toBe(400);
  expect((await page.request.get("/api/feedback/bad%00id/stream")).status()).toBeLessThan(500);
  expect(await db.response.count({ where: { attemptId } })).toBe(0);

  const ok = await save({ questionId: numeric.id, answer: { type: "numeric", text: "10^300" }, seq: 7 });
  expect(ok.status()).toBe(200);
  expect(await db.response.count({ where: { attemptId } })).toBe(1);

  // Pages: a path with a control character is refused (400), an id that is merely unknown is not found
  for (const path of ["/attempts/bad%00id", "/classes/%00/roster", "/lectures/%00", "/classes/x/roster?q=%00"]) expect((await page.request.get(path)).status(), path).toBeLessThan(500);
  for (const path of ["/attempts/bad%00id", "/classes/%00/roster", "/lectures/%00"]) expect((await page.request.get(path)).status(), path).toBe(400);
  for (const path of ["/assignments/%F0%9F%98%80", "/attempts/no-such-attempt", "/lectures/no-such-lecture"]) expect((await page.request.get(path)).status(), path).toBe(404);
});

test("a body sent without Content-Length is cut off at the limit, not read whole", async ({ page, student, baseURL }) => {
  await signInViaApi(page.request, student.email, student.password);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const target = new URL("/api/attempts/some-attempt/answers", baseURL);
  const chunk = Buffer.alloc(64 * 1024, "a");
  const limit = 100 * 1024 * 1024;
  const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(target, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json", "Transfer-Encoding": "chunked" } }, (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, sent });
      request.destroy();
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < limit) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.write('{"questionId":"q","seq":1,"answer":{"type":"open","text":"');
    pump();
  });
  expect(status).toBe(413);
  // Answered long before 100 MB were sent (the limit is 256 kB; sockets buffer a few MB)
  expect(sent).toBeLessThan(32 * 1024 * 1024);
});

test("roster actions answer a clear code for bad arguments and missing members, never an error digest", async ({ page, makeUser, db }) => {
  const instructor = await makeUser("代碼老師");
  const outsider = await makeUser("不在班上");
  const klass = await db.class.create({ data: { name: "Digest class", enrollments: { create: [{ userId: instructor.id, role: "INSTRUCTOR" }] } } });
  await signInViaApi(page.request, instructor.email, instructor.password);
  const actions = serverActions();
  const call = (name: string, args: unknown[]) => callAction(page.request, actions.get(`lib/roster/actions.ts#${name}`)!, args);

  expect((await call("changeRoleAction", [{ classId: klass.id, userId: outsider.id, role: "INSTRUCTOR" }])).result).toEqual({ ok: false, code: "NOT_FOUND" });
  expect((await call("changeRoleAction", [{ classId: klass.id, userId: outsider.id, role: "TA" }])).result).toEqual({ ok: false, code: "NOT_FOUND" });
  expect((await call("changeRoleAction", [{ classId: klass.id, userId: outsider.id, role: "OWNER" }])).result).toEqual({ ok: false, code: "INVALID_INPUT" });
  expect((await call("rotateJoinCodeAction", [{ not: "an id" }])).result).toEqual({ ok: false, code: "INVALID_INPUT" });
  expect((await call("joinSettingsAction", [klass.id, { enabled: "yes" }])).result).toEqual({ ok: false, code: "INVALID_INPUT" });
  expect((await call("removeMemberAction", [{ classId: "bad\u0000id", userId: outsider.id }])).result).toEqual({ ok: false, code: "INVALID_INPUT" });
  const named = await call("updateClassAction", [klass.id, { name: "Nul\u0000class", term: "", archived: false }]);
  expect(named.result).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { name: "bad_characters" } });
  expect(await db.enrollment.count({ where: { classId: klass.id } })).toBe(1);
  expect((await db.class.findUniqueOrThrow({ where: { id: klass.id } })).name).toBe("Digest class");
});

test("every kind of response carries the security headers; pages run only scripts with their nonce", async ({ page, student }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInViaApi(page.request, student.email, student.password);
  const html = await page.goto("/lectures/01-what-is-generative-ai");
  const staticPath = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const responses = {
    html: html!,
    api: await page.request.get("/api/auth/session"),
    json: await page.request.post("/api/attempts/no-such-attempt/answers", { data: {} }),
    static: await page.request.get(staticPath!),
    missing: await page.request.get("/no-such-page"),
  };
  for (const [kind, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["x-content-type-options"], kind).toBe("nosniff");
    expect(headers["referrer-policy"], kind).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], kind).toContain("camera=()");
    expect(headers["content-security-policy"], kind).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], kind).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
  // Served over plain http here: no HSTS (it is sent when the request came over https)
  expect(responses.html.headers()["strict-transport-security"]).toBeUndefined();
  const behindHttps = await page.request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(behindHttps.headers()["strict-transport-security"]).toContain("max-age=");

  const nonce = /'nonce-([^']+)'/.exec(responses.html.headers()["content-security-policy"]!)?.[1];
  expect(nonce).toBeTruthy();
  // Every script tag the server wrote carries the nonce; chunks loaded later by those scripts are
  // trusted through 'strict-dynamic'. An injected <script> without the nonce would not run.
  const tags = (await responses.html.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  // The page renders under the policy, and the browser reports no violation
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("feedback on 20,000-character answers without punctuation is graded off the web server: it answers others meanwhile", async ({ page, student, db, baseURL }) => {
  test.setTimeout(180_000);
  await signInViaApi(page.request, student.email, student.password);
  const { attemptId } = await (await page.request.post("/api/assignments/demo-02-what-generative-ai-is/attempts")).json();
  const open = await db.question.findFirstOrThrow({ where: { quizVersion: { attempts: { some: { id: attemptId } } }, type: "OPEN" } });
  const probe: { status: number; ms: number }[] = [];
  let running = true;
  const bystander = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(new URL("/", baseURL)).catch(() => null);
      probe.push({ status: response?.status ?? 0, ms: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const words = ["生成式人工智慧", "generative models write text token by token", "分類只是從選項裡挑一個"];
  const requestTimes: number[] = [];
  for (const [i, word] of words.entries()) {
    const started = performance.now();
    const response = await page.request.post(`/api/attempts/${attemptId}/feedback`, { data: { questionId: open.id, answer: { type: "open", text: word.repeat(Math.ceil(20_000 / word.length)).slice(0, 20_000) }, seq: i + 1 } });
    requestTimes.push(performance.now() - started);
    expect(response.status()).toBe(200);
    const { roundId } = await response.json();
    await expect.poll(async () => (await db.feedbackRound.findUniqueOrThrow({ where: { id: roundId } })).status, { timeout: 90_000 }).toMatch(/DONE|FAILED/);
  }
  running = false;
  await bystander;
  const slowest = Math.max(...probe.map((p) => p.ms));
  console.log(`20,000-character answers: requests ${requestTimes.map((ms) => ms.toFixed(0)).join(", ")} ms; bystander ${probe.length} requests, slowest ${slowest.toFixed(0)} ms`);
  expect(probe.filter((p) => p.status !== 200)).toEqual([]);
  // The request only stores the round; the web server is never the one grading
  expect(Math.max(...requestTimes)).toBeLessThan(5_000);
  expect(slowest).toBeLessThan(5_000);
});
