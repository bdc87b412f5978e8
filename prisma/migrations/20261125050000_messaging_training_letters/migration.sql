-- AlterTable
ALTER TABLE "EFile" ADD COLUMN "paperNumber" TEXT;

-- CreateTable
CREATE TABLE "Circular" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "senderId" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "pdfBlob" TEXT,
    "ackBy" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "remindedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CircularRecipient" (
    "circularId" INTEGER NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "deliveredAt" DATETIME,
    "ackAt" DATETIME,
    "remindedAt" DATETIME,

    PRIMARY KEY ("circularId", "employeeId")
);

-- CreateTable
CREATE TABLE "ScanText" (
    "blob" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "text" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TrainingProgress" (
    "employeeId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "steps" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutgoingLetter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT,
    "fileId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "addressee" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "dispatchedAt" DATETIME,
    "signerId" INTEGER,
    "blob" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "Circular_number_key" ON "Circular"("number");

-- CreateIndex
CREATE INDEX "Circular_senderId_createdAt_idx" ON "Circular"("senderId", "createdAt");

-- CreateIndex
CREATE INDEX "Circular_ackBy_remindedAt_idx" ON "Circular"("ackBy", "remindedAt");

-- CreateIndex
CREATE INDEX "CircularRecipient_employeeId_ackAt_idx" ON "CircularRecipient"("employeeId", "ackAt");

-- CreateIndex
CREATE INDEX "ScanText_status_updatedAt_idx" ON "ScanText"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingLetter_number_key" ON "OutgoingLetter"("number");

-- CreateIndex
CREATE INDEX "OutgoingLetter_fileId_idx" ON "OutgoingLetter"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "EFile_paperNumber_key" ON "EFile"("paperNumber");

