import Provider from "oidc-provider";

// A real OpenID Connect provider (the `oidc-provider` package) standing in for a university's
// single sign-on during the e2e run. Its development login form accepts any login; the login
// typed becomes the account's email.
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 2527);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "jielong-e2e", secret: "jielong-e2e-secret-0123456789" };

export async function startOidcProvider(appBaseUrl: string): Promise<() => Promise<void>> {
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/university`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    cookies: { keys: ["e2e-cookie-key-not-secret"] },
    // Like most university identity providers: the ID token itself carries email and name.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      // Logins starting with "teacher-" belong to the teachers' group (OIDC_INSTRUCTOR_CLAIM in playwright.config.ts)
      const groups = id.startsWith("teacher-") ? ["staff", "teachers"] : ["students"];
      return { accountId: id, claims: async () => ({ sub: id, email: id.toLowerCase(), email_verified: true, name: `SSO ${id.split("@")[0]}`, groups }) };
    },
  });
  const server = provider.listen(OIDC_PORT);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return () => new Promise((resolve) => server.close(() => resolve()));
}
