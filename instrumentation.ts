// Runs once when a Next.js server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOverdueSweep } = await import("./lib/attempt/overdue-sweep");
  startOverdueSweep();
}
