import { loadGradebookExport } from "@/lib/analytics/loaders";
import { csvDownload } from "@/lib/core/csv-export";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  return csvDownload(() => loadGradebookExport(classId));
}
