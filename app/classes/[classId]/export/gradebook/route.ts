import { loadGradebookExport } from "@/lib/analytics/loaders";
import { csvResponse } from "@/lib/core/csv-export";
import { isAppError } from "@/lib/core/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  try {
    const { csv, fileName } = await loadGradebookExport(classId);
    return csvResponse(csv, fileName);
  } catch (error) {
    // Anyone but the class's instructors and TAs: the class does not exist for them
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
