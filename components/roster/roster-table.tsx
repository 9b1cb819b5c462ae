import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { findRosterPage, TRosterQuery } from "@/lib/roster/data";
import { MemberActions } from "./member-actions";

type TRoster = Awaited<ReturnType<typeof findRosterPage>>;
const COLUMNS = [
  ["name", "colName"],
  ["email", "colEmail"],
  ["studentNumber", "colStudentNumber"],
  ["section", "colSection"],
  ["role", "colRole"],
] as const;

export async function RosterTable({ roster, query, classId, canEdit, pageSize }: { roster: TRoster; query: TRosterQuery; classId: string; canEdit: boolean; pageSize: number }) {
  const t = await getTranslations("roster");
  const href = (changes: Partial<TRosterQuery>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams({ q: next.q, section: next.section, sort: next.sort, dir: next.dir, page: String(next.page) });
    return `/classes/${classId}/roster?${params}`;
  };
  const pages = Math.max(1, Math.ceil(roster.total / pageSize));
  return (
    <div className="flex flex-col gap-3">
      <Form role="search" className="flex flex-wrap items-end gap-2" action={`/classes/${classId}/roster`}>
        <div className="flex flex-col gap-1">
          <label htmlFor="roster-search" className="text-sm font-medium">
            {t("search")}
          </label>
          <input id="roster-search" name="q" defaultValue={query.q} className="rounded-md border border-slate-500 px-3 py-2" />
        </div>
        {roster.klass.sections.length ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="roster-section" className="text-sm font-medium">
              {t("sectionFilter")}
            </label>
            <select id="roster-section" name="section" defaultValue={query.section} className="rounded-md border border-slate-500 px-3 py-2">
              <option value="">{t("allSections")}</option>
              {roster.klass.sections.map((section) => (
                <option key={section} value={section}>
                  {section}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="rounded-md border border-slate-500 px-3 py-2">
          {t("searchButton")}
        </button>
      </Form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("showing", { from: roster.total ? (query.page - 1) * pageSize + 1 : 0, to: Math.min(query.page * pageSize, roster.total), total: roster.total })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="roster">
          <thead>
            <tr className="border-b border-slate-400">
              {COLUMNS.map(([key, label]) => {
                const active = query.sort === key;
                return (
                  <th key={key} scope="col" className="py-2 pr-4 text-left" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link className="underline underline-offset-2" href={href({ sort: key, dir: active && query.dir === "asc" ? "desc" : "asc", page: 1 })}>
                      {t(label)} {active ? (query.dir === "asc" ? "▲" : "▼") : ""}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {roster.rows.map((row) => {
              const name = row.rosterName ?? row.user.name ?? row.user.email;
              return (
                <tr key={row.user.id} className="border-b border-slate-200 align-middle">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {name}
                    {row.status === "PENDING_APPROVAL" ? <span className="ml-2 text-xs text-amber-900">({t("waitingApproval")})</span> : null}
                  </th>
                  <td className="py-2 pr-4">{row.user.email}</td>
                  <td className="py-2 pr-4">{row.studentNumber ?? ""}</td>
                  <td className="py-2 pr-4">{row.section ?? ""}</td>
                  <td className="py-2 pr-4">
                    <MemberActions classId={classId} userId={row.user.id} name={name} role={row.role} waiting={row.status === "PENDING_APPROVAL"} canEdit={canEdit} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("pagination")} className="flex items-center gap-3">
        {query.page > 1 ? <Link href={href({ page: query.page - 1 })} className="underline">{t("previous")}</Link> : null}
        <span>{t("pageOf", { page: query.page, pages })}</span>
        {query.page < pages ? <Link href={href({ page: query.page + 1 })} className="underline">{t("next")}</Link> : null}
      </nav>
    </div>
  );
}
