-- Statutory deadlines (issue 20 item 4): one per receipt, confirmed, corrected or dismissed by the clerk,
-- carried by the file the receipt goes into; the escalation job's raised events are stored here.
-- CreateTable
CREATE TABLE "StatutoryDeadline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receiptId" INTEGER NOT NULL,
    "fileId" INTEGER,
    "kind" TEXT NOT NULL,
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" DATETIME NOT NULL,
    "statedDate" TEXT,
    "dueDate" TEXT NOT NULL,
    "dueBy" DATETIME NOT NULL,
    "warnAt" DATETIME NOT NULL,
    "evidence" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    "corrected" BOOLEAN NOT NULL DEFAULT false,
    "warningRaisedAt" DATETIME,
    "dueRaisedAt" DATETIME,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "StatutoryDeadline_receiptId_key" ON "StatutoryDeadline"("receiptId");

-- CreateIndex
CREATE INDEX "StatutoryDeadline_fileId_idx" ON "StatutoryDeadline"("fileId");

-- CreateIndex
CREATE INDEX "StatutoryDeadline_state_dueBy_idx" ON "StatutoryDeadline"("state", "dueBy");
