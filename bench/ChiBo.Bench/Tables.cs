namespace ChiBo.Bench;

/// <summary>The product tables the generator fills, with the columns it writes (all of them, in the migrations' names).</summary>
public sealed class Tables
{
    public static readonly (string Name, string[] Columns)[] All =
    [
        ("Units", ["Id", "Code", "Name", "NameKey", "IssuerCode", "Place", "UnitTypeId", "CellKind", "EffectiveFrom", "EffectiveTo", "Version"]),
        ("UnitNames", ["Id", "UnitId", "Name", "IssuerCode", "ValidFrom", "ValidTo"]),
        ("UnitClosures", ["Id", "AncestorId", "DescendantId", "Depth", "ValidFrom", "ValidTo"]),
        ("UnitEvents", ["Id", "UnitId", "Kind", "Date", "RelatedUnitId", "OldValue", "NewValue", "Decision"]),
        ("Members", ["Id", "FullName", "NameKey", "SortKey", "DateOfBirth", "Sex", "Ethnicity", "AdmittedOn", "OfficialOn", "PartyCardNumber", "CitizenId", "Phone", "LeftOn", "Version"]),
        ("Memberships", ["Id", "MemberId", "UnitId", "From", "To", "Note"]),
        ("MemberPositions", ["Id", "MemberId", "UnitId", "Position", "From", "To"]),
        ("Exemptions", ["Id", "MemberId", "Kind", "DecisionDate", "From", "To", "Reason"]),
        ("Meetings", ["Id", "CellId", "Kind", "Status", "Date", "StartTime", "Place", "Title", "TopicId", "ContentPreparerId", "ResolutionDrafterId",
            "PaperDrafterId", "NoticeSentAt", "NoticeSentBy", "StartedAt", "EndedAt", "ChairId", "MinutesSecretaryId", "Guests", "Resolution", "ReadBack",
            "AdoptedAt", "ContentHash", "ChairSignedAt", "ChairSignedBy", "SecretarySignedAt", "SecretarySignedBy", "CreatedAt", "UpdatedAt", "Version"]),
        ("AgendaItems", ["Id", "MeetingId", "Order", "Section", "Title", "TopicId", "Conclusion"]),
        ("Attendances", ["Id", "MeetingId", "MemberId", "Status", "Reason", "ReasonText", "AnnouncedAt", "Note", "Official"]),
        ("Votes", ["Id", "MeetingId", "MemberId", "Choice", "Opinion"]),
        ("MeetingRatings", ["Id", "MeetingId", "RuleSetId", "Total", "Level", "Capped", "Status", "ProposedBy", "ProposedAt", "ProposalNote", "VotesFor",
            "VotesAgainst", "VotedAt", "ConfirmedBy", "ConfirmedAt", "ConfirmationNote", "Version"]),
        ("ThematicPlans", ["Id", "CellId", "Year", "Status", "ReviewerUnitId", "FirstSubmittedAt", "SubmittedAt", "SubmittedBy", "ReviewedAt", "ReviewedBy",
            "ReviewComment", "CreatedAt", "Version"]),
        ("ThematicPlanItems", ["Id", "PlanId", "Quarter", "Month", "TopicId", "Title", "PreparerId"]),
        ("PlanEvents", ["Id", "PlanId", "Action", "At", "Actor", "Comment"]),
        ("AspNetUsers", ["Id", "FullName", "UnitId", "MemberId", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
            "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount"]),
        ("AspNetUserRoles", ["UserId", "RoleId"]),
        ("MonitoringGroups", ["Id", "OwnerUnitId", "Name", "LeaderUserId", "From", "To", "CreatedAt"]),
        ("MonitoringGroupMembers", ["Id", "GroupId", "UserId", "From", "To"]),
        ("MonitoringCoverages", ["Id", "GroupId", "UnitId", "From", "To"]),
        ("VisitAssignments", ["Id", "GroupId", "MeetingId", "UserId", "AssignedAt", "AssignedBy"]),
        ("Visits", ["Id", "AssignmentId", "Attended", "AbsenceReason", "ObservationPreparation", "ObservationAttendance", "ObservationConduct",
            "ObservationClosing", "Guidance", "RatingConfirmed", "RecordedAt"]),
    ];

    /// <summary>Tables whose Id is an identity the generator allocates (AspNet* use string keys).</summary>
    public static IEnumerable<string> WithIdentity => All.Select(t => t.Name).Where(n => !n.StartsWith("AspNet"));

    readonly Dictionary<string, Table> _open = [];
    readonly Func<Task>? _commit;

    Tables(IEnumerable<Table> tables, Func<Task>? commit = null)
    {
        foreach (var t in tables) _open[t.Name] = t;
        _commit = commit;
    }

    public Table this[string name] => _open[name];
    public IEnumerable<Table> Open => _open.Values;

    /// <summary>PostgreSQL: one binary COPY per table, each on its own connection.</summary>
    public static async Task<Tables> OpenAsync(string connString)
    {
        var tables = new List<Table>();
        foreach (var (name, cols) in All)
        {
            var table = new CopyTable(name, cols);
            await table.OpenAsync(connString);
            tables.Add(table);
        }
        return new Tables(tables);
    }

    /// <summary>SQLite: a prepared INSERT per table, all on the one connection (SQLite has one writer) and in one transaction.</summary>
    public static Tables OpenSqlite(Microsoft.Data.Sqlite.SqliteConnection conn)
    {
        var tx = conn.BeginTransaction();
        return new Tables(All.Select(t => new SqliteTable(t.Name, t.Columns, conn, tx)).ToList(), async () =>
        {
            await tx.CommitAsync();
            await tx.DisposeAsync();
        });
    }

    /// <summary>Ends every COPY (each commits on its own) or commits the SQLite transaction: a province is in the database once this returns.</summary>
    public async Task CompleteAsync()
    {
        foreach (var t in _open.Values) await t.CompleteAsync();
        if (_commit is not null) await _commit();
    }
}
