-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "sent" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "JobDelivery" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("job", "day", "employeeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_day_key" ON "JobRun"("job", "day");

