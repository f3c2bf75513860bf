-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "saveKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Revision_saveKey_key" ON "Revision"("saveKey");
