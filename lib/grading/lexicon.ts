// The built-in grader's small word lists. They are about lecture 1's vocabulary and ordinary
// negation in zh-TW and English, not a general dictionary: a word missing here only costs recall.

export const EN_STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for from with as is are was were be been being it its this that these those " +
    "there their they them he she his her we our you your i me my so than then just only also very really quite much more most " +
    "some any each every all both do does did doing have has had having can could would should will shall may might must " +
    "state states say says explain explains mention mentions describe describes give gives conclude concludes contrast contrasts too which who whom what when where why how about into over under again out up down off one ones thing things such like " +
    "because since while whereas therefore thus hence however although though"
  ).split(/\s+/u),
);

export const ZH_STOPWORDS = new Set(
  (
    "的 了 是 在 和 與 跟 及 也 就 都 而 這 那 這個 那個 這些 那些 它 它們 他 她 我 你 我們 他們 有 會 要 把 被 從 到 對 為 以 " +
    "所以 因為 但 但是 可以 能 能夠 很 更 還 又 或 或是 嗎 呢 吧 啊 喔 等 中 上 下 裡 之 其 就是 只是 只 而已 一 一些 個 種 樣 " +
    "什麼 怎麼 如何 為什麼 因此 然後 並 並且 所 得 地 著 過 來 去 讓 用 使 說 像 如果 因而 即 便 才 再 已經 可能 應該 一定 其實 指出 說明 提到 描述 得出 結論 舉出 比較"
  ).split(/\s+/u),
);

/** English words that negate what follows them in the same clause. */
export const EN_NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "nothing",
  "none",
  "neither",
  "nor",
  "without",
  "impossible",
  "unable",
]);

/** Characters that usually negate in Chinese, and the words in which they do not. */
export const ZH_NEGATION_CHARS = /[不沒没無无非未別别勿莫]/gu;
export const ZH_NOT_NEGATIONS = [
  "不同",
  "不少",
  "不斷",
  "不錯",
  "不過",
  "不僅",
  "不但",
  "不管",
  "不論",
  "不只",
  "不久",
  "非常",
  "無限",
  "無數",
  "無窮",
  "無論",
  "無比",
  "未來",
  "沒錯",
  "特別",
  "區別",
  "差別",
  "分別",
  "類別",
  "個別",
  "別的",
  "別人",
  "級別",
];
export const ZH_EXTRA_NEGATIONS = ["難以"];

/**
 * Words that mean the same thing in this lecture. The first of each group is the one the grader
 * compares; English words are given as their stems.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["gener", "produc", "creat", "make", "write", "compos"],
  ["classif", "classifi", "categor", "categori", "label", "sort"],
  ["choos", "choic", "pick", "select", "chose", "chosen"],
  ["enumer", "list", "exhaust"],
  ["huge", "enorm", "vast", "immens", "astronom", "gigant", "massiv"],
  ["token", "charact", "word", "piec"],
  ["predict", "guess", "forecast"],
  ["next", "follow", "subsequ"],
  ["fix", "predefin", "predetermin", "preset"],
  ["mani", "lot", "numer", "countless"],
  ["possibl", "combin", "option", "variat", "outcom"],
  ["new", "novel", "origin", "unseen"],
  ["structur", "complex"],
  ["生成", "產生", "创造", "創造", "寫出", "做出", "造出", "創作"],
  ["分類", "歸類", "分成", "類別"],
  ["選", "挑", "選擇", "挑選", "選出", "挑出"],
  ["列舉", "窮舉", "列出", "列完", "一一列", "全部列"],
  ["巨大", "龐大", "天文數字", "非常多", "超級多", "極多"],
  ["字", "token", "文字", "詞"],
  ["預測", "猜"],
  ["下一個", "接下來", "後面"],
  ["固定", "事先定好", "預先定", "事先決定", "預設"],
  ["相乘", "乘起來", "乘在一起", "乘積", "次方"],
  ["新的", "全新", "沒看過", "原創"],
  ["文字接龍", "接龍"],
];

/** Pairs of opposites: an answer that says one where the reference says the other contradicts it. */
export const OPPOSITES: readonly (readonly [string, string])[] = [
  ["classif", "gener"],
  ["分類", "生成"],
  ["few", "mani"],
  ["少", "多"],
  ["fix", "open"],
  ["有限", "無限"],
  ["small", "huge"],
  ["once", "step"],
  ["一次", "一個一個"],
  ["slow", "fast"],
  ["better", "wors"],
];
