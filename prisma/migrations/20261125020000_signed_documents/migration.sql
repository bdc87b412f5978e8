-- CreateTable
CREATE TABLE "SignedDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "blob" TEXT NOT NULL,
    "signerId" INTEGER NOT NULL,
    "documentHash" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SignedDocument_subjectType_subjectId_idx" ON "SignedDocument"("subjectType", "subjectId");

