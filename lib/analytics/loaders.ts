import "server-only";
import { cache } from "react";
import { requireClassRoleOrNotFound } from "@/lib/core/session";
import { findClassAttempts } from "./data";

export const loadClassAttempts = cache(async (classId: string) => {
  const { classId: authorized } = await requireClassRoleOrNotFound(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}`);
  return findClassAttempts(authorized);
});
