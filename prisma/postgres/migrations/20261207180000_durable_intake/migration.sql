-- DropIndex
DROP INDEX "UploadDraft_accountId_idx";

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "UploadDraft" ADD COLUMN     "albumKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "UploadDraft_accountId_albumKey_idx" ON "UploadDraft"("accountId", "albumKey");

-- CreateIndex
CREATE INDEX "UploadDraft_createdAt_idx" ON "UploadDraft"("createdAt");
