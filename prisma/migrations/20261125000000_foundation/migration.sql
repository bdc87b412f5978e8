-- CreateTable
CREATE TABLE "Section" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dob" TEXT NOT NULL,
    "post" TEXT NOT NULL,
    "postKey" TEXT,
    "mobile" TEXT NOT NULL,
    "email" TEXT,
    "sectionId" INTEGER NOT NULL,
    "reportingOfficerId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "language" TEXT NOT NULL DEFAULT 'hi',
    "preferredChannel" TEXT,
    "remindersMuted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Employee_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Employee_reportingOfficerId_fkey" FOREIGN KEY ("reportingOfficerId") REFERENCES "Employee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatAccount" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "displayName" TEXT,
    "employeeId" INTEGER,
    "linkedAt" DATETIME,
    "conversationRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChatAccount_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OtpChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "accountId" INTEGER,
    "codeHash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "subjectHash" TEXT,
    "subjectRef" TEXT,
    "destination" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "consumedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "actor" TEXT,
    "type" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "data" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL,
    "employeeId" INTEGER,
    "channel" TEXT,
    "address" TEXT,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "channel" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "replies" TEXT,

    PRIMARY KEY ("channel", "messageId")
);

-- CreateTable
CREATE TABLE "SentMessage" (
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "employeeId" INTEGER,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("channel", "chatId", "messageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Section_code_key" ON "Section"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Section_name_key" ON "Section"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_code_key" ON "Employee"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_mobile_key" ON "Employee"("mobile");

-- CreateIndex
CREATE INDEX "Employee_reportingOfficerId_idx" ON "Employee"("reportingOfficerId");

-- CreateIndex
CREATE INDEX "Employee_sectionId_idx" ON "Employee"("sectionId");

-- CreateIndex
CREATE INDEX "ChatAccount_employeeId_idx" ON "ChatAccount"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatAccount_channel_address_key" ON "ChatAccount"("channel", "address");

-- CreateIndex
CREATE INDEX "OtpChallenge_employeeId_purpose_createdAt_idx" ON "OtpChallenge"("employeeId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "OtpChallenge_accountId_status_idx" ON "OtpChallenge"("accountId", "status");

-- CreateIndex
CREATE INDEX "Outbox_deliveredAt_nextAttemptAt_idx" ON "Outbox"("deliveredAt", "nextAttemptAt");

