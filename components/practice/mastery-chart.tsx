"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Mastery per concept as horizontal bars (0–100 %); the page shows the same figures as a table. */
export function MasteryChart({ rows }: { rows: { label: string; percent: number }[] }) {
  return (
    <div aria-hidden="true" className="h-[560px] w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="label" width={300} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => `${value}%`} />
          <Bar dataKey="percent" fill="#115e59" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
