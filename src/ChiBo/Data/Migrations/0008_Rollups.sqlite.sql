-- Dashboard roll-ups per cell and month and per node and month (issue 7). Drafted with `schema-script`, reviewed.

CREATE TABLE "CellMonthStats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CellMonthStats" PRIMARY KEY AUTOINCREMENT,
    "CellId" INTEGER NOT NULL,
    "Month" TEXT NOT NULL,
    "PeriodicHeld" INTEGER NOT NULL,
    "PeriodicOnTime" INTEGER NOT NULL,
    "ThematicHeld" INTEGER NOT NULL,
    "Expected" INTEGER NOT NULL,
    "Present" INTEGER NOT NULL,
    "AbsentExcused" INTEGER NOT NULL,
    "AbsentUnexcused" INTEGER NOT NULL,
    "RatedGood" INTEGER NOT NULL,
    "RatedFair" INTEGER NOT NULL,
    "RatedAverage" INTEGER NOT NULL,
    "RatedPoor" INTEGER NOT NULL,
    "Remarks" INTEGER NOT NULL,
    "Visits" INTEGER NOT NULL,
    "ThematicPlanned" INTEGER NOT NULL,
    "LongAbsences" INTEGER NOT NULL,
    "CellsMeeting" INTEGER NOT NULL,
    "CellsVisited" INTEGER NOT NULL
);

CREATE TABLE "NodeMonthStats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NodeMonthStats" PRIMARY KEY AUTOINCREMENT,
    "NodeId" INTEGER NOT NULL,
    "Cells" INTEGER NOT NULL,
    "Month" TEXT NOT NULL,
    "PeriodicHeld" INTEGER NOT NULL,
    "PeriodicOnTime" INTEGER NOT NULL,
    "ThematicHeld" INTEGER NOT NULL,
    "Expected" INTEGER NOT NULL,
    "Present" INTEGER NOT NULL,
    "AbsentExcused" INTEGER NOT NULL,
    "AbsentUnexcused" INTEGER NOT NULL,
    "RatedGood" INTEGER NOT NULL,
    "RatedFair" INTEGER NOT NULL,
    "RatedAverage" INTEGER NOT NULL,
    "RatedPoor" INTEGER NOT NULL,
    "Remarks" INTEGER NOT NULL,
    "Visits" INTEGER NOT NULL,
    "ThematicPlanned" INTEGER NOT NULL,
    "LongAbsences" INTEGER NOT NULL,
    "CellsMeeting" INTEGER NOT NULL,
    "CellsVisited" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_CellMonthStats_CellId_Month" ON "CellMonthStats" ("CellId", "Month");

CREATE UNIQUE INDEX "IX_NodeMonthStats_NodeId_Month" ON "NodeMonthStats" ("NodeId", "Month");
