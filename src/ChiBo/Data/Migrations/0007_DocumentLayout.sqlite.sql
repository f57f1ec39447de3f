-- Chain of documents, issuers' signing keys and signed PDFs (issue 6). Drafted with `schema-script`, reviewed.

CREATE TABLE "SigningKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SigningKeys" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Thumbprint" TEXT NOT NULL,
    "Certificate" BLOB NOT NULL,
    "ProtectedPrivateKey" BLOB NOT NULL,
    "NotBefore" TEXT NOT NULL,
    "NotAfter" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_SigningKeys_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DocumentLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentLinks" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentLinks_PartyDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "PartyDocuments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentLinks_PartyDocuments_TargetId" FOREIGN KEY ("TargetId") REFERENCES "PartyDocuments" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DocumentSignatures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentSignatures" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "KeyId" INTEGER NOT NULL,
    "SignedAt" TEXT NOT NULL,
    "SignedBy" TEXT NULL,
    "Sha256" TEXT NOT NULL,
    "Pdf" BLOB NOT NULL,
    "Cms" BLOB NOT NULL,
    CONSTRAINT "FK_DocumentSignatures_PartyDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "PartyDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DocumentSignatures_SigningKeys_KeyId" FOREIGN KEY ("KeyId") REFERENCES "SigningKeys" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DocumentLinks_DocumentId_TargetId" ON "DocumentLinks" ("DocumentId", "TargetId");

CREATE INDEX "IX_DocumentLinks_TargetId" ON "DocumentLinks" ("TargetId");

CREATE INDEX "IX_DocumentSignatures_DocumentId" ON "DocumentSignatures" ("DocumentId");

CREATE INDEX "IX_DocumentSignatures_KeyId" ON "DocumentSignatures" ("KeyId");

CREATE INDEX "IX_DocumentSignatures_Sha256" ON "DocumentSignatures" ("Sha256");

CREATE UNIQUE INDEX "IX_SigningKeys_Thumbprint" ON "SigningKeys" ("Thumbprint");

CREATE INDEX "IX_SigningKeys_UnitId" ON "SigningKeys" ("UnitId");
