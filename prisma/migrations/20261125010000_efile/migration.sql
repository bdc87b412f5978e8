-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "diaryNumber" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "fromWhom" TEXT,
    "receivedOn" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "fileId" INTEGER,
    "pdfBlob" TEXT NOT NULL,
    "pages" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "movedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ReceiptOriginal" (
    "receiptId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "blob" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mime" TEXT NOT NULL,

    PRIMARY KEY ("receiptId", "position")
);

-- CreateTable
CREATE TABLE "EFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileNumber" TEXT NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "movedAt" DATETIME NOT NULL,
    "closedRemark" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Note" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "decision" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Movement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subjectType" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "remark" TEXT,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Conversation" (
    "accountId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UploadDraft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" INTEGER NOT NULL,
    "blob" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "caption" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_diaryNumber_key" ON "Receipt"("diaryNumber");

-- CreateIndex
CREATE INDEX "Receipt_holderId_status_idx" ON "Receipt"("holderId", "status");

-- CreateIndex
CREATE INDEX "Receipt_fileId_idx" ON "Receipt"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_year_serial_key" ON "Receipt"("year", "serial");

-- CreateIndex
CREATE UNIQUE INDEX "EFile_fileNumber_key" ON "EFile"("fileNumber");

-- CreateIndex
CREATE INDEX "EFile_holderId_status_idx" ON "EFile"("holderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EFile_sectionId_year_serial_key" ON "EFile"("sectionId", "year", "serial");

-- CreateIndex
CREATE UNIQUE INDEX "Note_fileId_number_key" ON "Note"("fileId", "number");

-- CreateIndex
CREATE INDEX "Movement_subjectType_subjectId_idx" ON "Movement"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "Movement_fromId_at_idx" ON "Movement"("fromId", "at");

-- CreateIndex
CREATE INDEX "UploadDraft_accountId_idx" ON "UploadDraft"("accountId");

