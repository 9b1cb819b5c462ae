import { readdirSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, signInViaApi, test } from "./fixtures";
import { callAction, serverActions } from "./server-actions";
import { createWorld, ROLES, type TRole, type TWorld } from "./world";

// Who may do what, for every route and every server action, exercised over real HTTP.
// A route file or server action without a row here fails the test.

// "unavailable": let in, but the shared e2e app runs without models, so the model route answers 503
type TOutcome = "ok" | "signin" | "404" | "denied" | "unavailable";
type TRow = Record<TRole, TOutcome>;

const everyone = (outcome: TOutcome): TRow => Object.fromEntries(ROLES.map((role) => [role, outcome])) as TRow;
const signedIn: TRow = { ...everyone("ok"), anonymous: "signin" };
const staffPage: TRow = { anonymous: "signin", student: "404", otherStudent: "404", ta: "ok", otherInstructor: "404", instructor: "ok", admin: "ok" };
const memberPage: TRow = { ...staffPage, student: "ok" };
const instructorAction: TRow = { anonymous: "signin", student: "denied", otherStudent: "denied", ta: "denied", otherInstructor: "denied", instructor: "ok", admin: "ok" };
const staffAction: TRow = { ...instructorAction, ta: "ok" };
// Creating a class needs teaching access: the class's instructor, the other instructor and the admin have it
const teacherAction: TRow = { ...instructorAction, otherInstructor: "ok" };
const adminOnlyPage: TRow = { ...everyone("404"), anonymous: "signin", admin: "ok" };
const adminAction: TRow = { ...everyone("denied"), anonymous: "signin", admin: "ok" };



// JSON routes answer 401 to the anonymous and 404 to anyone but the attempt's owner.
const ownerOnlyApi: TRow = { ...everyone("404"), anonymous: "signin", student: "ok" };

const PAGES: Record<string, { path: (w: TWorld) => string; expect: TRow; post?: (w: TWorld) => unknown }> = {
  "/": { path: () => "/", expect: everyone("ok") },
  "/signin": { path: () => "/signin", expect: everyone("ok") },
  "/join": { path: () => "/join", expect: signedIn },
  "/forgot-password": { path: () => "/forgot-password", expect: everyone("ok") },
  "/reset-password": { path: () => "/reset-password?token=nothing", expect: everyone("ok") },
  "/unlock": { path: () => "/unlock?token=nothing", expect: everyone("ok") },
  "/lectures/[slug]": { path: () => "/lectures/01-what-is-generative-ai", expect: everyone("ok") },
  "/classes/new": { path: () => "/classes/new", expect: signedIn },
  "/admin/teachers": { path: () => "/admin/teachers", expect: adminOnlyPage },
  "/classes/[classId]": { path: (w) => `/classes/${w.classId}`, expect: staffPage },
  "/classes/[classId]/roster": { path: (w) => `/classes/${w.classId}/roster`, expect: staffPage },
  "/classes/[classId]/grading": { path: (w) => `/classes/${w.classId}/grading?filter=all`, expect: staffPage },
  "/classes/[classId]/roster/export": { path: (w) => `/classes/${w.classId}/roster/export`, expect: staffPage },
  "/classes/[classId]/overview": { path: (w) => `/classes/${w.classId}/overview`, expect: staffPage },
  "/classes/[classId]/analysis/[assignmentId]": { path: (w) => `/classes/${w.classId}/analysis/${w.assignmentId}`, expect: staffPage },
  "/classes/[classId]/students/[userId]": { path: (w) => `/classes/${w.classId}/students/${w.studentId}`, expect: staffPage },
  "/classes/[classId]/export/gradebook": { path: (w) => `/classes/${w.classId}/export/gradebook`, expect: staffPage },
  "/classes/[classId]/export/responses": { path: (w) => `/classes/${w.classId}/export/responses`, expect: staffPage },
  "/assignments/[assignmentId]": { path: (w) => `/assignments/${w.assignmentId}`, expect: memberPage },
  "/attempts/[attemptId]": { path: (w) => `/attempts/${w.attemptId}`, expect: { ...staffPage, student: "ok" } },
  "/api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: everyone("ok") },
  "/review": { path: () => "/review", expect: signedIn },
  "/progress": { path: () => "/progress", expect: signedIn },
  "/api/feedback/[roundId]/stream": { path: (w) => `/api/feedback/${w.roundId}/stream`, expect: { ...staffPage, student: "ok" } },
  "/api/attempts/[attemptId]/feedback": {
    path: (w) => `/api/attempts/${w.essayAttemptId}/feedback`,
    post: (w) => ({ questionId: w.essayQuestionId, answer: { type: "open", text: "A spam filter picks one of two labels." }, seq: 1 }),
    expect: ownerOnlyApi,
  },
  "/api/playground": { path: () => "/api/playground", post: () => ({ prefix: "今天天氣很", temperature: 0, steps: 1 }), expect: { ...everyone("unavailable"), anonymous: "signin" } },
  "/api/review/[questionUuid]": { path: (w) => `/api/review/${w.questionUuid}`, post: () => ({ answer: { type: "numeric", text: "1e300" } }), expect: ownerOnlyApi },
  "/api/assignments/[assignmentId]/attempts": { path: (w) => `/api/assignments/${w.assignmentId}/attempts`, post: () => ({}), expect: { ...memberPage, anonymous: "signin" } },
  // Submit comes last of the three: it closes the attempt the other two write to.
  "/api/attempts/[attemptId]/answers": { path: (w) => `/api/attempts/${w.openAttemptId}/answers`, post: (w) => ({ questionId: w.questionId, answer: { type: "numeric", text: "1e300" }, seq: 1 }), expect: ownerOnlyApi },
  "/api/attempts/[attemptId]/check": { path: (w) => `/api/attempts/${w.openAttemptId}/check`, post: (w) => ({ questionId: w.questionId, answer: { type: "numeric", text: "1e300" }, seq: 2 }), expect: ownerOnlyApi },
  "/api/attempts/[attemptId]/flags": { path: (w) => `/api/attempts/${w.openAttemptId}/flags`, post: (w) => ({ questionId: w.questionId, flagged: true }), expect: ownerOnlyApi },
  "/api/attempts/[attemptId]/submit": { path: (w) => `/api/attempts/${w.openAttemptId}/submit`, post: () => ({ answers: [] }), expect: ownerOnlyApi },
};

