import { getTranslations } from "next-intl/server";
import { csvResponse, toCsv } from "@/lib/core/csv-export";
import { isAppError } from "@/lib/core/errors";
import { requireClassRole } from "@/lib/core/session";
import { findRosterForExport } from "@/lib/roster/data";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  let authorized;
  try {
    ({ classId: authorized } = await requireClassRole(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}/roster`));
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
  const t = await getTranslations("roster");
  const { members, pending } = await findRosterForExport(authorized);
  const csv = toCsv(
    ["email", "name", "student id", "section", "role", "status"],
    [
      ...members.map((m) => [m.user.email, m.rosterName ?? m.user.name, m.studentNumber, m.section, m.role.toLowerCase(), m.status === "ACTIVE" ? "active" : "waiting for approval"]),
      ...pending.map((p) => [p.email, p.rosterName, p.studentNumber, p.section, p.role.toLowerCase(), "no account yet"]),
    ],
  );
  return csvResponse(csv, { ascii: `roster-${authorized}`, local: t("exportFileName") });
}
