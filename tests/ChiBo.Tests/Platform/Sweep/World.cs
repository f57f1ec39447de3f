using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Platform.Sweep;

/// <summary>
/// One place of the tree with one record of each kind the API addresses by id, so a sweep can aim every operation
/// at a record of that place. <see cref="Ids"/> maps a kind ("meeting", "document", …) to the ids to try;
/// <see cref="Markers"/> are strings only this place's records contain (citizen ids, names of made-up records), which
/// must never appear in an answer to an account outside it.
/// </summary>
public sealed class World(string name)
{
    public string Name { get; } = name;
    public Dictionary<string, List<int>> Ids { get; } = [];
    public Dictionary<string, string> Values { get; } = [];
    public HashSet<string> Markers { get; } = [];

    public void Add(string kind, int? id)
    {
        if (id is not { } v) return;
        if (!Ids.TryGetValue(kind, out var list)) Ids[kind] = list = [];
        if (!list.Contains(v)) list.Add(v);
    }

    public int? First(string kind) => Ids.TryGetValue(kind, out var l) && l.Count > 0 ? l[0] : null;
    public override string ToString() => Name;
}

/// <summary>The three places of the sweep and the accounts that must not reach them.</summary>
public sealed class Worlds
{
    public required World Cell { get; init; }      // Chi bộ bản Nà Khum (another cell)
    public required World Commune { get; init; }   // Đảng ủy xã Bình Lư (another commune)
    public required World Province { get; init; }  // Tỉnh ủy Điện Biên, made here (another province)

    /// <summary>Persona → the places foreign to it. A sibling cell's secretary shares its commune with Nà Khum, so only the cell and the province are foreign to it.</summary>
    public required Dictionary<string, World[]> Foreign { get; init; }

    public const string Year = "2026";

    public static async Task<Worlds> BuildAsync(ChiBoApp app)
    {
        app.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync();
        async Task<int> RollMember(int cell, int skip) => await db.Memberships.Where(m => m.UnitId == cell && m.To == null).OrderBy(m => m.MemberId).Skip(skip).Select(m => m.MemberId).FirstAsync();

        // The accounts that must not reach the places: a member and the clerk of another commune (Mường So),
        // a monitoring member whose group covers only Mường So, the secretary of a cell beside Nà Khum.
        var muongSo = await Unit("LC-MS");
        var muongSoCell = await Unit("LC-MS-MS");
        var agencyCell = await Unit("LC-BL-UB");
        await app.CreateAccountAsync("dangvien.muongso", muongSoCell, Roles.Member, await RollMember(muongSoCell, 3));
        await app.CreateAccountAsync("vp.muongso", muongSo, Roles.CommitteeStaff);
        await app.CreateAccountAsync("theodoi.muongso", muongSo, Roles.MonitoringMember);
        await app.CreateAccountAsync("bithu.ubbinhlu", agencyCell, Roles.CellSecretary, await RollMember(agencyCell, 0));
        var vpMuongSo = await app.ApiAs("vp.muongso");
        var group = await Ok(await vpMuongSo.PostAsJsonAsync("/api/v1/monitoring/groups", new
        {
            ownerUnitId = muongSo, name = "Tổ theo dõi xã Mường So", leaderUserName = "theodoi.muongso", from = "2025-07-01", memberUserNames = Array.Empty<string>(),
        }));
        await Ok(await vpMuongSo.PostAsJsonAsync($"/api/v1/monitoring/groups/{group.GetProperty("id").GetInt32()}/coverage", new { unitId = muongSoCell, from = "2025-07-01" }));

        var cell = await CellWorldAsync(app, db, await Unit("LC-BL-NK"));
        var commune = await CommuneWorldAsync(app, db, await Unit("LC-BL"), await Unit("LC-BL-BL"));
        var province = await ProvinceWorldAsync(app, db, scope.ServiceProvider.GetRequiredService<TreeService>());
        return new Worlds
        {
            Cell = cell, Commune = commune, Province = province,
            Foreign = new()
            {
                [""] = [cell, commune, province],
                ["dangvien.muongso"] = [cell, commune, province],
                ["vp.muongso"] = [cell, commune, province],
                ["theodoi.muongso"] = [cell, commune, province],
                ["bithu.ubbinhlu"] = [cell, province],
            },
        };
    }