// Arguments chosen so that an allowed call changes nothing that matters to other rows.
const ACTIONS: Record<string, { args: (w: TWorld) => unknown[]; expect: TRow }> = {
  "lib/attempt/actions.ts#createAssignmentAction": {
    args: (w) => [w.classId, { quizId: w.quizId, mode: "PRACTICE", opensAt: null, closesAt: null, timeLimitMinutes: null, attemptsAllowed: null, countedAttempt: "BEST", feedbackTiming: "AFTER_SUBMIT", shuffleQuestions: false, shuffleOptions: true, graceSeconds: 60 }],
    expect: instructorAction,
  },
  "lib/grading/actions.ts#reviewGradeAction": { args: (w) => [w.classId, { action: "ACCEPT", responseId: w.responseId, reason: "access matrix" }], expect: staffAction },
  "lib/grading/actions.ts#reviewGroupAction": { args: (w) => [w.classId, { responseIds: [w.responseId], reason: "access matrix" }], expect: staffAction },
  "lib/roster/actions.ts#createClassAction": { args: () => [{ name: "Access-matrix class", term: "" }], expect: teacherAction },
  "lib/roster/actions.ts#grantTeachingAction": { args: (w) => [{ email: w.instructorEmail }], expect: adminAction },
  "lib/roster/actions.ts#withdrawTeachingAction": { args: (w) => [{ userId: w.taId }], expect: adminAction },
  "lib/roster/actions.ts#updateClassAction": { args: (w) => [w.classId, { name: "Matrix class", term: "", archived: false }], expect: instructorAction },
  "lib/roster/actions.ts#previewRosterImportAction": { args: (w) => [w.classId, formData({ text: "email\nsomeone@example.edu\n" })], expect: instructorAction },
  "lib/roster/actions.ts#commitRosterImportAction": { args: (w) => [w.classId, { text: "email\n", removals: [] }], expect: instructorAction },
  "lib/roster/actions.ts#changeRoleAction": { args: (w) => [{ classId: w.classId, userId: w.studentId, role: "STUDENT" }], expect: instructorAction },
  "lib/roster/actions.ts#removeMemberAction": { args: (w) => [{ classId: w.classId, userId: w.instructorId }], expect: instructorAction },
  "lib/roster/actions.ts#approveMemberAction": { args: (w) => [{ classId: w.classId, userId: w.studentId }], expect: staffAction },
  "lib/roster/actions.ts#joinSettingsAction": { args: (w) => [w.classId, { enabled: false, needsApproval: false }], expect: instructorAction },
  "lib/roster/actions.ts#rotateJoinCodeAction": { args: (w) => [w.classId], expect: instructorAction },
  "lib/roster/actions.ts#joinClassAction": { args: () => [{ code: "NOSUCHCODE" }], expect: signedIn },
  "lib/practice/actions.ts#checkYourselfAction": { args: (w) => [{ questionId: w.checkQuestionId, answer: { type: "short_text", text: "x" } }], expect: everyone("ok") },
  "lib/core/locale-actions.ts#setLocaleAction": { args: () => ["zh-TW"], expect: everyone("ok") },
  "lib/auth/actions.ts#requestPasswordResetAction": { args: () => [{ email: "nobody@example.com" }], expect: everyone("ok") },
  "lib/auth/actions.ts#resetPasswordAction": { args: () => [{ token: "not-a-real-token-at-all", password: "long-enough-passphrase-9" }], expect: everyone("ok") },
  "lib/auth/actions.ts#unlockAccountAction": { args: () => [{ token: "not-a-real-token-at-all" }], expect: everyone("ok") },
  // Last: it ends the caller's sessions.
  "lib/auth/actions.ts#signOutEverywhereAction": { args: () => [], expect: signedIn },
};

