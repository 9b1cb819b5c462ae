-- CreateTable
CREATE TABLE "NextTokenProbability" (
    "id" TEXT NOT NULL,
    "questionUuid" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "contextHash" TEXT NOT NULL,
    "modelName" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "modelLabel" TEXT NOT NULL,
    "candidates" JSONB NOT NULL,
    "topTokens" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NextTokenProbability_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NextTokenProbability_questionUuid_locale_contextHash_key" ON "NextTokenProbability"("questionUuid", "locale", "contextHash");