    /// <summary>Nà Khum from the demo year: its meetings, minutes, plan, ratings, register, reports.</summary>
    static async Task<World> CellWorldAsync(ChiBoApp app, AppDbContext db, int nk)
    {
        var w = new World("chi bộ khác (Nà Khum)");
        w.Add("unit", nk);
        w.Values["code"] = "LC-BL-NK";
        var members = await db.Memberships.Where(m => m.UnitId == nk).Select(m => m.MemberId).ToListAsync();
        w.Add("member", members.OrderBy(x => x).Skip(3).First());
        await AddMarkersAsync(db, w, members);
        var meeting = await db.Meetings.Where(m => m.CellId == nk && m.AdoptedAt != null).OrderByDescending(m => m.Addenda.Count).ThenByDescending(m => m.Date).Select(m => m.Id).FirstAsync();
        w.Add("meeting", meeting);
        w.Add("meeting", await db.Meetings.Where(m => m.CellId == nk && m.AdoptedAt == null).Select(m => (int?)m.Id).FirstOrDefaultAsync());
        w.Add("agenda", await db.AgendaItems.Where(a => a.MeetingId == meeting).Select(a => (int?)a.Id).FirstOrDefaultAsync());
        w.Add("addendum", await db.MinutesAddenda.Where(a => a.MeetingId == meeting).Select(a => (int?)a.Id).FirstOrDefaultAsync()
                          ?? await db.MinutesAddenda.Where(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.CellId == nk)).Select(a => (int?)a.Id).FirstOrDefaultAsync());
        w.Add("meetingDocument", await db.MeetingDocuments.Where(d => db.Meetings.Any(m => m.Id == d.MeetingId && m.CellId == nk)).Select(d => (int?)d.Id).FirstOrDefaultAsync());
        w.Add("plan", await db.ThematicPlans.Where(p => p.CellId == nk).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        foreach (var a in await db.Appraisals.Where(a => a.UnitId == nk).OrderBy(a => a.MemberId).Select(a => a.Id).Take(2).ToListAsync()) w.Add("appraisal", a);
        foreach (var d in await db.PartyDocuments.Where(d => d.IssuerUnitId == nk).Select(d => d.Id).Take(2).ToListAsync()) w.Add("document", d);
        w.Add("signature", await db.DocumentSignatures.Where(s => db.PartyDocuments.Any(d => d.Id == s.DocumentId && d.IssuerUnitId == nk)).Select(s => (int?)s.Id).FirstOrDefaultAsync());
        w.Add("report", await db.CampaignReports.Where(r => r.UnitId == nk).Select(r => (int?)r.Id).FirstOrDefaultAsync());
        w.Add("comment", await db.ReportComments.Where(c => db.CampaignReports.Any(r => r.Id == c.ReportId && r.UnitId == nk)).Select(c => (int?)c.Id).FirstOrDefaultAsync());
        w.Add("inspection", await db.Inspections.Where(i => i.CellId == nk).Select(i => (int?)i.Id).FirstOrDefaultAsync());

        // A draft of the cell's own register, which no one outside the cell (and its committee) may read.
        var secretary = await app.ApiAs("bithu.nakhum");
        var draft = await Ok(await secretary.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = nk, typeCode = "BC", summary = "Báo cáo dự thảo SWEEP-NK-DRAFT" }));
        w.Add("document", draft.GetProperty("id").GetInt32());
        w.Markers.Add("SWEEP-NK-DRAFT");
        return w;
    }

    /// <summary>Bình Lư's committee records from the demo, plus an internal campaign and an import job made here.</summary>
    static async Task<World> CommuneWorldAsync(ChiBoApp app, AppDbContext db, int bl, int blCell)
    {
        var w = new World("xã khác (Bình Lư)");
        w.Add("unit", bl);
        w.Add("unit", blCell);
        w.Values["code"] = "LC-BL";
        var members = await db.Memberships.Where(m => m.UnitId == blCell).Select(m => m.MemberId).ToListAsync();
        w.Add("member", members.Min());
        await AddMarkersAsync(db, w, members);
        w.Add("meeting", await db.Meetings.Where(m => m.CellId == blCell).Select(m => (int?)m.Id).FirstOrDefaultAsync());
        w.Add("plan", await db.ThematicPlans.Where(p => p.CellId == blCell).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        var group = await db.MonitoringGroups.Where(g => g.OwnerUnitId == bl).Select(g => (int?)g.Id).FirstOrDefaultAsync();
        w.Add("group", group);
        var report = await db.GroupReports.Where(r => r.GroupId == group).Select(r => new { r.Year, r.Period }).FirstOrDefaultAsync();
        if (report is not null) { w.Values["reportYear"] = report.Year.ToString(); w.Values["period"] = report.Period.ToString(); }
        var practice = await db.GoodPractices.Where(p => p.CommitteeId == bl).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        w.Add("practice", practice);
        w.Add("evidence", await db.PracticeEvidence.Where(e => e.PracticeId == practice).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        w.Add("inspectionPlan", await db.InspectionPlans.Where(p => p.UnitId == bl).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        var inspection = await db.Inspections.Where(i => i.UnitId == bl).Select(i => (int?)i.Id).FirstOrDefaultAsync();
        w.Add("inspection", inspection);
        w.Add("remedy", await db.Remedies.Where(r => r.InspectionId == inspection).Select(r => (int?)r.Id).FirstOrDefaultAsync());
        foreach (var d in await db.PartyDocuments.Where(d => d.IssuerUnitId == bl).OrderBy(d => d.Status).Select(d => d.Id).Take(2).ToListAsync()) w.Add("document", d);
        foreach (var a in await db.Appraisals.Where(a => a.UnitId == bl || a.UnitId == blCell).Select(a => a.Id).Take(2).ToListAsync()) w.Add("appraisal", a);
        w.Add("key", await db.SigningKeys.Where(k => k.UnitId == bl).Select(k => (int?)k.Id).FirstOrDefaultAsync());

        // The commune's internal campaign and a draft of its register: another commune must not even learn they exist.
        var clerk = await app.ApiAs("vp.binhlu");
        var campaign = await Ok(await clerk.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = bl, title = "Sơ kết nội bộ SWEEP-BL-CAMPAIGN", kind = "Interim", periodFrom = "2026-01-01", periodTo = "2026-06-30",
            levels = new[] { new { name = "Chi bộ", unitTypeCodes = "CHI_BO", deadline = "2026-12-20", holdsConference = false } },
        }));
        w.Add("campaign", campaign.GetProperty("id").GetInt32());
        w.Markers.Add("SWEEP-BL-CAMPAIGN");
        var draft = await Ok(await clerk.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = bl, typeCode = "CV", summary = "Công văn dự thảo SWEEP-BL-DRAFT" }));
        w.Add("document", draft.GetProperty("id").GetInt32());
        w.Markers.Add("SWEEP-BL-DRAFT");
        var csv = new StringContent("Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Mã chi bộ\nLò Văn Sweep,01/01/1980,Nam,01/01/2010,LC-BL-BL\n", System.Text.Encoding.UTF8, "text/csv");
        var job = await clerk.PostAsync("/api/v1/imports/members", csv);
        if (job.IsSuccessStatusCode) w.Add("import", (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        return w;
    }

    /// <summary>A second province with its own commune, cell, members and records, made through the API by its own accounts.</summary>
    static async Task<World> ProvinceWorldAsync(ChiBoApp app, AppDbContext db, TreeService tree)
    {
        var w = new World("tỉnh khác (Điện Biên)");
        var from = new DateOnly(2004, 1, 1);
        var province = (await tree.CreateAsync(new TreeService.NewUnit("DB", "Tỉnh ủy Điện Biên", "TINH_UY", null, from, "TU", null, "Điện Biên"))).Value!.Id;
        var commune = (await tree.CreateAsync(new TreeService.NewUnit("DB-MT", "Đảng ủy xã Mường Thanh", "DANG_UY_XA", province, from, "ĐU", null, "Mường Thanh"))).Value!.Id;
        var cell = (await tree.CreateAsync(new TreeService.NewUnit("DB-MT-1", "Chi bộ bản Him Lam", "CHI_BO", commune, from, null, CellKind.Residential, null))).Value!.Id;
        w.Add("unit", cell); w.Add("unit", commune); w.Add("unit", province);
        w.Values["code"] = "DB-MT";
        w.Markers.Add("Điện Biên");
        w.Markers.Add("Him Lam");
        await app.CreateAccountAsync("btc.dienbien", province, Roles.CommitteeStaff);
        await app.CreateAccountAsync("vp.muongthanh", commune, Roles.CommitteeStaff);
        await app.CreateAccountAsync("theodoi.muongthanh", commune, Roles.MonitoringMember);
        var staff = await app.ApiAs("btc.dienbien");
        var clerk = await app.ApiAs("vp.muongthanh");

        var members = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var m = await Ok(await clerk.PostAsJsonAsync("/api/v1/members", new
            {
                profile = new
                {
                    fullName = $"Quàng Văn Him{(char)('A' + i)}", dateOfBirth = "1980-02-0" + (i + 1), sex = "Male", ethnicity = "Thái", admittedOn = "2010-01-01",
                    officialOn = "2011-01-01", citizenId = $"0110990000{i:00}", phone = $"09880000{i:00}",
                },
                cellId = cell, joinedOn = "2020-01-01",
            }));
            members.Add(m.GetProperty("id").GetInt32());
            w.Markers.Add($"0110990000{i:00}");
        }
        w.Add("member", members[0]);

        // A meeting held and adopted, with its document, an agenda item and an addendum.
        app.Clock.Now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(7));
        var meeting = await Ok(await clerk.PostAsJsonAsync($"/api/v1/units/{cell}/meetings", new
        {
            kind = "Periodic", date = "2026-11-03", startTime = "19:30:00", place = "Nhà văn hóa bản Him Lam", title = "Sinh hoạt tháng 11", contentPreparerId = members[1],
        }));
        var id = meeting.GetProperty("id").GetInt32();
        var content = new ByteArrayContent("Dự thảo"u8.ToArray());
        content.Headers.ContentType = new("text/plain");
        await Ok(await clerk.PostAsync($"/api/v1/meetings/{id}/documents?fileName=du-thao.txt&kind=DraftResolution", content));
        await Ok(await clerk.PostAsync($"/api/v1/meetings/{id}/notice", null));
        app.Clock.Now = new DateTimeOffset(2026, 11, 3, 22, 0, 0, TimeSpan.FromHours(7));
        meeting = await Ok(await clerk.GetAsync($"/api/v1/meetings/{id}"));
        meeting = await Ok(await clerk.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new
        {
            version = meeting.GetProperty("version").GetInt32(), entries = members.Select(m => new { memberId = m, status = "Present" }),
        }));
        var agenda = meeting.GetProperty("minutes").GetProperty("agenda").EnumerateArray().ToList();
        meeting = await Ok(await clerk.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new
        {
            version = meeting.GetProperty("version").GetInt32(), startedAt = "19:30", endedAt = "21:15", chairId = members[0], minutesSecretaryId = members[1],
            resolution = "Chi bộ thống nhất.", agenda = agenda.Select(a => new
            {
                id = a.GetProperty("id").GetInt32(), section = a.GetProperty("section").GetString(), title = a.GetProperty("title").GetString(),
                conclusion = "Thống nhất thực hiện.", remarks = Array.Empty<object>(),
            }),
        }));
        meeting = await Ok(await clerk.PutAsJsonAsync($"/api/v1/meetings/{id}/votes", new
        {
            version = meeting.GetProperty("version").GetInt32(), votes = members.Select(m => new { memberId = m, choice = "For" }),
        }));
        meeting = await Ok(await clerk.PostAsJsonAsync($"/api/v1/meetings/{id}/adopt", new { version = meeting.GetProperty("version").GetInt32() }));
        meeting = await Ok(await clerk.PostAsJsonAsync($"/api/v1/meetings/{id}/addenda", new { date = "2026-11-05", text = "Đính chính SWEEP-DB-ADDENDUM" }));
        w.Add("meeting", id);
        w.Add("agenda", agenda[0].GetProperty("id").GetInt32());
        w.Add("addendum", meeting.GetProperty("minutes").GetProperty("addenda")[0].GetProperty("id").GetInt32());
        w.Add("meetingDocument", meeting.GetProperty("documents")[0].GetProperty("id").GetInt32());
        app.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));

        // The commune's register: a draft and an issued letter; the province's campaign and the commune's report in it.
        var draft = await Ok(await clerk.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "CV", summary = "Công văn SWEEP-DB-DOC" }));
        w.Add("document", draft.GetProperty("id").GetInt32());
        var issued = await Ok(await clerk.PostAsJsonAsync("/api/v1/documents", new { issuerUnitId = commune, typeCode = "TB", summary = "Thông báo SWEEP-DB-ISSUED" }));
        await Ok(await clerk.PostAsJsonAsync($"/api/v1/documents/{issued.GetProperty("id").GetInt32()}/issue", new { date = "2026-11-20" }));
        w.Add("document", issued.GetProperty("id").GetInt32());
        w.Markers.Add("SWEEP-DB-DOC");
        w.Markers.Add("SWEEP-DB-ISSUED");
        var campaign = await Ok(await staff.PostAsJsonAsync("/api/v1/campaigns", new
        {
            ownerUnitId = province, title = "Tổng kết SWEEP-DB-CAMPAIGN", kind = "Review", periodFrom = "2016-01-01", periodTo = "2026-06-30",
            levels = new[] { new { name = "Đảng ủy xã", unitTypeCodes = "DANG_UY_XA", deadline = "2026-12-20", holdsConference = false } },
        }));
        w.Add("campaign", campaign.GetProperty("id").GetInt32());
        w.Markers.Add("SWEEP-DB-CAMPAIGN");
        var report = await clerk.PostAsync($"/api/v1/campaigns/{campaign.GetProperty("id").GetInt32()}/units/{commune}/report", null);
        if (report.IsSuccessStatusCode) w.Add("report", (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());

        var group = await Ok(await clerk.PostAsJsonAsync("/api/v1/monitoring/groups", new
        {
            ownerUnitId = commune, name = "Tổ theo dõi Mường Thanh", leaderUserName = "theodoi.muongthanh", from = "2025-07-01", memberUserNames = Array.Empty<string>(),
        }));
        w.Add("group", group.GetProperty("id").GetInt32());
        await Ok(await clerk.PostAsJsonAsync($"/api/v1/monitoring/groups/{group.GetProperty("id").GetInt32()}/coverage", new { unitId = cell, from = "2025-07-01" }));
        var topic = await db.Topics.OrderBy(t => t.Order).Select(t => t.Id).FirstAsync();
        var plan = await clerk.PutAsJsonAsync($"/api/v1/units/{cell}/plans/{Year}", new
        {
            items = Enumerable.Range(1, 4).Select(q => new { quarter = q, topicId = topic, title = "Chuyên đề quý " + q, preparerId = members[1] }),
        });
        if (plan.IsSuccessStatusCode) w.Add("plan", (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        return w;
    }

    /// <summary>The citizen ids of the place's members: personal data that must stay inside it.</summary>
    static async Task AddMarkersAsync(AppDbContext db, World w, List<int> members)
    {
        foreach (var c in await db.Members.Where(m => members.Contains(m.Id) && m.CitizenId != null).Select(m => m.CitizenId!).ToListAsync()) w.Markers.Add(c);
    }

    static async Task<JsonElement> Ok(HttpResponseMessage res)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"Building the sweep's places: {res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: {(int)res.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
