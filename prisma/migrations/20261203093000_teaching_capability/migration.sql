-- Creating classes becomes a capability. Everyone who already teaches a class (and every site
-- admin) keeps it; nobody else gets it without an admin, the SSO claim or the demo seed.
ALTER TABLE "User" ADD COLUMN "canTeach" BOOLEAN NOT NULL DEFAULT false;

UPDATE "User" SET "canTeach" = true
WHERE "siteRole" = 'ADMIN' OR "id" IN (SELECT "userId" FROM "Enrollment" WHERE "role" = 'INSTRUCTOR');
