-- Good practices (cách làm hay, mô hình hiệu quả), their evidence, figures and adoptions (issue 8). Drafted with `schema-script`, reviewed.

CREATE TABLE "GoodPractices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GoodPractices" PRIMARY KEY AUTOINCREMENT,
    "CommitteeId" INTEGER NOT NULL,
    "SourceCellId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Description" TEXT NULL,
    "TopicId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "PublishedBy" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnBy" TEXT NULL,
    "WithdrawReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_GoodPractices_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GoodPractices_Units_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GoodPractices_Units_SourceCellId" FOREIGN KEY ("SourceCellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PracticeAdoptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PracticeAdoptions" PRIMARY KEY AUTOINCREMENT,
    "PracticeId" INTEGER NOT NULL,
    "CellId" INTEGER NOT NULL,
    "AdoptedOn" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PracticeAdoptions_GoodPractices_PracticeId" FOREIGN KEY ("PracticeId") REFERENCES "GoodPractices" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PracticeAdoptions_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PracticeFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PracticeFigures" PRIMARY KEY AUTOINCREMENT,
    "PracticeId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "FK_PracticeFigures_GoodPractices_PracticeId" FOREIGN KEY ("PracticeId") REFERENCES "GoodPractices" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PracticeEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PracticeEvidence" PRIMARY KEY AUTOINCREMENT,
    "PracticeId" INTEGER NOT NULL,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NULL,
    "RemarkId" INTEGER NULL,
    "Source" TEXT NOT NULL,
    "Excerpt" TEXT NOT NULL,
    "LinkedAt" TEXT NOT NULL,
    "LinkedBy" TEXT NOT NULL,
    CONSTRAINT "FK_PracticeEvidence_GoodPractices_PracticeId" FOREIGN KEY ("PracticeId") REFERENCES "GoodPractices" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PracticeEvidence_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_GoodPractices_CommitteeId" ON "GoodPractices" ("CommitteeId");

CREATE INDEX "IX_GoodPractices_SourceCellId" ON "GoodPractices" ("SourceCellId");

CREATE INDEX "IX_GoodPractices_TopicId" ON "GoodPractices" ("TopicId");

CREATE INDEX "IX_PracticeAdoptions_CellId" ON "PracticeAdoptions" ("CellId");

CREATE UNIQUE INDEX "IX_PracticeAdoptions_PracticeId_CellId" ON "PracticeAdoptions" ("PracticeId", "CellId");

CREATE INDEX "IX_PracticeEvidence_MeetingId" ON "PracticeEvidence" ("MeetingId");

CREATE INDEX "IX_PracticeEvidence_PracticeId" ON "PracticeEvidence" ("PracticeId");

CREATE INDEX "IX_PracticeFigures_PracticeId" ON "PracticeFigures" ("PracticeId");
