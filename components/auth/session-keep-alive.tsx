"use client";

import { useEffect } from "react";

const KEY = "jielong.session-renewed-at";
const EVERY_MS = 60 * 60 * 1000;

/**
 * Renews the session cookie at most once an hour while someone uses the app (next-auth reissues
 * it on /api/auth/session), so the week-long session rolls for active users and lapses for idle ones.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    const last = Number(window.localStorage.getItem(KEY) ?? 0);
    if (Date.now() - last < EVERY_MS) return;
    window.localStorage.setItem(KEY, String(Date.now()));
    void fetch("/api/auth/session", { cache: "no-store" }).catch(() => undefined);
  }, []);
  return null;
}
