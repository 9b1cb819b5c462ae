import "server-only";

import { getSessionUser } from "@/lib/core/session";
import { chatModel } from "@/lib/models/chat";

// What the lecture page needs to show the playground: which model would write (if any can
// continue raw text), and whether the reader is signed in to use it.

export type TPlaygroundModel = { name: string; source: "local" | "remote" };

/** The model the playground runs on, or null when none is installed that can continue text */
export function playgroundModel() {
  const model = chatModel();
  return model?.continueText ? model : null;
}

export async function loadPlayground(): Promise<{ model: TPlaygroundModel | null; signedIn: boolean }> {
  const model = playgroundModel();
  const user = await getSessionUser();
  return { model: model ? { name: model.name, source: model.source } : null, signedIn: user !== null };
}
