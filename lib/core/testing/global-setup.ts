import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, startEmbeddedPostgres, type TEmbeddedPostgres } from "../embedded-postgres";
import { freePort } from "../free-port";
import { migrate } from "../migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}


// One PostgreSQL for the whole run (DATABASE_URL's, or an embedded one), with a migrated
// template database that each integration test file clones (PrairieLearn's helperDb model).
export default async function setup(project: TestProject) {
  let server: TEmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), "jielong-test-"));
    await chmod(dataDir, 0o755); // the postgres user must be able to reach its data folder
    server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = server.urlFor("postgres");
  }
  const template = `jielong_template_${process.pid}`;
  await createDatabaseIfMissing(adminUrl, template);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await migrate({ connectionString: templateUrl.toString() });
  project.provide("databaseAdminUrl", adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    if (server) await server.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
