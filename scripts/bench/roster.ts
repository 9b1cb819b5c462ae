import { findRosterPage, type TRosterQuery } from "@/lib/roster/data";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { measure, ms, startBenchDatabase } from "./harness";

// `npm run bench:roster [-- --students N]`: the roster table's query (search, sort, one page)
// against a class of N students (default 1,000), as the class page runs it.

const students = Number(process.argv.find((arg, i, all) => all[i - 1] === "--students") ?? 1000);
const FAMILY = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊"];
const GIVEN = ["怡君", "志明", "雅婷", "冠宇", "家豪", "詩涵", "承恩", "宜蓁"];

const bench = await startBenchDatabase("roster");
try {
  const { db } = bench;
  const klass = await db.class.create({ data: { name: "Bench class", term: "2026 Fall" }, select: { id: true } });
  await db.user.createMany({
    data: Array.from({ length: students }, (_, i) => ({ id: `bench-user-${i}`, email: `student${String(i).padStart(5, "0")}@univ.example`, name: `Student ${i}` })),
  });
  await db.enrollment.createMany({
    data: Array.from({ length: students }, (_, i) => ({
      classId: klass.id,
      userId: `bench-user-${i}`,
      role: "STUDENT" as const,
      rosterName: `${FAMILY[i % FAMILY.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
      studentNumber: `B${(11_200_000 + i).toString()}`,
      section: `0${(i % 4) + 1}`,
    })),
  });
  await db.$executeRawUnsafe("ANALYZE");
  const classId = klass.id as TAuthorizedClassId;
  const base: TRosterQuery = { q: "", section: "", sort: "name", dir: "asc", page: 1, pageSize: 50 };
  const cases: Array<[string, TRosterQuery]> = [
    ["first page, by name", base],
    ["last page, by name", { ...base, page: Math.ceil(students / 50) }],
    ["by email, descending", { ...base, sort: "email", dir: "desc" }],
    ["by section, page 5", { ...base, sort: "section", page: 5 }],
    ["one section only, by name", { ...base, section: "02" }],
    ["search a family name (王)", { ...base, q: "王" }],
    ["search a student-number fragment", { ...base, q: "112005" }],
    ["search with no match", { ...base, q: "nobody-matches-this" }],
  ];
  console.log(`Roster of ${students} students, 50 per page; 50 timed runs per case (3 warm-up)`);
  console.log(["case".padEnd(36), "p50".padStart(10), "p95".padStart(10), "max".padStart(10), "queries"].join(" "));
  for (const [label, query] of cases) {
    const result = await measure(bench, () => findRosterPage(classId, query), { repeat: 50 });
    console.log([label.padEnd(36), ms(result.p50).padStart(10), ms(result.p95).padStart(10), ms(result.max).padStart(10), String(result.queriesPerRun).padStart(7)].join(" "));
  }
} finally {
  await bench.stop();
}
