-- Inspection and supervision of meeting practice (issue 8): plans, inspections, remedies. Drafted with `schema-script`, reviewed.

CREATE TABLE "InspectionPlans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InspectionPlans" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ApprovedAt" TEXT NULL,
    "ApprovedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_InspectionPlans_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Inspections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Inspections" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "CellId" INTEGER NOT NULL,
    "PlannedMonth" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "PeriodFrom" TEXT NOT NULL,
    "PeriodTo" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "StartedBy" TEXT NULL,
    "Figures" TEXT NULL,
    "Strengths" TEXT NULL,
    "Shortcomings" TEXT NULL,
    "Requests" TEXT NULL,
    "ConcludedOn" TEXT NULL,
    "ConcludedAt" TEXT NULL,
    "ConcludedBy" TEXT NULL,
    "ConclusionDocumentId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Inspections_InspectionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "InspectionPlans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Inspections_PartyDocuments_ConclusionDocumentId" FOREIGN KEY ("ConclusionDocumentId") REFERENCES "PartyDocuments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Inspections_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Inspections_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Remedies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Remedies" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "Shortcoming" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "OwnerMemberId" INTEGER NULL,
    "OwnerName" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "DoneNote" TEXT NULL,
    "DoneBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Remedies_Inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "Inspections" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Remedies_Members_OwnerMemberId" FOREIGN KEY ("OwnerMemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_InspectionPlans_UnitId_Year_Body" ON "InspectionPlans" ("UnitId", "Year", "Body");

CREATE INDEX "IX_Inspections_CellId" ON "Inspections" ("CellId");

CREATE INDEX "IX_Inspections_ConclusionDocumentId" ON "Inspections" ("ConclusionDocumentId");

CREATE INDEX "IX_Inspections_PlanId" ON "Inspections" ("PlanId");

CREATE INDEX "IX_Inspections_UnitId_Status" ON "Inspections" ("UnitId", "Status");

CREATE INDEX "IX_Remedies_InspectionId" ON "Remedies" ("InspectionId");

CREATE INDEX "IX_Remedies_OwnerMemberId" ON "Remedies" ("OwnerMemberId");

CREATE INDEX "IX_Remedies_Status_DueOn" ON "Remedies" ("Status", "DueOn");
