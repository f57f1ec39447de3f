using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// A fresh cell under the Bình Lư commune with a known roll, and the API calls of a meeting, so each test
/// states only what it is about. The commune's clerk (vp.binhlu) runs the cell; the roll is:
/// 8 official members, 1 probationary, 1 exempt, 1 on special duty. The cell's own steps on a rating (the committee's
/// proposal, the cell's vote) are its secretary's (<see cref="Secretary"/>, the first official member's account).
/// </summary>
public sealed class MeetingFlow(ChiBoApp app, HttpClient clerk, HttpClient secretary, int cellId, List<int> official, int probationary, int exempt, int specialDuty)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public HttpClient Clerk { get; } = clerk;
    public HttpClient Secretary { get; } = secretary;
    public int CellId { get; } = cellId;
    public List<int> Official { get; } = official;
    public int Probationary { get; } = probationary;
    public int Exempt { get; } = exempt;
    public int SpecialDuty { get; } = specialDuty;

    static readonly string[] Names = ["Lò Văn An", "Tòng Thị Bình", "Lường Văn Cường", "Điêu Thị Dung", "Vàng A Dế", "Lý Thị Én", "Giàng A Hùng", "Sùng Thị Lan", "Hoàng Văn Mười", "Phạm Thị Ngọc", "Đặng Văn Ơn"];

    public static async Task<MeetingFlow> CreateAsync(ChiBoApp app)
    {
        // Sign in at the suite's "today": tokens then stay valid while a test travels back to the meeting dates.
        app.Clock.Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
        var admin = await app.ApiAs("admin");
        var commune = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/units/by-code/LC-BL")).GetProperty("id").GetInt32();
        var code = "T-" + Guid.NewGuid().ToString("N")[..8];
        var res = await admin.PostAsJsonAsync("/api/v1/units", new
        {
            code, name = "Chi bộ bản thử " + code, typeCode = "CHI_BO", parentId = commune, from = "2020-01-01", cellKind = "Residential",
        });
        var cell = await Ok(res);
        var cellId = cell.GetProperty("id").GetInt32();
        var ids = new List<int>();
        for (var i = 0; i < Names.Length; i++)
        {
            var probationary = i == 8;
            var m = await Ok(await admin.PostAsJsonAsync("/api/v1/members", new
            {
                profile = new
                {
                    fullName = Names[i], dateOfBirth = $"19{70 + i}-05-0{1 + i % 9}", sex = i % 2 == 0 ? "Male" : "Female", ethnicity = "Thái",
                    admittedOn = probationary ? "2023-12-01" : "2010-01-01", officialOn = probationary ? null : "2011-01-01",
                },
                cellId, joinedOn = "2020-01-01",
            }));
            ids.Add(m.GetProperty("id").GetInt32());
        }
        await Ok(await admin.PostAsJsonAsync($"/api/v1/members/{ids[9]}/exemptions", new { kind = "Exempt", decisionDate = "2023-01-01", from = "2023-01-01", reason = "Tuổi cao" }));
        await Ok(await admin.PostAsJsonAsync($"/api/v1/members/{ids[10]}/exemptions", new { kind = "SpecialDuty", decisionDate = "2023-01-01", from = "2023-01-01", reason = "Nhiệm vụ quốc phòng" }));
        await app.CreateAccountAsync("bt." + code.ToLowerInvariant(), cellId, ChiBo.Features.Accounts.Roles.CellSecretary, ids[0]);
        return new MeetingFlow(app, await app.ApiAs("vp.binhlu"), await app.ApiAs("bt." + code.ToLowerInvariant()), cellId, ids.Take(8).ToList(), ids[8], ids[9], ids[10]);
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage res)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"{res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: {(int)res.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>Sets the product's clock to a Vietnamese local time.</summary>
    public void At(int y, int mo, int d, int h = 9) => app.Clock.Now = new DateTimeOffset(y, mo, d, h, 0, 0, TimeSpan.FromHours(7));

    public async Task<JsonElement> Plan(string date, string kind = "Periodic", int? topicId = null)
    {
        var preparer = Official[1];
        return await Ok(await Clerk.PostAsJsonAsync($"/api/v1/units/{CellId}/meetings", new
        {
            kind, date, startTime = "19:30:00", place = "Nhà văn hóa bản", title = "Sinh hoạt " + date, topicId,
            contentPreparerId = preparer, resolutionDrafterId = preparer, paperDrafterId = kind is "Thematic" or "Combined" ? Official[2] : (int?)null,
        }));
    }

    public static int Id(JsonElement m) => m.GetProperty("id").GetInt32();
    public static int Version(JsonElement m) => m.GetProperty("version").GetInt32();

    public async Task<JsonElement> Get(int id) => await Ok(await Clerk.GetAsync($"/api/v1/meetings/{id}"));

    /// <summary>Roll call: everyone present unless given another status; exempt and special duty as the roll says.</summary>
    public Task<HttpResponseMessage> Attend(JsonElement m, Dictionary<int, string>? statuses = null)
    {
        var everyone = Official.Append(Probationary).Append(Exempt).Append(SpecialDuty);
        var entries = everyone.Select(id =>
        {
            var s = statuses?.GetValueOrDefault(id) ?? (id == Exempt ? "Exempt" : id == SpecialDuty ? "SpecialDuty" : "Present");
            return new { memberId = id, status = s, reason = s == "AbsentExcused" ? "Work" : null, reasonText = s == "AbsentExcused" ? "Đi công tác huyện" : null };
        });
        return Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/attendance", new { version = Version(m), entries });
    }

    /// <summary>Minutes with remarks by the given speakers on the first content item, conclusions on every content item.</summary>
    public async Task<JsonElement> WriteMinutes(JsonElement m, string start, string end, IEnumerable<int> speakers, bool conclude = true)
    {
        var agenda = m.GetProperty("minutes").GetProperty("agenda").EnumerateArray().ToList();
        var firstContent = agenda.First(a => a.GetProperty("section").GetString() == "Content").GetProperty("id").GetInt32();
        var items = agenda.Select(a => new
        {
            id = a.GetProperty("id").GetInt32(), section = a.GetProperty("section").GetString(), title = a.GetProperty("title").GetString(),
            conclusion = conclude && a.GetProperty("section").GetString() == "Content" ? "Chủ trì kết luận: thống nhất thực hiện." : null,
            remarks = a.GetProperty("id").GetInt32() == firstContent
                ? speakers.Select(s => new { memberId = (int?)s, speakerName = (string?)null, text = "Đồng ý với báo cáo, đề nghị bổ sung nhiệm vụ vận động nhân dân.", topicId = (int?)null }).ToList()
                : [],
        });
        return await Ok(await Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/minutes", new
        {
            version = Version(m), startedAt = start, endedAt = end, chairId = Official[0], minutesSecretaryId = Official[1],
            guests = "Đồng chí Nguyễn Văn Hải, Đảng ủy viên xã", resolution = "Chi bộ thống nhất thực hiện các nhiệm vụ tháng tới.", agenda = items,
        }));
    }

    public async Task<JsonElement> VoteAll(JsonElement m) => await Ok(await Clerk.PutAsJsonAsync($"/api/v1/meetings/{Id(m)}/votes", new
    {
        version = Version(m),
        votes = m.GetProperty("attendance").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "Present" && a.GetProperty("official").GetBoolean())
            .Select(a => new { memberId = a.GetProperty("memberId").GetInt32(), choice = "For" }),
    }));

    public async Task<JsonElement> Adopt(JsonElement m) =>
        await Ok(await Clerk.PostAsJsonAsync($"/api/v1/meetings/{Id(m)}/adopt", new { version = Version(m) }));

    /// <summary>A meeting held by the book: notice and documents two days ahead, everyone present, given speakers, adopted.</summary>
    public async Task<JsonElement> HoldAsync(string date, IEnumerable<int> speakers, string start = "19:30:00", string end = "21:15:00",
        Dictionary<int, string>? statuses = null, string kind = "Periodic", int? topicId = null)
    {
        var d = DateOnly.Parse(date);
        At(d.Year, d.Month, d.Day - 2 < 1 ? 1 : d.Day - 2);
        var m = await Plan(date, kind, topicId);
        var content = new ByteArrayContent("Dự thảo nghị quyết tháng"u8.ToArray());
        content.Headers.ContentType = new("text/plain");
        await Ok(await Clerk.PostAsync($"/api/v1/meetings/{Id(m)}/documents?fileName=du-thao.txt&kind=DraftResolution", content));
        await Ok(await Clerk.PostAsync($"/api/v1/meetings/{Id(m)}/notice", null));
        At(d.Year, d.Month, d.Day, 22);
        m = await Ok(await Attend(await Get(Id(m)), statuses));
        m = await WriteMinutes(m, start, end, speakers);
        m = await VoteAll(m);
        return await Adopt(m);
    }
}
