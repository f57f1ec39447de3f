using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChiBo.Bench;
using ChiBo.Features.Accounts;
using ChiBo.Features.Rules;
using Microsoft.AspNetCore.Identity;

// generate --scale 0.01 --conn "..." [--provider postgres|sqlite] [--seed 1] [--reset] [--members-csv path] [--tree-only]
// measure [dashboard|record|import] --conn "..." (the product must be built in Release)
if (args.Length > 0 && args[0] == "measure") return await ChiBo.Bench.Measure.RunAsync(args);
if (args.Length == 0 || args[0] != "generate")
{
    Console.Error.WriteLine("Usage: ChiBo.Bench generate --conn <PostgreSQL or SQLite connection string> [--provider postgres|sqlite] [--scale 1.0] [--seed 1] [--reset] [--members-csv <path>] [--tree-only]");
    return 2;
}
string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
var conn = Arg("--conn") ?? Environment.GetEnvironmentVariable("CHIBO_BENCH_CONN")
    ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=chibo_bench";
var scale = double.Parse(Arg("--scale") ?? "1.0", CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--seed") ?? "1", CultureInfo.InvariantCulture);
var reset = args.Contains("--reset");
var csvPath = Arg("--members-csv");
// The tree, accounts and monitoring groups without members or meetings: the database the import benchmark loads the CSV into.
var treeOnly = args.Contains("--tree-only");
if (scale <= 0 || scale > 1.5) { Console.Error.WriteLine("--scale must be in (0, 1.5]."); return 2; }

var progress = new Progress();
progress.Line($"ChiBo national data generator: scale {scale}, seed {seed}{(treeOnly ? ", tree only" : "")}");
var target = Target.Create(Arg("--provider"), conn);
if (!await target.PrepareAsync(reset, progress)) return 1;

// Reference data as the app seeded it; the national root needs a type above the provinces, added as data (ReferenceData allows it).
await using (var db = target.Connect())
{
    await db.OpenAsync();
    await Schema.Exec(db, """
        INSERT INTO "UnitTypes" ("Code", "Name", "LevelRank", "LevelName", "IsCell", "IsGrassroots", "EffectiveFrom")
        SELECT 'TRUNG_UONG', 'Ban Chấp hành Trung ương', 0, 'Trung ương', false, false, '1930-02-03'
        WHERE NOT EXISTS (SELECT 1 FROM "UnitTypes" WHERE "Code" = 'TRUNG_UONG')
        """);
}
Context ctx;
{
    await using var db = target.Connect();
    await db.OpenAsync();
    async Task<List<(T1, T2)>> Pairs<T1, T2>(string sql)
    {
        var list = new List<(T1, T2)>();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((r.GetFieldValue<T1>(0), r.GetFieldValue<T2>(1)));
        return list;
    }
    var types = (await Pairs<string, int>("SELECT \"Code\", \"Id\" FROM \"UnitTypes\"")).ToDictionary(x => x.Item1, x => x.Item2);
    var topics = (await Pairs<int, int>("SELECT \"Id\", \"Order\" FROM \"Topics\" WHERE \"ParentId\" IS NULL AND \"Active\" ORDER BY \"Order\"")).Select(x => x.Item1).ToArray();
    var roles = (await Pairs<string, string>("SELECT \"Name\", \"Id\" FROM \"AspNetRoles\"")).ToDictionary(x => x.Item1, x => x.Item2);
    // The Party-wide rule set in force over the whole meeting year (seeded by RuleSets.SeedDefaultsAsync).
    var rule = (await Pairs<int, int>($"SELECT \"Id\", COALESCE(\"MeetingDay\", 0) FROM \"RuleSets\" WHERE \"UnitId\" IS NULL AND \"EffectiveFrom\" <= '{Context.FirstMonth:yyyy-MM-dd}' ORDER BY \"EffectiveFrom\" DESC, \"Id\" DESC LIMIT 1")).Single();
    var defaults = new RuleSet { Id = rule.Item1, Name = "", MeetingDay = rule.Item2 == 0 ? null : rule.Item2, PeriodicAgenda = "", ThematicAgenda = "" };
    ctx = new Context
    {
        Ids = new Ids(), TypeIds = types, TopicIds = topics, Rules = defaults, RoleIds = roles,
        // One hash of the demo password serves every generated account: the hash carries its own salt.
        PasswordHash = new PasswordHasher<AppUser>().HashPassword(null!, ChiBo.Data.DemoData.Password),
        TreeOnly = treeOnly,
        Csv = csvPath is null ? null : new StreamWriter(csvPath, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" },
    };
}
ctx.Csv?.WriteLine(People.CsvHeader);

await target.BeginLoadAsync(progress);

var tree = new Tree(ctx);
var people = new People(ctx);
var meetings = new Meetings(ctx);
var userRng = new Random(seed);

string User(string userName, string fullName, int unitId, string role, Random rng)
{
    var id = NewGuid(rng);
    ctx.Tables["AspNetUsers"].Row().S(id).S(fullName).I(unitId).I(null).S(userName).S(userName.ToUpperInvariant()).S(null).S(null).B(false)
        .S(ctx.PasswordHash).S(NewGuid(rng).Replace("-", "").ToUpperInvariant()).S(NewGuid(rng)).S(null).B(false).B(false).Ts(null).B(true).I(0);
    ctx.Tables["AspNetUserRoles"].Row().S(id).S(ctx.RoleIds[role]);
    return id;
}
static string NewGuid(Random rng) { var b = new byte[16]; rng.NextBytes(b); return new Guid(b).ToString(); }

ctx.Tables = await target.OpenTablesAsync();
var sw = Stopwatch.StartNew();
var root = tree.Add("VN", "Đảng Cộng sản Việt Nam", "TRUNG_UONG", null, "TW", place: "Hà Nội");
User("admin", "Quản trị hệ thống", root.Id, Roles.Admin, userRng);
await ctx.Tables.CompleteAsync();
progress.Phase("national root", ctx.Tables.Open, sw.Elapsed);

foreach (var p in Names.Provinces)
{
    sw.Restart();
    ctx.Tables = await target.OpenTablesAsync();
    var rng = new Random(seed * 1000 + p.No);
    var prov = tree.Province(root, p, rng, scale,
        cell: (cell, parent, monitor) =>
        {
            if (monitor is not null)
                ctx.Tables["MonitoringCoverages"].Row().I(ctx.Ids.Next("MonitoringCoverages")).I(monitor.GroupId).I(cell.Id).D(Context.TreeFrom.AddDays(14)).D(null);
            var members = people.MakeCell(cell, p, rng);
            if (!treeOnly) meetings.ForCell(cell, parent, members, monitor, rng);
        },
        commune: com =>
        {
            var userName = $"theodoi.{com.Code.ToLowerInvariant()}";
            var userId = User(userName, $"Tổ trưởng tổ theo dõi {com.Name.Replace("Đảng ủy ", "")}", com.Id, Roles.MonitoringMember, rng);
            // As MonitoringService.CreateGroupAsync: the commune committee forms the group, the leader is also a member row.
            var groupId = ctx.Ids.Next("MonitoringGroups");
            var from = Context.TreeFrom.AddDays(14);
            ctx.Tables["MonitoringGroups"].Row().I(groupId).I(com.Id).S("Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ số 1").S(userId).D(from).D(null)
                .Ts(Context.Utc(from, new TimeOnly(9, 0)));
            ctx.Tables["MonitoringGroupMembers"].Row().I(ctx.Ids.Next("MonitoringGroupMembers")).I(groupId).S(userId).D(from).D(null);
            return new Watcher(groupId, userId, userName);
        });
    User($"tinhuy.{p.Code.ToLowerInvariant()}", $"Văn phòng {prov.Name}", prov.Id, Roles.CommitteeStaff, rng);
    await ctx.Tables.CompleteAsync();
    progress.Phase($"{p.Name,-16}", ctx.Tables.Open, sw.Elapsed);
}
ctx.Csv?.Dispose();

sw.Restart();
await target.EndLoadAsync(progress);
progress.Summary();
if (csvPath is not null) progress.Line($"members CSV written to {csvPath}");
return 0;
