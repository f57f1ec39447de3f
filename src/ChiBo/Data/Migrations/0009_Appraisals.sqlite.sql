-- Annual rating (đánh giá, xếp loại) of organizations and members, and “Chi bộ 4 tốt” (issue 8). Drafted with `schema-script`, reviewed.

CREATE TABLE "AppraisalSchemes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppraisalSchemes" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "ExcellentMin" INTEGER NOT NULL,
    "GoodMin" INTEGER NOT NULL,
    "PassMin" INTEGER NOT NULL,
    "ExcellentQuotaPercent" INTEGER NULL,
    "GoodYearMinGoodMeetings" INTEGER NOT NULL,
    "FairYearMinPercent" INTEGER NOT NULL,
    "AverageYearMinHeldPercent" INTEGER NOT NULL,
    "MeetingYearPercents" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_AppraisalSchemes_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FourGoodRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FourGoodRecords" PRIMARY KEY AUTOINCREMENT,
    "CellId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "PoliticalTask" INTEGER NOT NULL,
    "PoliticalTaskEvidence" TEXT NULL,
    "Unity" INTEGER NOT NULL,
    "UnityEvidence" TEXT NULL,
    "MeetingQuality" INTEGER NOT NULL,
    "MeetingQualityEvidence" TEXT NULL,
    "Members" INTEGER NOT NULL,
    "MembersEvidence" TEXT NULL,
    "Recognized" INTEGER NOT NULL,
    "RecognizedBy" TEXT NULL,
    "RecognizedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FourGoodRecords_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AppraisalConditions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppraisalConditions" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_AppraisalConditions_AppraisalSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AppraisalSchemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppraisalCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppraisalCriteria" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "Group" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "MaxPoints" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_AppraisalCriteria_AppraisalSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AppraisalSchemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Appraisals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Appraisals" PRIMARY KEY AUTOINCREMENT,
    "SchemeId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "FromYear" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "MemberId" INTEGER NULL,
    "SubjectKey" TEXT NOT NULL,
    "DeciderUnitId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "SelfTotal" TEXT NULL,
    "SelfLevel" TEXT NULL,
    "SelfNote" TEXT NULL,
    "ProposedTotal" TEXT NULL,
    "ProposedLevel" TEXT NULL,
    "ProposalNote" TEXT NULL,
    "DecidedLevel" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Appraisals_AppraisalSchemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AppraisalSchemes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appraisals_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appraisals_Units_DeciderUnitId" FOREIGN KEY ("DeciderUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appraisals_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AppraisalEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppraisalEvents" PRIMARY KEY AUTOINCREMENT,
    "AppraisalId" INTEGER NOT NULL,
    "Step" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Level" TEXT NULL,
    "Total" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AppraisalEvents_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppraisalScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppraisalScores" PRIMARY KEY AUTOINCREMENT,
    "AppraisalId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "ComputedPoints" TEXT NULL,
    "Evidence" TEXT NULL,
    "SelfPoints" TEXT NULL,
    "ProposedPoints" TEXT NULL,
    CONSTRAINT "FK_AppraisalScores_AppraisalCriteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "AppraisalCriteria" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AppraisalScores_Appraisals_AppraisalId" FOREIGN KEY ("AppraisalId") REFERENCES "Appraisals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppraisalConditions_SchemeId" ON "AppraisalConditions" ("SchemeId");

CREATE INDEX "IX_AppraisalCriteria_SchemeId" ON "AppraisalCriteria" ("SchemeId");

CREATE INDEX "IX_AppraisalEvents_AppraisalId" ON "AppraisalEvents" ("AppraisalId");

CREATE INDEX "IX_Appraisals_DeciderUnitId_Year" ON "Appraisals" ("DeciderUnitId", "Year");

CREATE INDEX "IX_Appraisals_MemberId" ON "Appraisals" ("MemberId");

CREATE INDEX "IX_Appraisals_SchemeId" ON "Appraisals" ("SchemeId");

CREATE INDEX "IX_Appraisals_UnitId_Year" ON "Appraisals" ("UnitId", "Year");

CREATE UNIQUE INDEX "IX_Appraisals_Year_SubjectKey" ON "Appraisals" ("Year", "SubjectKey");

CREATE INDEX "IX_AppraisalSchemes_Subject_UnitId_EffectiveFrom" ON "AppraisalSchemes" ("Subject", "UnitId", "EffectiveFrom");

CREATE INDEX "IX_AppraisalSchemes_UnitId" ON "AppraisalSchemes" ("UnitId");

CREATE INDEX "IX_AppraisalScores_AppraisalId" ON "AppraisalScores" ("AppraisalId");

CREATE INDEX "IX_AppraisalScores_CriterionId" ON "AppraisalScores" ("CriterionId");

CREATE UNIQUE INDEX "IX_FourGoodRecords_CellId_Year" ON "FourGoodRecords" ("CellId", "Year");

CREATE INDEX "IX_FourGoodRecords_Year" ON "FourGoodRecords" ("Year");
