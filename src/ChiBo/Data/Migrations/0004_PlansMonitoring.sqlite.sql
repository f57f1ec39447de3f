-- Annual thematic plans, monthly schedules, monitoring groups, visits, group reports (issue 4). Drafted with `schema-script`, reviewed.

CREATE TABLE "MonthlySchedules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonthlySchedules" PRIMARY KEY AUTOINCREMENT,
    "CommitteeId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "SentAt" TEXT NOT NULL,
    "SentBy" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_MonthlySchedules_Units_CommitteeId" FOREIGN KEY ("CommitteeId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ThematicPlans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ThematicPlans" PRIMARY KEY AUTOINCREMENT,
    "CellId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ReviewerUnitId" INTEGER NOT NULL,
    "FirstSubmittedAt" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewComment" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ThematicPlans_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ThematicPlans_Units_ReviewerUnitId" FOREIGN KEY ("ReviewerUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MonitoringGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringGroups" PRIMARY KEY AUTOINCREMENT,
    "OwnerUnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "LeaderUserId" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_MonitoringGroups_AspNetUsers_LeaderUserId" FOREIGN KEY ("LeaderUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MonitoringGroups_Units_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ScheduleEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScheduleEntries" PRIMARY KEY AUTOINCREMENT,
    "ScheduleId" INTEGER NOT NULL,
    "CellId" INTEGER NOT NULL,
    "MeetingId" INTEGER NULL,
    "Date" TEXT NULL,
    "StartTime" TEXT NULL,
    "Place" TEXT NULL,
    "Title" TEXT NULL,
    CONSTRAINT "FK_ScheduleEntries_MonthlySchedules_ScheduleId" FOREIGN KEY ("ScheduleId") REFERENCES "MonthlySchedules" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ScheduleEntries_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanEvents" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_PlanEvents_ThematicPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ThematicPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ThematicPlanItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ThematicPlanItems" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Month" INTEGER NULL,
    "TopicId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "PreparerId" INTEGER NULL,
    CONSTRAINT "FK_ThematicPlanItems_Members_PreparerId" FOREIGN KEY ("PreparerId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ThematicPlanItems_ThematicPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ThematicPlans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ThematicPlanItems_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GroupReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupReports" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_GroupReports_MonitoringGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "MonitoringGroups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MonitoringCoverages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringCoverages" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    CONSTRAINT "FK_MonitoringCoverages_MonitoringGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "MonitoringGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MonitoringCoverages_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MonitoringGroupMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringGroupMembers" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    CONSTRAINT "FK_MonitoringGroupMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MonitoringGroupMembers_MonitoringGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "MonitoringGroups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "VisitAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_VisitAssignments" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "MeetingId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "AssignedBy" TEXT NULL,
    CONSTRAINT "FK_VisitAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VisitAssignments_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VisitAssignments_MonitoringGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "MonitoringGroups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Visits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Visits" PRIMARY KEY AUTOINCREMENT,
    "AssignmentId" INTEGER NOT NULL,
    "Attended" INTEGER NOT NULL,
    "AbsenceReason" TEXT NULL,
    "ObservationPreparation" TEXT NULL,
    "ObservationAttendance" TEXT NULL,
    "ObservationConduct" TEXT NULL,
    "ObservationClosing" TEXT NULL,
    "Guidance" TEXT NULL,
    "RatingConfirmed" INTEGER NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Visits_VisitAssignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "VisitAssignments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_GroupReports_GroupId_Year_Period" ON "GroupReports" ("GroupId", "Year", "Period");

CREATE INDEX "IX_MonitoringCoverages_GroupId" ON "MonitoringCoverages" ("GroupId");

CREATE INDEX "IX_MonitoringCoverages_UnitId" ON "MonitoringCoverages" ("UnitId");

CREATE INDEX "IX_MonitoringGroupMembers_GroupId" ON "MonitoringGroupMembers" ("GroupId");

CREATE INDEX "IX_MonitoringGroupMembers_UserId" ON "MonitoringGroupMembers" ("UserId");

CREATE INDEX "IX_MonitoringGroups_LeaderUserId" ON "MonitoringGroups" ("LeaderUserId");

CREATE INDEX "IX_MonitoringGroups_OwnerUnitId" ON "MonitoringGroups" ("OwnerUnitId");

CREATE INDEX "IX_MonthlySchedules_CommitteeId_Year_Month" ON "MonthlySchedules" ("CommitteeId", "Year", "Month");

CREATE INDEX "IX_PlanEvents_PlanId" ON "PlanEvents" ("PlanId");

CREATE INDEX "IX_ScheduleEntries_CellId" ON "ScheduleEntries" ("CellId");

CREATE INDEX "IX_ScheduleEntries_ScheduleId" ON "ScheduleEntries" ("ScheduleId");

CREATE INDEX "IX_ThematicPlanItems_PlanId" ON "ThematicPlanItems" ("PlanId");

CREATE INDEX "IX_ThematicPlanItems_PreparerId" ON "ThematicPlanItems" ("PreparerId");

CREATE INDEX "IX_ThematicPlanItems_TopicId" ON "ThematicPlanItems" ("TopicId");

CREATE UNIQUE INDEX "IX_ThematicPlans_CellId_Year" ON "ThematicPlans" ("CellId", "Year");

CREATE INDEX "IX_ThematicPlans_ReviewerUnitId_Year" ON "ThematicPlans" ("ReviewerUnitId", "Year");

CREATE INDEX "IX_VisitAssignments_GroupId_UserId" ON "VisitAssignments" ("GroupId", "UserId");

CREATE UNIQUE INDEX "IX_VisitAssignments_MeetingId_UserId" ON "VisitAssignments" ("MeetingId", "UserId");

CREATE INDEX "IX_VisitAssignments_UserId" ON "VisitAssignments" ("UserId");

CREATE UNIQUE INDEX "IX_Visits_AssignmentId" ON "Visits" ("AssignmentId");
