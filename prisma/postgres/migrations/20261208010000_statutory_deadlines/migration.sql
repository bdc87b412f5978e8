-- Statutory deadlines (issue 20 item 4): one per receipt, confirmed, corrected or dismissed by the clerk,
-- carried by the file the receipt goes into; the escalation job's raised events are stored here.
-- CreateTable
CREATE TABLE "StatutoryDeadline" (
    "id" SERIAL NOT NULL,
    "receiptId" INTEGER NOT NULL,
    "fileId" INTEGER,
    "kind" TEXT NOT NULL,
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "statedDate" TEXT,
    "dueDate" TEXT NOT NULL,
    "dueBy" TIMESTAMPTZ(3) NOT NULL,
    "warnAt" TIMESTAMPTZ(3) NOT NULL,
    "evidence" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "corrected" BOOLEAN NOT NULL DEFAULT false,
    "warningRaisedAt" TIMESTAMPTZ(3),
    "dueRaisedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatutoryDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StatutoryDeadline_receiptId_key" ON "StatutoryDeadline"("receiptId");

-- CreateIndex
CREATE INDEX "StatutoryDeadline_fileId_idx" ON "StatutoryDeadline"("fileId");

-- CreateIndex
CREATE INDEX "StatutoryDeadline_state_dueBy_idx" ON "StatutoryDeadline"("state", "dueBy");
