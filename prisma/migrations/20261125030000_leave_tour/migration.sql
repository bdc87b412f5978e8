-- CreateTable
CREATE TABLE "LeaveApplication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "halfDay" TEXT,
    "days" REAL NOT NULL,
    "reason" TEXT NOT NULL,
    "chargeToId" INTEGER,
    "sanctionerId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "remark" TEXT,
    "createdAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "movedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "LeaveLedger" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "employeeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "days" REAL NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" INTEGER,
    "note" TEXT,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TourProgramme" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "movedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "TourDiaryEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tourId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TaClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "tourId" INTEGER NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "journeys" TEXT NOT NULL,
    "daDays" REAL NOT NULL,
    "daRate" REAL NOT NULL,
    "total" REAL NOT NULL,
    "sanctionerId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "remark" TEXT,
    "createdAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "movedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

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

