-- Review campaigns: levels with deadlines, report outlines, units' reports, sections, comments (issue 5). Drafted with `schema-script`, reviewed.

CREATE TABLE "ReportOutlines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportOutlines" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "BuiltIn" INTEGER NOT NULL
);

CREATE TABLE "OutlineSections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutlineSections" PRIMARY KEY AUTOINCREMENT,
    "OutlineId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Guidance" TEXT NULL,
    "Statistic" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_OutlineSections_ReportOutlines_OutlineId" FOREIGN KEY ("OutlineId") REFERENCES "ReportOutlines" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Campaigns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Campaigns" PRIMARY KEY AUTOINCREMENT,
    "OwnerUnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Implements" TEXT NULL,
    "PeriodFrom" TEXT NOT NULL,
    "PeriodTo" TEXT NOT NULL,
    "PivotDate" TEXT NULL,
    "OutlineId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_Campaigns_ReportOutlines_OutlineId" FOREIGN KEY ("OutlineId") REFERENCES "ReportOutlines" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Campaigns_Units_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CampaignLevels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CampaignLevels" PRIMARY KEY AUTOINCREMENT,
    "CampaignId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "UnitTypeCodes" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "HoldsConference" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_CampaignLevels_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CampaignReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CampaignReports" PRIMARY KEY AUTOINCREMENT,
    "CampaignId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "LevelId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "FirstSubmittedAt" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewComment" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ConferenceDate" TEXT NULL,
    "ConferenceAttendees" TEXT NULL,
    "ConferenceDiscussion" TEXT NULL,
    "ConferenceConclusion" TEXT NULL,
    "ConclusionText" TEXT NULL,
    CONSTRAINT "FK_CampaignReports_CampaignLevels_LevelId" FOREIGN KEY ("LevelId") REFERENCES "CampaignLevels" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CampaignReports_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CampaignReports_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CampaignReportComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CampaignReportComments" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "SectionId" INTEGER NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    CONSTRAINT "FK_CampaignReportComments_CampaignReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "CampaignReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CampaignReportSections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CampaignReportSections" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "SectionId" INTEGER NOT NULL,
    "Text" TEXT NULL,
    "Figures" TEXT NULL,
    CONSTRAINT "FK_CampaignReportSections_CampaignReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "CampaignReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CampaignReportSections_OutlineSections_SectionId" FOREIGN KEY ("SectionId") REFERENCES "OutlineSections" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CampaignLevels_CampaignId" ON "CampaignLevels" ("CampaignId");

CREATE INDEX "IX_CampaignReportComments_ReportId" ON "CampaignReportComments" ("ReportId");

CREATE UNIQUE INDEX "IX_CampaignReports_CampaignId_UnitId" ON "CampaignReports" ("CampaignId", "UnitId");

CREATE INDEX "IX_CampaignReports_LevelId" ON "CampaignReports" ("LevelId");

CREATE INDEX "IX_CampaignReports_UnitId" ON "CampaignReports" ("UnitId");

CREATE UNIQUE INDEX "IX_CampaignReportSections_ReportId_SectionId" ON "CampaignReportSections" ("ReportId", "SectionId");

CREATE INDEX "IX_CampaignReportSections_SectionId" ON "CampaignReportSections" ("SectionId");

CREATE INDEX "IX_Campaigns_OutlineId" ON "Campaigns" ("OutlineId");

CREATE INDEX "IX_Campaigns_OwnerUnitId" ON "Campaigns" ("OwnerUnitId");

CREATE INDEX "IX_OutlineSections_OutlineId" ON "OutlineSections" ("OutlineId");
