"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * Time left until the deadline, by the server's clock: the offset between the server's time at
 * page load and this device's is applied, so a wrong device clock changes nothing.
 */
export function Countdown({ deadlineAt, serverNow, onExpired }: { deadlineAt: string; serverNow: number; onExpired: () => void }) {
  const t = useTranslations("attempt");
  const [offset] = useState(() => serverNow - Date.now());
  const [left, setLeft] = useState(() => new Date(deadlineAt).getTime() - serverNow);
  const fired = useRef(false);
  useEffect(() => {
    const tick = () => {
      const remaining = new Date(deadlineAt).getTime() - (Date.now() + offset);
      setLeft(remaining);
      if (remaining <= 0 && !fired.current) {
        fired.current = true;
        onExpired();
      }
    };
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [deadlineAt, offset, onExpired]);
  const seconds = Math.max(0, Math.ceil(left / 1000));
  const text = `${Math.floor(seconds / 3600) ? `${Math.floor(seconds / 3600)}:` : ""}${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  const urgent = seconds <= 60;
  return (
    <div className="mb-3">
      <p className="text-sm text-slate-700">{t("timeLeft")}</p>
      <p className={`font-mono text-2xl font-semibold ${urgent ? "text-red-800" : "text-slate-950"}`} data-testid="countdown">
        {seconds > 0 ? text : t("timeUp")}
      </p>
      {/* Screen readers hear the time at a few moments, not every second. */}
      <p className="sr-only" aria-live="polite">
        {[600, 300, 60].includes(seconds) ? t("minutesLeft", { minutes: seconds / 60 }) : seconds === 0 ? t("timeUp") : ""}
      </p>
    </div>
  );
}
