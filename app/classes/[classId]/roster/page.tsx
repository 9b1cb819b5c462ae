import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClassForm } from "@/components/roster/class-form";
import { JoinCodePanel } from "@/components/roster/join-code-panel";
import { RosterImport } from "@/components/roster/roster-import";
import { RosterTable } from "@/components/roster/roster-table";
import { Card } from "@/components/ui/card";
import { loadRoster, ROSTER_PAGE_SIZE } from "@/lib/roster/loaders";

type TProps = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RosterPage({ params, searchParams }: TProps) {
  const { classId } = await params;
  const [roster, t] = await Promise.all([loadRoster(classId, await searchParams), getTranslations("roster")]);
  const { klass } = roster;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title", { name: klass.name })}</h1>
        <p className="flex flex-wrap gap-4">
          <Link href={`/classes/${klass.id}`} className="text-teal-800 underline underline-offset-2">{t("toAttempts")}</Link>
          <a href={`/classes/${klass.id}/roster/export`} className="text-teal-800 underline underline-offset-2">{t("export")}</a>
        </p>
      </header>
      <Card aria-labelledby="members">
        <h2 id="members" className="mb-3 text-xl font-semibold">{t("members")}</h2>
        <RosterTable roster={roster} query={roster.query} classId={klass.id} canEdit={roster.canEdit} pageSize={ROSTER_PAGE_SIZE} />
      </Card>
      {roster.pendingTotal ? (
        <Card aria-labelledby="pending">
          <h2 id="pending" className="mb-1 text-xl font-semibold">{t("pendingTitle", { count: roster.pendingTotal })}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("pendingHelp")}</p>
          <ul className="ml-6 list-disc" data-testid="pending">
            {roster.pending.map((row) => (
              <li key={row.email}>{row.rosterName ? `${row.rosterName} <${row.email}>` : row.email}</li>
            ))}
          </ul>
          {roster.pendingTotal > roster.pending.length ? <p className="mt-2 text-sm text-slate-700">{t("pendingMore", { count: roster.pendingTotal - roster.pending.length })}</p> : null}
        </Card>
      ) : null}
      {roster.canEdit ? (
        <Card aria-labelledby="import">
          <h2 id="import" className="mb-3 text-xl font-semibold">{t("importTitle")}</h2>
          <RosterImport classId={klass.id} />
        </Card>
      ) : null}
      <Card aria-labelledby="join">
        <h2 id="join" className="mb-3 text-xl font-semibold">{t("joinTitle")}</h2>
        <JoinCodePanel classId={klass.id} code={klass.joinCode} needsApproval={klass.joinNeedsApproval} canEdit={roster.canEdit} />
      </Card>
      {roster.canEdit ? (
        <Card aria-labelledby="settings">
          <h2 id="settings" className="mb-3 text-xl font-semibold">{t("settingsTitle")}</h2>
          <ClassForm classId={klass.id} initial={{ name: klass.name, term: klass.term, sections: klass.sections, archived: Boolean(klass.archivedAt) }} />
        </Card>
      ) : null}
    </div>
  );
}
