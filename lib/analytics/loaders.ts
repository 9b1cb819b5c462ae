import "server-only";
import { cache } from "react";
import { findAssignableQuizzes } from "@/lib/attempt/assignments";
import { db } from "@/lib/core/db";
import { requireClassRoleOrNotFound } from "@/lib/core/session";
import { findClassAttempts } from "./data";
import { summariseClass } from "./summarise-class";

export const loadClassAttempts = cache(async (classId: string) => {
  const { classId: authorized, role } = await requireClassRoleOrNotFound(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}`);
  const [{ klass, students }, quizzes] = await Promise.all([findClassAttempts(authorized), role === "INSTRUCTOR" ? findAssignableQuizzes(db) : Promise.resolve([])]);
  return { klass, canAssign: role === "INSTRUCTOR", quizzes, ...summariseClass(klass.assignments.map((assignment) => assignment.id), students) };
});
