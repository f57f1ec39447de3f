CREATE TABLE "MinutesSealKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MinutesSealKeys" PRIMARY KEY AUTOINCREMENT,
    "ProtectedKey" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "MinutesBookHeads" (
    "CellId" INTEGER NOT NULL,
    "Book" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "LastSeal" TEXT NULL,
    "KeyId" INTEGER NOT NULL,
    "Seal" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_MinutesBookHeads" PRIMARY KEY ("CellId", "Book"),
    CONSTRAINT "FK_MinutesBookHeads_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

ALTER TABLE "Meetings" ADD "BookSeq" INTEGER NULL;
ALTER TABLE "Meetings" ADD "PrevSeal" TEXT NULL;
ALTER TABLE "Meetings" ADD "Seal" TEXT NULL;
ALTER TABLE "Meetings" ADD "RecordSeal" TEXT NULL;
ALTER TABLE "Meetings" ADD "SealKeyId" INTEGER NULL;

ALTER TABLE "MinutesAddenda" ADD "Seal" TEXT NULL;
