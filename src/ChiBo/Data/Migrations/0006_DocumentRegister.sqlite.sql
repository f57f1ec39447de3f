-- Party documents: types, issuer terms, the register and its number counters (issue 6). Drafted with `schema-script`, reviewed.

CREATE TABLE "DocumentCounters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentCounters" PRIMARY KEY AUTOINCREMENT,
    "IssuerUnitId" INTEGER NOT NULL,
    "TypeCode" TEXT NOT NULL,
    "TermKey" INTEGER NOT NULL,
    "LastNumber" INTEGER NOT NULL
);

CREATE TABLE "DocumentTypes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentTypes" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Order" INTEGER NOT NULL
);

CREATE TABLE "IssuerTerms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IssuerTerms" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    CONSTRAINT "FK_IssuerTerms_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PartyDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartyDocuments" PRIMARY KEY AUTOINCREMENT,
    "IssuerUnitId" INTEGER NOT NULL,
    "TypeCode" TEXT NOT NULL,
    "TermId" INTEGER NULL,
    "Number" INTEGER NULL,
    "Symbol" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Body" TEXT NULL,
    "Status" TEXT NOT NULL,
    "External" INTEGER NOT NULL,
    "ExternalIssuer" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PartyDocuments_IssuerTerms_TermId" FOREIGN KEY ("TermId") REFERENCES "IssuerTerms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PartyDocuments_Units_IssuerUnitId" FOREIGN KEY ("IssuerUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DocumentCounters_IssuerUnitId_TypeCode_TermKey" ON "DocumentCounters" ("IssuerUnitId", "TypeCode", "TermKey");

CREATE UNIQUE INDEX "IX_DocumentTypes_Code" ON "DocumentTypes" ("Code");

CREATE INDEX "IX_IssuerTerms_UnitId_From" ON "IssuerTerms" ("UnitId", "From");

CREATE INDEX "IX_PartyDocuments_IssuerUnitId_TypeCode_TermId_Number" ON "PartyDocuments" ("IssuerUnitId", "TypeCode", "TermId", "Number");

CREATE INDEX "IX_PartyDocuments_Symbol" ON "PartyDocuments" ("Symbol");

CREATE INDEX "IX_PartyDocuments_TermId" ON "PartyDocuments" ("TermId");
