-- Dashboard roll-ups per cell, month and topic and per node, month and topic (issue 7, "topics most discussed"). Drafted with `schema-script`, reviewed.

CREATE TABLE "CellTopicMonthStats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CellTopicMonthStats" PRIMARY KEY AUTOINCREMENT,
    "CellId" INTEGER NOT NULL,
    "Month" TEXT NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "Meetings" INTEGER NOT NULL,
    "AgendaItems" INTEGER NOT NULL,
    "Remarks" INTEGER NOT NULL
);

CREATE TABLE "NodeTopicMonthStats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NodeTopicMonthStats" PRIMARY KEY AUTOINCREMENT,
    "NodeId" INTEGER NOT NULL,
    "Month" TEXT NOT NULL,
    "TopicId" INTEGER NOT NULL,
    "Meetings" INTEGER NOT NULL,
    "AgendaItems" INTEGER NOT NULL,
    "Remarks" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_CellTopicMonthStats_CellId_Month_TopicId" ON "CellTopicMonthStats" ("CellId", "Month", "TopicId");

CREATE UNIQUE INDEX "IX_NodeTopicMonthStats_NodeId_Month_TopicId" ON "NodeTopicMonthStats" ("NodeId", "Month", "TopicId");
