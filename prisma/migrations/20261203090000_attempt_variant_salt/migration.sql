-- Attempts started from now on seed their variants with their assignment as well, so that a
-- practice attempt and an exam attempt with the same number show different numbers. Existing
-- attempts keep NULL, and with it the numbers their students already saw.
ALTER TABLE "Attempt" ADD COLUMN "variantSalt" TEXT;
