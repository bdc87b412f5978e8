-- Durable intake (issue 14). Written by hand from `prisma migrate diff`, which rebuilt UploadDraft
-- to add one column: SQLite adds a column with a constant default in place, so no copy is needed.

-- A claim on an inbound message that its process may not finish: until when it holds.
ALTER TABLE "InboundMessage" ADD COLUMN "leaseUntil" DATETIME;

-- Pages are grouped by album; pages already waiting from before have the empty key and are closed
-- into one receipt per chat, as the timer would have done.
ALTER TABLE "UploadDraft" ADD COLUMN "albumKey" TEXT NOT NULL DEFAULT '';
DROP INDEX "UploadDraft_accountId_idx";
CREATE INDEX "UploadDraft_accountId_albumKey_idx" ON "UploadDraft"("accountId", "albumKey");
CREATE INDEX "UploadDraft_createdAt_idx" ON "UploadDraft"("createdAt");