function formData(fields: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

function routeFiles(dir = "app", prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [prefix || "/"] : [];
  });
}

async function pageOutcome(request: APIRequestContext, url: string, post?: unknown): Promise<TOutcome> {
  const response = post === undefined ? await request.get(url, { maxRedirects: 0 }) : await request.post(url, { data: post, maxRedirects: 0 });
  if (response.status() === 401) return "signin";
  const location = response.headers()["location"] ?? "";
  if (response.status() >= 300 && response.status() < 400 && location.includes("/signin")) return "signin";
  if (response.status() === 404) return "404";
  if (response.status() === 200) return "ok";
  if (response.status() === 503) return "unavailable";
  return `HTTP ${response.status()}` as TOutcome;
}

async function actionOutcome(request: APIRequestContext, actionId: string, args: unknown[]): Promise<TOutcome> {
  const { status, redirect, result } = await callAction(request, actionId, args);
  if (redirect.includes("/signin")) return "signin";
  if (redirect) return "ok";
  if (status !== 200) return `HTTP ${status}` as TOutcome;
  const code = (result as { ok?: boolean; code?: string } | null)?.code;
  return code === "NOT_FOUND" || code === "FORBIDDEN" ? "denied" : "ok";
}

test("every route and server action has a row, and every role gets exactly its row's outcome", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const actionIds = serverActions();
  expect(new Set(routeFiles()), "a route without a row in PAGES").toEqual(new Set(Object.keys(PAGES)));
  expect(new Set(actionIds.keys()), "a server action without a row in ACTIONS").toEqual(new Set(Object.keys(ACTIONS)));

  const { world, users, password } = await createWorld();

  const contexts = {} as Record<TRole, APIRequestContext>;
  for (const role of ROLES) {
    contexts[role] = await playwrightRequest.newContext({ baseURL });
    if (role !== "anonymous") await signInViaApi(contexts[role], users[role].email, password);
  }

  const mismatches: string[] = [];
  let cells = 0;
  for (const [route, row] of Object.entries(PAGES)) {
    for (const role of ROLES) {
      cells++;
      const outcome = await pageOutcome(contexts[role], row.path(world), row.post?.(world));
      if (outcome !== row.expect[role]) mismatches.push(`${route} as ${role}: expected ${row.expect[role]}, got ${outcome}`);
    }
  }
  for (const [action, row] of Object.entries(ACTIONS)) {
    for (const role of ROLES) {
      cells++;
      const outcome = await actionOutcome(contexts[role], actionIds.get(action)!, row.args(world));
      if (outcome !== row.expect[role]) mismatches.push(`${action} as ${role}: expected ${row.expect[role]}, got ${outcome}`);
    }
  }
  for (const context of Object.values(contexts)) await context.dispose();
  expect(mismatches).toEqual([]);
  expect(cells).toBe((Object.keys(PAGES).length + Object.keys(ACTIONS).length) * ROLES.length);
  console.log(`access matrix: ${Object.keys(PAGES).length} routes + ${Object.keys(ACTIONS).length} actions × ${ROLES.length} roles = ${cells} checks`);
});
