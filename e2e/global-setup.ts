import { startMailCatcher } from "./mail-catcher";
import { startOidcProvider } from "./oidc-peer";

// Real protocol peers for the app under test: an SMTP server and an OpenID provider.
export default async function globalSetup() {
  const stopMail = await startMailCatcher();
  const stopOidc = await startOidcProvider(`http://localhost:${process.env.E2E_PORT ?? 3107}`);
  return async () => {
    await stopOidc();
    await stopMail();
  };
}
