"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** A column chart of counts; hidden from screen readers because the page shows the same figures as a table beside it. */
export function CountBarChart({ rows, label, height = 220 }: { rows: { label: string; value: number }[]; label: string; height?: number }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip formatter={(value) => [String(value), label]} />
          <Bar dataKey="value" fill="#115e59" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
