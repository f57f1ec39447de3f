CREATE INDEX "IX_Members_CitizenId" ON "Members" ("CitizenId");
