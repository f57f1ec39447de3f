-- Meetings, minutes, ratings, rule sets, topics, notifications (issue 3). Drafted with `schema-script`, reviewed.

CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NULL,
    "Link" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL
);

CREATE TABLE "RuleSets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RuleSets" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "MeetingDay" INTEGER NULL,
    "ThematicPerQuarter" INTEGER NOT NULL,
    "MinMinutes" INTEGER NOT NULL,
    "MinMinutesCombined" INTEGER NOT NULL,
    "NoticeDays" INTEGER NOT NULL,
    "AttendancePercent" INTEGER NOT NULL,
    "MaxExcusedInRow" INTEGER NOT NULL,
    "ParticipationPercent" INTEGER NOT NULL,
    "GoodMin" INTEGER NOT NULL,
    "FairMin" INTEGER NOT NULL,
    "AverageMin" INTEGER NOT NULL,
    "PeriodicAgenda" TEXT NOT NULL,
    "ThematicAgenda" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_RuleSets_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Topics" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Topics" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "OwnerUnitId" INTEGER NULL,
    "Active" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_Topics_Topics_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Topics_Units_OwnerUnitId" FOREIGN KEY ("OwnerUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RubricCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RubricCriteria" PRIMARY KEY AUTOINCREMENT,
    "RuleSetId" INTEGER NOT NULL,
    "Part" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "MaxPoints" INTEGER NOT NULL,
    "Measure" TEXT NOT NULL,
    "Gating" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    CONSTRAINT "FK_RubricCriteria_RuleSets_RuleSetId" FOREIGN KEY ("RuleSetId") REFERENCES "RuleSets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
    "CellId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "StartTime" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "TopicId" INTEGER NULL,
    "ContentPreparerId" INTEGER NULL,
    "ResolutionDrafterId" INTEGER NULL,
    "PaperDrafterId" INTEGER NULL,
    "NoticeSentAt" TEXT NULL,
    "NoticeSentBy" TEXT NULL,
    "StartedAt" TEXT NULL,
    "EndedAt" TEXT NULL,
    "ChairId" INTEGER NULL,
    "MinutesSecretaryId" INTEGER NULL,
    "Guests" TEXT NULL,
    "Resolution" TEXT NULL,
    "ReadBack" INTEGER NOT NULL,
    "AdoptedAt" TEXT NULL,
    "ContentHash" TEXT NULL,
    "ChairSignedAt" TEXT NULL,
    "ChairSignedBy" TEXT NULL,
    "SecretarySignedAt" TEXT NULL,
    "SecretarySignedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Meetings_Members_ChairId" FOREIGN KEY ("ChairId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Members_ContentPreparerId" FOREIGN KEY ("ContentPreparerId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Members_MinutesSecretaryId" FOREIGN KEY ("MinutesSecretaryId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Members_PaperDrafterId" FOREIGN KEY ("PaperDrafterId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Members_ResolutionDrafterId" FOREIGN KEY ("ResolutionDrafterId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Meetings_Units_CellId" FOREIGN KEY ("CellId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgendaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Section" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "TopicId" INTEGER NULL,
    "Conclusion" TEXT NULL,
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgendaItems_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Attendances" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attendances" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "ReasonText" TEXT NULL,
    "AnnouncedAt" TEXT NULL,
    "Note" TEXT NULL,
    "Official" INTEGER NOT NULL,
    CONSTRAINT "FK_Attendances_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attendances_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MeetingDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingDocuments" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_MeetingDocuments_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingRatings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingRatings" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "RuleSetId" INTEGER NOT NULL,
    "Total" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Capped" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedBy" TEXT NULL,
    "ProposedAt" TEXT NOT NULL,
    "ProposalNote" TEXT NULL,
    "VotesFor" INTEGER NULL,
    "VotesAgainst" INTEGER NULL,
    "VotedAt" TEXT NULL,
    "ConfirmedBy" TEXT NULL,
    "ConfirmedAt" TEXT NULL,
    "ConfirmationNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_MeetingRatings_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingRatings_RuleSets_RuleSetId" FOREIGN KEY ("RuleSetId") REFERENCES "RuleSets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MinutesAddenda" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MinutesAddenda" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "SignedAt" TEXT NULL,
    "SignedBy" TEXT NULL,
    "ContentHash" TEXT NULL,
    CONSTRAINT "FK_MinutesAddenda_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Votes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Votes" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "Choice" TEXT NOT NULL,
    "Opinion" TEXT NULL,
    CONSTRAINT "FK_Votes_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Votes_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Remarks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Remarks" PRIMARY KEY AUTOINCREMENT,
    "AgendaItemId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "MemberId" INTEGER NULL,
    "SpeakerName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "TopicId" INTEGER NULL,
    CONSTRAINT "FK_Remarks_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Remarks_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Remarks_Topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "Topics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RatingScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RatingScores" PRIMARY KEY AUTOINCREMENT,
    "MeetingRatingId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "Points" TEXT NOT NULL,
    "Automatic" INTEGER NOT NULL,
    "Basis" TEXT NULL,
    CONSTRAINT "FK_RatingScores_MeetingRatings_MeetingRatingId" FOREIGN KEY ("MeetingRatingId") REFERENCES "MeetingRatings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RatingScores_RubricCriteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "RubricCriteria" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AgendaItems_MeetingId" ON "AgendaItems" ("MeetingId");

CREATE INDEX "IX_AgendaItems_TopicId" ON "AgendaItems" ("TopicId");

CREATE UNIQUE INDEX "IX_Attendances_MeetingId_MemberId" ON "Attendances" ("MeetingId", "MemberId");

CREATE INDEX "IX_Attendances_MemberId" ON "Attendances" ("MemberId");

CREATE INDEX "IX_MeetingDocuments_MeetingId" ON "MeetingDocuments" ("MeetingId");

CREATE UNIQUE INDEX "IX_MeetingRatings_MeetingId" ON "MeetingRatings" ("MeetingId");

CREATE INDEX "IX_MeetingRatings_RuleSetId" ON "MeetingRatings" ("RuleSetId");

CREATE INDEX "IX_Meetings_CellId_Date" ON "Meetings" ("CellId", "Date");

CREATE INDEX "IX_Meetings_ChairId" ON "Meetings" ("ChairId");

CREATE INDEX "IX_Meetings_ContentPreparerId" ON "Meetings" ("ContentPreparerId");

CREATE INDEX "IX_Meetings_MinutesSecretaryId" ON "Meetings" ("MinutesSecretaryId");

CREATE INDEX "IX_Meetings_PaperDrafterId" ON "Meetings" ("PaperDrafterId");

CREATE INDEX "IX_Meetings_ResolutionDrafterId" ON "Meetings" ("ResolutionDrafterId");

CREATE INDEX "IX_Meetings_TopicId" ON "Meetings" ("TopicId");

CREATE INDEX "IX_MinutesAddenda_MeetingId" ON "MinutesAddenda" ("MeetingId");

CREATE INDEX "IX_Notifications_UserId_Id" ON "Notifications" ("UserId", "Id");

CREATE INDEX "IX_RatingScores_CriterionId" ON "RatingScores" ("CriterionId");

CREATE INDEX "IX_RatingScores_MeetingRatingId" ON "RatingScores" ("MeetingRatingId");

CREATE INDEX "IX_Remarks_AgendaItemId" ON "Remarks" ("AgendaItemId");

CREATE INDEX "IX_Remarks_MemberId" ON "Remarks" ("MemberId");

CREATE INDEX "IX_Remarks_TopicId" ON "Remarks" ("TopicId");

CREATE UNIQUE INDEX "IX_RubricCriteria_RuleSetId_Code" ON "RubricCriteria" ("RuleSetId", "Code");

CREATE INDEX "IX_RuleSets_UnitId_EffectiveFrom" ON "RuleSets" ("UnitId", "EffectiveFrom");

CREATE UNIQUE INDEX "IX_Topics_Code" ON "Topics" ("Code");

CREATE INDEX "IX_Topics_OwnerUnitId" ON "Topics" ("OwnerUnitId");

CREATE INDEX "IX_Topics_ParentId" ON "Topics" ("ParentId");

CREATE UNIQUE INDEX "IX_Votes_MeetingId_MemberId" ON "Votes" ("MeetingId", "MemberId");

CREATE INDEX "IX_Votes_MemberId" ON "Votes" ("MemberId");
