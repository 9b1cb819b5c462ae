import "server-only";
import { z } from "zod";
import { zText } from "@/lib/core/text";
import { requireClassRoleOrNotFound } from "@/lib/core/session";
import { findRosterPage, ROSTER_SORTS } from "./data";

const ZRosterQuery = z.object({
  q: zText(100).catch(""),
  section: zText(40).catch(""),
  sort: z.enum(ROSTER_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const ROSTER_PAGE_SIZE = 50;

/** The roster page for a class's staff; students of the class get a 404 like strangers. */
export async function loadRoster(classId: string, searchParams: Record<string, string | string[] | undefined>) {
  const { classId: authorized, role, user } = await requireClassRoleOrNotFound(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}/roster`);
  const query = { ...ZRosterQuery.parse({ q: "", section: "", sort: "name", dir: "asc", page: 1, ...flatten(searchParams) }), pageSize: ROSTER_PAGE_SIZE };
  return { ...(await findRosterPage(authorized, query)), query, canEdit: role === "INSTRUCTOR", viewerId: user.id };
}

function flatten(params: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
