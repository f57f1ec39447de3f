ALTER TABLE "PartyDocuments" ADD "Office" TEXT NULL;

ALTER TABLE "DocumentCounters" ADD "Office" TEXT NOT NULL DEFAULT '';

DROP INDEX "IX_DocumentCounters_IssuerUnitId_TypeCode_TermKey";

CREATE UNIQUE INDEX "IX_DocumentCounters_IssuerUnitId_Office_TypeCode_TermKey" ON "DocumentCounters" ("IssuerUnitId", "Office", "TypeCode", "TermKey");
