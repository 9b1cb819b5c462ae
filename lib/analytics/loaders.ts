import "server-only";
import { cache } from "react";
import { requireClassRoleOrNotFound } from "@/lib/core/session";
import { findClassAttempts } from "./data";
import { summariseClass } from "./summarise-class";

export const loadClassAttempts = cache(async (classId: string) => {
  const { classId: authorized } = await requireClassRoleOrNotFound(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}`);
  const { klass, students } = await findClassAttempts(authorized);
  return { klass, ...summariseClass(klass.assignments.map((assignment) => assignment.id), students) };
});
