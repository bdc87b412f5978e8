-- CreateTable
CREATE TABLE "DraftNote" (
    "id" SERIAL NOT NULL,
    "fileId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "noteNumber" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DraftNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DraftNote_fileId_status_idx" ON "DraftNote"("fileId", "status");
