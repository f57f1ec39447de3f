ALTER TABLE "PartyDocuments" ADD "Office" character varying(10);

ALTER TABLE "DocumentCounters" ADD "Office" character varying(10) NOT NULL DEFAULT '';

DROP INDEX "IX_DocumentCounters_IssuerUnitId_TypeCode_TermKey";

CREATE UNIQUE INDEX "IX_DocumentCounters_IssuerUnitId_Office_TypeCode_TermKey" ON "DocumentCounters" ("IssuerUnitId", "Office", "TypeCode", "TermKey");
