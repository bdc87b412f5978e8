-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Section" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatAccount" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "displayName" TEXT,
    "employeeId" INTEGER,
    "linkedAt" TIMESTAMPTZ(3),
    "conversationRef" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtpChallenge" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "accountId" INTEGER,
    "codeHash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "subjectHash" TEXT,
    "subjectRef" TEXT,
    "destination" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OtpChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "actor" TEXT,
    "type" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "data" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "employeeId" INTEGER,
    "channel" TEXT,
    "address" TEXT,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "channel" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "replies" TEXT,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("channel","messageId")
);

-- CreateTable
CREATE TABLE "SentMessage" (
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "employeeId" INTEGER,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SentMessage_pkey" PRIMARY KEY ("channel","chatId","messageId")
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "movedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceiptOriginal" (
    "receiptId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "blob" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mime" TEXT NOT NULL,

    CONSTRAINT "ReceiptOriginal_pkey" PRIMARY KEY ("receiptId","position")
);

-- CreateTable
CREATE TABLE "EFile" (
    "id" SERIAL NOT NULL,
    "fileNumber" TEXT NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "movedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedRemark" TEXT,
    "paperNumber" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" SERIAL NOT NULL,
    "fileId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "decision" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Movement" (
    "id" SERIAL NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "remark" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "accountId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "UploadDraft" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "blob" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "caption" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UploadDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignedDocument" (
    "id" SERIAL NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "blob" TEXT NOT NULL,
    "signerId" INTEGER NOT NULL,
    "documentHash" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SignedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveApplication" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "halfDay" TEXT,
    "days" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "chargeToId" INTEGER,
    "sanctionerId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "remark" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "movedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LeaveApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveLedger" (
    "id" SERIAL NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "days" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" INTEGER,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LeaveLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TourProgramme" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "destinations" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "travelMode" TEXT,
    "chargeToId" INTEGER,
    "sanctionerId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "remark" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "movedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TourProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TourDiaryEntry" (
    "id" SERIAL NOT NULL,
    "tourId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TourDiaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaClaim" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "tourId" INTEGER NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "journeys" TEXT NOT NULL,
    "daDays" DOUBLE PRECISION NOT NULL,
    "daRate" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "sanctionerId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "remark" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "movedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TaClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "sent" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobDelivery" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobDelivery_pkey" PRIMARY KEY ("job","day","employeeId")
);

-- CreateTable
CREATE TABLE "Circular" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "senderId" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "pdfBlob" TEXT,
    "ackBy" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "remindedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Circular_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircularRecipient" (
    "circularId" INTEGER NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "ackAt" TIMESTAMPTZ(3),
    "remindedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CircularRecipient_pkey" PRIMARY KEY ("circularId","employeeId")
);

-- CreateTable
CREATE TABLE "ScanText" (
    "blob" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScanText_pkey" PRIMARY KEY ("blob")
);

-- CreateTable
CREATE TABLE "TrainingProgress" (
    "employeeId" INTEGER NOT NULL,
    "steps" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingProgress_pkey" PRIMARY KEY ("employeeId")
);

-- CreateTable
CREATE TABLE "OutgoingLetter" (
    "id" SERIAL NOT NULL,
    "number" TEXT,
    "fileId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "addressee" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "dispatchedAt" TIMESTAMPTZ(3),
    "signerId" INTEGER,
    "blob" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutgoingLetter_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "EFile_paperNumber_key" ON "EFile"("paperNumber");

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

-- CreateIndex
CREATE INDEX "SignedDocument_subjectType_subjectId_idx" ON "SignedDocument"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveApplication_number_key" ON "LeaveApplication"("number");

-- CreateIndex
CREATE INDEX "LeaveApplication_employeeId_status_idx" ON "LeaveApplication"("employeeId", "status");

-- CreateIndex
CREATE INDEX "LeaveApplication_holderId_status_idx" ON "LeaveApplication"("holderId", "status");

-- CreateIndex
CREATE INDEX "LeaveApplication_startDate_endDate_idx" ON "LeaveApplication"("startDate", "endDate");

-- CreateIndex
CREATE INDEX "LeaveLedger_employeeId_year_type_idx" ON "LeaveLedger"("employeeId", "year", "type");

-- CreateIndex
CREATE UNIQUE INDEX "TourProgramme_number_key" ON "TourProgramme"("number");

-- CreateIndex
CREATE INDEX "TourProgramme_employeeId_status_idx" ON "TourProgramme"("employeeId", "status");

-- CreateIndex
CREATE INDEX "TourProgramme_holderId_status_idx" ON "TourProgramme"("holderId", "status");

-- CreateIndex
CREATE INDEX "TourProgramme_startDate_endDate_idx" ON "TourProgramme"("startDate", "endDate");

-- CreateIndex
CREATE INDEX "TourDiaryEntry_tourId_idx" ON "TourDiaryEntry"("tourId");

-- CreateIndex
CREATE UNIQUE INDEX "TaClaim_number_key" ON "TaClaim"("number");

-- CreateIndex
CREATE UNIQUE INDEX "TaClaim_tourId_key" ON "TaClaim"("tourId");

-- CreateIndex
CREATE INDEX "TaClaim_holderId_status_idx" ON "TaClaim"("holderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_day_key" ON "JobRun"("job", "day");

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

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_reportingOfficerId_fkey" FOREIGN KEY ("reportingOfficerId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatAccount" ADD CONSTRAINT "ChatAccount_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
