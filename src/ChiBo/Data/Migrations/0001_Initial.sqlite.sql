CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Entity" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);


CREATE TABLE "ImportJobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportJobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "ScopeUnitId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "TotalRows" INTEGER NOT NULL,
    "ProcessedRows" INTEGER NOT NULL,
    "Errors" TEXT NULL
);


CREATE TABLE "Members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Members" PRIMARY KEY AUTOINCREMENT,
    "FullName" TEXT NOT NULL,
    "NameKey" TEXT NOT NULL,
    "SortKey" BLOB NOT NULL,
    "DateOfBirth" TEXT NULL,
    "Sex" TEXT NOT NULL,
    "Ethnicity" TEXT NULL,
    "AdmittedOn" TEXT NOT NULL,
    "OfficialOn" TEXT NULL,
    "PartyCardNumber" TEXT NULL,
    "CitizenId" TEXT NULL,
    "Phone" TEXT NULL,
    "LeftOn" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "UnitTypes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UnitTypes" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "LevelRank" INTEGER NOT NULL,
    "LevelName" TEXT NOT NULL,
    "IsCell" INTEGER NOT NULL,
    "IsGrassroots" INTEGER NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "EffectiveTo" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Exemptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Exemptions" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "DecisionDate" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "FK_Exemptions_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Units" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameKey" TEXT NOT NULL,
    "IssuerCode" TEXT NULL,
    "Place" TEXT NULL,
    "UnitTypeId" INTEGER NOT NULL,
    "CellKind" TEXT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "EffectiveTo" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Units_UnitTypes_UnitTypeId" FOREIGN KEY ("UnitTypeId") REFERENCES "UnitTypes" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "MemberId" INTEGER NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_AspNetUsers_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "MemberPositions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MemberPositions" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Position" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    CONSTRAINT "FK_MemberPositions_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MemberPositions_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Memberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Memberships" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_Memberships_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Memberships_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "UnitClosures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UnitClosures" PRIMARY KEY AUTOINCREMENT,
    "AncestorId" INTEGER NOT NULL,
    "DescendantId" INTEGER NOT NULL,
    "Depth" INTEGER NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    CONSTRAINT "FK_UnitClosures_Units_AncestorId" FOREIGN KEY ("AncestorId") REFERENCES "Units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_UnitClosures_Units_DescendantId" FOREIGN KEY ("DescendantId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "UnitEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UnitEvents" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "RelatedUnitId" INTEGER NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    "Decision" TEXT NULL,
    CONSTRAINT "FK_UnitEvents_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "UnitNames" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UnitNames" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "IssuerCode" TEXT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    CONSTRAINT "FK_UnitNames_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_MemberId" ON "AspNetUsers" ("MemberId");


CREATE INDEX "IX_AspNetUsers_UnitId" ON "AspNetUsers" ("UnitId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");


CREATE INDEX "IX_AuditEntries_Entity_EntityId" ON "AuditEntries" ("Entity", "EntityId");


CREATE INDEX "IX_Exemptions_MemberId_From" ON "Exemptions" ("MemberId", "From");


CREATE INDEX "IX_MemberPositions_MemberId" ON "MemberPositions" ("MemberId");


CREATE INDEX "IX_MemberPositions_UnitId_From" ON "MemberPositions" ("UnitId", "From");


CREATE INDEX "IX_Members_NameKey" ON "Members" ("NameKey");


CREATE UNIQUE INDEX "IX_Members_PartyCardNumber" ON "Members" ("PartyCardNumber");


CREATE INDEX "IX_Members_SortKey" ON "Members" ("SortKey");


CREATE INDEX "IX_Memberships_MemberId_From" ON "Memberships" ("MemberId", "From");


CREATE INDEX "IX_Memberships_UnitId_From" ON "Memberships" ("UnitId", "From");


CREATE INDEX "IX_UnitClosures_AncestorId_Depth_ValidFrom" ON "UnitClosures" ("AncestorId", "Depth", "ValidFrom");


CREATE INDEX "IX_UnitClosures_DescendantId_AncestorId" ON "UnitClosures" ("DescendantId", "AncestorId");


CREATE INDEX "IX_UnitEvents_RelatedUnitId" ON "UnitEvents" ("RelatedUnitId");


CREATE INDEX "IX_UnitEvents_UnitId_Date" ON "UnitEvents" ("UnitId", "Date");


CREATE INDEX "IX_UnitNames_UnitId_ValidFrom" ON "UnitNames" ("UnitId", "ValidFrom");


CREATE UNIQUE INDEX "IX_Units_Code" ON "Units" ("Code");


CREATE INDEX "IX_Units_NameKey" ON "Units" ("NameKey");


CREATE INDEX "IX_Units_UnitTypeId" ON "Units" ("UnitTypeId");


CREATE UNIQUE INDEX "IX_UnitTypes_Code" ON "UnitTypes" ("Code");



