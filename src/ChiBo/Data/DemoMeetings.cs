using System.Security.Claims;
using System.Text;
using ChiBo.Features.Audit;
using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using ChiBo.Features.Topics;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// A year of meetings (12/2025 to 11/2026) for every demo cell, made through the product's own services
/// (plan, documents, notice, roll call, minutes, vote, adoption, signatures, rating) with a clock set to
/// each step's moment, so hashes, automatic scores and statuses are exactly what the product produces.
/// Deterministic (seeded), so demos and tests agree. The story's fixed points:
/// Khổng Lào (LC-MS-KL) has poor attendance in 02/2026 and 08/2026; one member of khu 5 (LC-PTT-K5) is
/// absent with reason at every meeting from 06/2026 to 09/2026; a few unexcused absences, late notices,
/// meetings without documents and short meetings; every cell meets on 03/11/2026; Nà Khum's 11/2026 rating
/// is left at "proposed" and its 12/2026 meeting is planned, notice not yet sent.
/// </summary>
public static class DemoMeetings
{
    static readonly DateOnly FirstMonth = new(2025, 12, 1);
    const int Months = 12;
    static readonly TimeOnly Start = new(19, 30);

    // The story's fixed points, by cell code and month (yyyy-MM).
    static readonly HashSet<(string, string)> PoorAttendance = [("LC-MS-KL", "2026-02"), ("LC-MS-KL", "2026-08")];
    static readonly HashSet<(string, string)> Unexcused = [("LC-BH-NL", "2026-01"), ("LC-MS-MS", "2026-06"), ("LC-PTT-YT", "2026-10")];
    static readonly HashSet<(string, string)> LateNotice = [("LC-BH-H1", "2026-03"), ("LC-MS-KL", "2026-02"), ("LC-PTT-YT", "2026-06"), ("LC-BL-UB", "2026-09")];
    static readonly HashSet<(string, string)> NoDocuments = [("LC-BH-H1", "2026-03"), ("LC-MS-KL", "2026-08"), ("LC-PTT-K5", "2026-01"), ("LC-TD-THPT", "2026-06")];
    static readonly Dictionary<(string, string), TimeOnly> ShortMeeting = new()
    {
        [("LC-PTT-K5", "2026-04")] = new(20, 45), [("LC-BL-BL", "2026-07")] = new(20, 50), [("LC-MS-KL", "2026-08")] = new(20, 40),
    };
    const string StreakCell = "LC-PTT-K5";
    static readonly DateOnly StreakFrom = new(2026, 6, 1), StreakTo = new(2026, 9, 30);
    const string ProposedOnlyCell = "LC-BL-NK";
    const string MonitorAccount = "theodoi.binhlu";

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (sp.GetService<AuditRecorder>() is { } audit) audit.ActorOverride = "demo";
        // One transaction for the whole year; a failed step throws and nothing is kept, so no savepoint per save is needed.
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Database.AutoSavepointsEnabled = false;
        var run = new Run(db, sp.GetRequiredService<MinutesSeal>(), new DemoClock(), new Random(2026));
        await run.AllAsync();
        await tx.CommitAsync();
    }

    internal sealed class DemoClock : TimeProvider
    {
        DateTimeOffset _now = new(2025, 11, 1, 8, 0, 0, TimeSpan.FromHours(7));
        public void At(DateOnly d, TimeOnly t) => _now = new DateTimeOffset(d.ToDateTime(t), TimeSpan.FromHours(7));
        public void At(DateOnly d, int h, int m = 0) => At(d, new TimeOnly(h, m));
        public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    }

    /// <summary>The services read the actor from the request's user; here the actor is a fixed account name (or none).</summary>
    internal sealed class Actor(string? userName) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; } = userName is null ? null : new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName)], "demo")),
        };
    }

    sealed record Cell(int Id, string Code, string Name, CellKind Kind, string Place, string Commune, bool UnderBinhLu, string? ActorName, int? ActorMemberId, int Index);

    sealed class Run(AppDbContext db, MinutesSeal seal, DemoClock clock, Random rng)
    {
        readonly Dictionary<int, int> _excusedRun = [];
        List<Topic> _topics = [];
        int _topicTurn;
        int? _streakMember;

        public async Task AllAsync()
        {
            _topics = await db.Topics.Where(t => t.ParentId == null && t.Active).OrderBy(t => t.Order).ToListAsync();
            var accounts = await db.Users.Where(u => u.MemberId != null).Select(u => new { u.UserName, u.MemberId }).ToListAsync();
            var units = await db.Units.Where(u => u.UnitType!.IsCell && u.EffectiveTo == null).OrderBy(u => u.Code)
                .Select(u => new { u.Id, u.Code, u.CellKind }).ToListAsync();
            var onDate = new DateOnly(2026, 1, 1);
            var cells = new List<Cell>();
            foreach (var u in units)
            {
                var name = await db.AsDtos(db.Units.Where(x => x.Id == u.Id), onDate).Select(x => x.Name).FirstAsync();
                var parentId = await db.ParentIdAsync(u.Id, onDate);
                var parent = parentId is { } p ? await db.AsDtos(db.Units.Where(x => x.Id == p), onDate).Select(x => new { x.Code, x.Name }).FirstAsync() : null;
                var roll = await Roll.OnAsync(db, u.Id, onDate);
                var secretary = roll.FirstOrDefault(r => r.Position == Position.Secretary.Vietnamese());
                var own = secretary is null ? null : accounts.FirstOrDefault(a => a.MemberId == secretary.MemberId);
                var underBinhLu = parent?.Code == "LC-BL";
                var actor = own?.UserName ?? (underBinhLu ? "vp.binhlu" : null);
                cells.Add(new Cell(u.Id, u.Code, name, u.CellKind ?? CellKind.Residential, PlaceOf(u.Code, name, u.CellKind),
                    parent?.Name ?? "", underBinhLu, actor, own?.MemberId, cells.Count));
            }

            foreach (var cell in cells)
            {
                _excusedRun.Clear();
                for (var i = 0; i < Months; i++)
                {
                    var month = FirstMonth.AddMonths(i);
                    var quarterMonth = (month.Month - 1) % 3;   // 0, 1, 2 within the quarter
                    var combined = quarterMonth == 1;
                    await HoldAsync(cell, new DateOnly(month.Year, month.Month, 3), combined ? MeetingKind.Combined : MeetingKind.Periodic,
                        combined ? NextTopic(cell) : null);
                    // A separate thematic meeting in December (the quarter's combined month was November) for half the cells, in September for the others.
                    if ((month.Month == 12 && cell.Index % 2 == 1) || (month.Month == 9 && cell.Index % 2 == 0))
                        await HoldAsync(cell, new DateOnly(month.Year, month.Month, 15), MeetingKind.Thematic, NextTopic(cell));
                }
                if (cell.Code == ProposedOnlyCell) await PlanDecemberAsync(cell);
            }
        }

        Topic NextTopic(Cell cell) => _topics[(cell.Index + _topicTurn++) % _topics.Count];

        static string PlaceOf(string code, string name, CellKind? kind) => code switch
        {
            "LC-BL-UB" => "Phòng họp Ủy ban nhân dân xã Bình Lư",
            "LC-TD-THPT" => "Phòng họp Hội đồng sư phạm, Trường THPT Tam Đường",
            "LC-PTT-YT" => "Phòng giao ban Trạm Y tế thị trấn Phong Thổ",
            "LC-PTT-K5" => "Nhà văn hóa khu 5",
            _ when name.StartsWith("Chi bộ bản ") => "Nhà văn hóa bản " + name["Chi bộ bản ".Length..],
            _ => kind == CellKind.Residential ? "Nhà văn hóa" : "Phòng họp cơ quan",
        };

        T Pick<T>(IReadOnlyList<T> list) => list[rng.Next(list.Count)];

        static async Task<Meeting> Check(Task<Outcome<Meeting>> step, string what)
        {
            var r = await step;
            return r.Ok ? r.Value! : throw new InvalidOperationException($"Demo meetings, {what}: {r.Error}");
        }

        static async Task Check<T>(Task<Outcome<T>> step, string what)
        {
            var r = await step;
            if (!r.Ok) throw new InvalidOperationException($"Demo meetings, {what}: {r.Error}");
        }

        (MeetingService Meetings, MinutesService Minutes, RatingService Ratings) Services(string? actor)
        {
            var http = new Actor(actor);
            var meetings = new MeetingService(db, clock, http);
            return (meetings, new MinutesService(db, meetings, seal, clock, http), new RatingService(db, seal, clock, http));
        }

        async Task PlanDecemberAsync(Cell cell)
        {
            var date = new DateOnly(2026, 12, 3);
            var (meetings, _, _) = Services(cell.ActorName);
            var roll = await Roll.OnAsync(db, cell.Id, date);
            var (_, secretary) = Officers(roll);
            clock.At(new DateOnly(2026, 11, 20), 9, 15);
            await Check(meetings.PlanAsync(cell.Id, new MeetingService.PlanRequest(MeetingKind.Periodic, date, Start, cell.Place,
                "Sinh hoạt thường kỳ tháng 12/2026", null, secretary.MemberId, secretary.MemberId, null, null)), "plan 12/2026");
            db.ChangeTracker.Clear();
        }

        static (RollEntry Chair, RollEntry Secretary) Officers(List<RollEntry> roll)
        {
            var officials = roll.Where(r => r.Status == RollStatus.Official).ToList();
            var chair = officials.FirstOrDefault(r => r.Position == Position.Secretary.Vietnamese()) ?? officials[0];
            var secretary = officials.FirstOrDefault(r => r.Position == Position.DeputySecretary.Vietnamese() && r.MemberId != chair.MemberId)
                ?? officials.First(r => r.MemberId != chair.MemberId);
            return (chair, secretary);
        }

        async Task HoldAsync(Cell cell, DateOnly date, MeetingKind kind, Topic? topic)
        {
            var key = (cell.Code, date.ToString("yyyy-MM"));
            var regular = kind.IsRegular();
            var (meetings, minutes, ratings) = Services(cell.ActorName);
            var roll = await Roll.OnAsync(db, cell.Id, date);
            var (chair, secretary) = Officers(roll);
            var officials = roll.Where(r => r.Status == RollStatus.Official).ToList();
            var drafter = kind.IsThematic()
                ? officials.Where(r => r.MemberId != chair.MemberId && r.MemberId != secretary.MemberId && r.MemberId != _streakMember).ToList()[rng.Next(3)]
                : null;

            // Plan a week ahead; documents and notice 2–4 days ahead (some late, some without documents).
            clock.At(date.AddDays(-6 - rng.Next(3)), 8, 30 + rng.Next(20));
            var title = kind switch
            {
                MeetingKind.Periodic => $"Sinh hoạt thường kỳ tháng {date.Month}/{date.Year}",
                MeetingKind.Combined => $"Sinh hoạt thường kỳ tháng {date.Month}/{date.Year} kết hợp chuyên đề: {topic!.Name}",
                _ => $"Sinh hoạt chuyên đề: {topic!.Name}",
            };
            var m = await Check(meetings.PlanAsync(cell.Id, new MeetingService.PlanRequest(kind, date, Start, cell.Place, title, topic?.Id,
                secretary.MemberId, secretary.MemberId, drafter?.MemberId, null)), $"plan {cell.Code} {date}");
            var ahead = 2 + rng.Next(3);
            var lateNotice = regular && LateNotice.Contains(key);
            if (!(regular && NoDocuments.Contains(key)))
            {
                clock.At(date.AddDays(-ahead), 9, rng.Next(50));
                var text = $"Dự thảo nghị quyết của {cell.Name}. {title}.\n" + string.Join("\n", Tasks(cell, date, 3));
                await Check(meetings.AddDocumentAsync(m.Id, DocumentKind.DraftResolution, $"du-thao-nghi-quyet-{date:yyyy-MM-dd}.txt", "text/plain; charset=utf-8",
                    Encoding.UTF8.GetBytes(text)), "document");
                if (kind.IsThematic())
                    await Check(meetings.AddDocumentAsync(m.Id, DocumentKind.DraftPaper, $"ban-de-dan-{topic!.Code.ToLowerInvariant()}.txt", "text/plain; charset=utf-8",
                        Encoding.UTF8.GetBytes($"Bản đề dẫn chuyên đề \"{topic.Name}\" do đồng chí {drafter!.FullName} chuẩn bị.")), "paper");
            }
            if (lateNotice) clock.At(date, 7, 15);
            else clock.At(date.AddDays(-ahead), 10, rng.Next(50));
            await Check(meetings.SendNoticeAsync(m.Id), "notice");

            // Who is absent, and why.
            var protectedIds = new HashSet<int> { chair.MemberId, secretary.MemberId };
            if (drafter is not null) protectedIds.Add(drafter.MemberId);
            var expected = roll.Where(r => r.Status is RollStatus.Official or RollStatus.Probationary).ToList();
            var candidates = expected.Where(r => !protectedIds.Contains(r.MemberId)).ToList();
            var absences = new Dictionary<int, (AttendanceStatus Status, AbsenceReason? Reason, string? Text)>();
            if (cell.Code == StreakCell && date >= StreakFrom && date <= StreakTo)
            {
                _streakMember ??= candidates[Math.Min(5, candidates.Count - 1)].MemberId;
                if (expected.Any(r => r.MemberId == _streakMember))
                    absences[_streakMember.Value] = (AttendanceStatus.AbsentExcused, AbsenceReason.Travel, "Đi làm ăn xa tại khu công nghiệp tỉnh Bắc Ninh");
            }
            var poor = regular && PoorAttendance.Contains(key);
            var howMany = poor ? (int)Math.Ceiling(expected.Count * 0.2) + 1 : rng.Next(100) switch { < 25 => 0, < 60 => 1, < 85 => 2, _ => 3 };
            var pool = candidates.Where(r => !absences.ContainsKey(r.MemberId) && _excusedRun.GetValueOrDefault(r.MemberId) < 2).ToList();
            for (var n = 0; n < howMany && pool.Count > 0; n++)
            {
                var who = pool[rng.Next(pool.Count)];
                pool.Remove(who);
                var (reason, text) = poor ? (AbsenceReason.Work, Pick(SeasonalWork)) : Reason();
                absences[who.MemberId] = (AttendanceStatus.AbsentExcused, reason, text);
            }
            if (regular && Unexcused.Contains(key) && pool.Count > 0)
                absences[pool[rng.Next(pool.Count)].MemberId] = (AttendanceStatus.AbsentUnexcused, null, null);

            // Some tell the cell the evening before.
            foreach (var (id, a) in absences.Where(a => a.Value.Status == AttendanceStatus.AbsentExcused).ToList())
                if (rng.Next(4) == 0)
                {
                    clock.At(date.AddDays(-1), 19, rng.Next(60));
                    await Check(meetings.AnnounceAbsenceAsync(m.Id, id, a.Reason!.Value, a.Text, date.AddDays(-1)), "absence");
                }

            // The evening of the meeting: roll call, minutes, vote, adoption, signatures, self-assessment.
            var end = regular && ShortMeeting.TryGetValue(key, out var shortEnd) ? shortEnd
                : kind switch
                {
                    MeetingKind.Combined => new TimeOnly(21, 35).AddMinutes(5 * rng.Next(6)),
                    MeetingKind.Thematic => new TimeOnly(21, 0).AddMinutes(5 * rng.Next(7)),
                    _ => new TimeOnly(21, 10).AddMinutes(5 * rng.Next(7)),
                };
            clock.At(date, Start.AddMinutes(5));
            var late = expected.Where(r => !absences.ContainsKey(r.MemberId) && !protectedIds.Contains(r.MemberId)).ToList();
            var lateOne = rng.Next(4) == 0 && late.Count > 0 ? late[rng.Next(late.Count)].MemberId : (int?)null;
            var entries = expected.Select(r => absences.TryGetValue(r.MemberId, out var a)
                ? new MeetingService.AttendanceEntry(r.MemberId, a.Status, a.Reason, a.Text, null)
                : new MeetingService.AttendanceEntry(r.MemberId, AttendanceStatus.Present, null, null, r.MemberId == lateOne ? "Đến muộn 15 phút, có báo trước" : null)).ToList();
            m = await Check(meetings.RecordAttendanceAsync(m.Id, m.Version, entries, date), "attendance");
            foreach (var r in expected)
                _excusedRun[r.MemberId] = absences.TryGetValue(r.MemberId, out var a) && a.Status == AttendanceStatus.AbsentExcused ? _excusedRun.GetValueOrDefault(r.MemberId) + 1 : 0;

            var present = expected.Where(r => !absences.ContainsKey(r.MemberId)).ToList();
            var guest = rng.Next(3) == 0 || cell.Code == ProposedOnlyCell && date.Month == 11 ? Guest(cell) : null;
            clock.At(date, end.AddMinutes(-10));
            var agenda = Agenda(cell, m, date, kind, topic, chair, secretary, drafter, present, guest, poor);
            m = await Check(minutes.SaveAsync(m.Id, new MinutesService.MinutesInput(m.Version, Start, end, chair.MemberId, secretary.MemberId,
                guest?.Line, Resolution(cell, date, kind, topic), agenda)), "minutes");
            var voters = present.Where(r => r.Status == RollStatus.Official).ToList();
            var other = rng.Next(8) == 0 ? voters.Where(v => !protectedIds.Contains(v.MemberId)).Select(v => v.MemberId).FirstOrDefault() : 0;
            m = await Check(minutes.CastVotesAsync(m.Id, m.Version, voters.Select(v => v.MemberId == other
                ? new MinutesService.VoteInput(v.MemberId, VoteChoice.Other, Pick(OtherOpinions))
                : new MinutesService.VoteInput(v.MemberId, VoteChoice.For, null)).ToList()), "votes");
            clock.At(date, end.AddMinutes(-3));
            m = await Check(minutes.AdoptAsync(m.Id, m.Version), "adopt");
            clock.At(date, end.AddMinutes(5));
            await Check(minutes.SignAsync(m.Id, MinutesService.SignRole.Chair, cell.ActorMemberId, canRecordForOthers: true), "sign chair");
            await Check(minutes.SignAsync(m.Id, MinutesService.SignRole.Secretary, cell.ActorMemberId, canRecordForOthers: true), "sign secretary");

            var shortOne = regular && ShortMeeting.ContainsKey(key);
            var manual = new Dictionary<string, decimal>
            {
                ["CB3"] = regular && NoDocuments.Contains(key) ? 3 : 4 + rng.Next(2),
                ["TH1"] = lateNotice || shortOne || lateOne is not null ? 4 : 5,
                ["TH4"] = poor ? 6 : 7 + rng.Next(4),
                ["TH5"] = poor || shortOne ? 7 : 8 + rng.Next(3),
            };
            clock.At(date, end.AddMinutes(8));
            await Check(ratings.ProposeAsync(m.Id, manual, poor ? "Tỷ lệ đảng viên dự họp thấp, chi ủy đề nghị xếp mức thấp hơn" : null), "propose");
            if (cell.Code == ProposedOnlyCell && date.Month == 11 && date.Year == 2026) { db.ChangeTracker.Clear(); return; }
            var against = rng.Next(6) == 0 ? 1 : 0;
            clock.At(date, end.AddMinutes(10));
            var rating = await ratings.VoteAsync(m.Id, voters.Count - against, against);
            if (!rating.Ok) throw new InvalidOperationException("Demo meetings, rating vote: " + rating.Error);

            if (cell.UnderBinhLu)
            {
                var (_, _, monitor) = Services(MonitorAccount);
                clock.At(date.AddDays(2 + rng.Next(4)), 14, rng.Next(60));
                var lower = cell.Code == "LC-BL-UB" && date.Month == 5 && rating.Value!.Level == RatingLevel.Good;
                await Check(monitor.ConfirmAsync(m.Id, lower ? RatingLevel.Fair : null,
                    lower ? "Nội dung thảo luận chưa sâu, nghị quyết chưa nêu rõ thời hạn hoàn thành: xác nhận mức Khá." : "Nhất trí với đề xuất của chi bộ."), "confirm");
            }
            db.ChangeTracker.Clear();
        }

        (AbsenceReason, string) Reason() => rng.Next(10) switch
        {
            < 4 => (AbsenceReason.Illness, Pick(IllnessTexts)),
            < 8 => (AbsenceReason.Work, Pick(WorkTexts)),
            _ => (AbsenceReason.Travel, Pick(TravelTexts)),
        };

        sealed record GuestInfo(string Name, string Line);

        GuestInfo Guest(Cell cell)
        {
            var commune = cell.Commune.Replace("Đảng ủy xã ", "");
            var name = commune switch { "Mường So" => "Tòng Văn Khiêm", "Phong Thổ" => "Đặng Thị Hường", _ => "Lò Văn Hải" };
            return rng.Next(4) == 0
                ? new GuestInfo("Sần Thị Mai", $"Đồng chí Sần Thị Mai, cán bộ Văn phòng Đảng ủy xã {commune}")
                : new GuestInfo(name, $"Đồng chí {name}, Đảng ủy viên xã {commune}, phụ trách chi bộ");
        }

        List<MinutesService.AgendaInput> Agenda(Cell cell, Meeting m, DateOnly date, MeetingKind kind, Topic? topic, RollEntry chair, RollEntry secretary,
            RollEntry? drafter, List<RollEntry> present, GuestInfo? guest, bool poor)
        {
            // Speakers come round in turn so that many different members speak; the chair opens the reports.
            var queue = new Queue<RollEntry>(present.Where(r => r.MemberId != chair.MemberId && r.MemberId != secretary.MemberId).OrderBy(_ => rng.Next()));
            RollEntry Next()
            {
                var r = queue.Dequeue();
                queue.Enqueue(r);
                return r;
            }
            var workplace = cell.Kind != CellKind.Residential;
            string Fill(string s) => s.Replace("{noi}", Noi(cell)).Replace("{thang}", $"{date.Month}/{date.Year}")
                .Replace("{chude}", topic?.Name ?? "");
            var result = new List<MinutesService.AgendaInput>();
            foreach (var a in m.Agenda.OrderBy(a => a.Order))
            {
                if (a.Section != AgendaSection.Content)
                {
                    result.Add(new MinutesService.AgendaInput(a.Id, a.Section, a.Title, a.TopicId, null, null));
                    continue;
                }
                var remarks = new List<MinutesService.RemarkInput>();
                void Say(RollEntry who, string text) => remarks.Add(new MinutesService.RemarkInput(who.MemberId, null, Fill(text), a.TopicId));
                void Others(int count, IReadOnlyList<string> texts)
                {
                    foreach (var text in texts.OrderBy(_ => rng.Next()).Take(count)) Say(Next(), text);
                }
                string conclusion;
                switch (a.Title)
                {
                    case var t when t.StartsWith("Thông tin thời sự"):
                        Say(chair, News[date.Month - 1]);
                        Others(rng.Next(2), workplace ? NewsRemarksWork : NewsRemarks);
                        conclusion = "Đảng viên nắm được tình hình thời sự, chủ trương, chính sách mới; có trách nhiệm tuyên truyền đến " + (workplace ? "cán bộ, người lao động trong {noi}." : "gia đình và bà con trong {noi}.");
                        break;
                    case var t when t.StartsWith("Tình hình tư tưởng"):
                        Others(1 + rng.Next(2), workplace ? IdeologyWork : Ideology);
                        conclusion = "Tư tưởng đảng viên và " + (workplace ? "cán bộ, người lao động" : "nhân dân") + " ổn định, tin tưởng vào sự lãnh đạo của Đảng; chi ủy tiếp tục nắm bắt, giải đáp kịp thời những băn khoăn.";
                        break;
                    case var t when t.StartsWith("Kết quả thực hiện nghị quyết"):
                        Say(chair, $"Báo cáo kết quả thực hiện nghị quyết tháng {date.AddMonths(-1).Month}/{date.AddMonths(-1).Year}: " +
                            (poor ? "hoàn thành phần lớn nhiệm vụ, còn một số việc chậm do nhiều đảng viên đi làm xa." : "chi bộ hoàn thành các nhiệm vụ đề ra, một số việc còn chậm đã được phân công tiếp."));
                        Others(1 + rng.Next(2), workplace ? ResultsWork : Results);
                        conclusion = poor
                            ? "Kết quả chưa đạt yêu cầu ở một số nội dung; yêu cầu đảng viên đi làm xa báo cáo chi ủy và tham gia sinh hoạt đầy đủ."
                            : "Chi bộ hoàn thành cơ bản nghị quyết tháng trước; các nội dung còn chậm giao chi ủy đôn đốc, hoàn thành trong tháng.";
                        break;
                    case var t when t.StartsWith("Học tập và làm theo"):
                        Others(1 + rng.Next(2), HoChiMinh);
                        conclusion = "Mỗi đảng viên đăng ký và thực hiện ít nhất một việc làm cụ thể theo tấm gương của Bác; chi ủy kiểm tra vào cuối quý.";
                        break;
                    case var t when t.StartsWith("Nhiệm vụ tháng tới"):
                        Say(secretary, "Trình bày dự kiến nhiệm vụ tháng tới: " + string.Join(" ", Tasks(cell, date, 2).Select(x => x[3..])));
                        Others(rng.Next(3), workplace ? NextTasksWork : NextTasks);
                        conclusion = "Thống nhất các nhiệm vụ tháng tới và phân công đảng viên phụ trách từng việc, có thời hạn hoàn thành cụ thể.";
                        break;
                    case "Thảo luận":
                        Others(2 + rng.Next(3), workplace ? DiscussionWork : Discussion);
                        if (guest is not null)
                            remarks.Add(new MinutesService.RemarkInput(null, guest.Name, Fill(Pick(GuestRemarks)), null));
                        conclusion = "Chi ủy tiếp thu các ý kiến, bổ sung vào nghị quyết; những kiến nghị vượt thẩm quyền báo cáo Đảng ủy xã.";
                        break;
                    case var t when t.StartsWith("Bí thư nêu mục đích"):
                        Say(chair, "Buổi sinh hoạt chuyên đề nhằm giúp đảng viên hiểu rõ nội dung \"{chude}\", thống nhất nhận thức và đề ra việc làm cụ thể, thiết thực của chi bộ.");
                        conclusion = "Đảng viên nắm rõ mục đích, yêu cầu của buổi sinh hoạt chuyên đề.";
                        break;
                    case var t when t.StartsWith("Trình bày bản đề dẫn"):
                        Say(drafter ?? chair, "Trình bày bản đề dẫn: đánh giá thực trạng về \"{chude}\" tại {noi}, những ưu điểm, hạn chế và nguyên nhân; đề xuất ba nhóm giải pháp trong thời gian tới.");
                        conclusion = "Bản đề dẫn được chuẩn bị công phu, bám sát thực tiễn của chi bộ.";
                        break;
                    case var t when t.StartsWith("Đảng viên thảo luận"):
                        Others(3 + rng.Next(3), Thematic.GetValueOrDefault(topic?.Code ?? "") ?? Thematic["CD5"]);
                        conclusion = "Các ý kiến thảo luận thẳng thắn, sát thực tế; chi ủy tiếp thu để hoàn thiện nghị quyết chuyên đề.";
                        break;
                    case var t when t.StartsWith("Chủ trì kết luận"):
                        conclusion = "Chi bộ thống nhất cao với bản đề dẫn; giao chi ủy tiếp thu ý kiến, cụ thể hóa thành nghị quyết chuyên đề; mỗi đảng viên đăng ký ít nhất một việc làm cụ thể về \"{chude}\" và báo cáo kết quả vào cuối quý.";
                        break;
                    default:
                        Others(1 + rng.Next(2), Discussion);
                        conclusion = "Chi bộ thống nhất thực hiện.";
                        break;
                }
                result.Add(new MinutesService.AgendaInput(a.Id, a.Section, a.Title, a.TopicId, Fill(conclusion), remarks));
            }
            return result;
        }

        static string Noi(Cell cell) => cell.Kind == CellKind.Residential
            ? (cell.Code == "LC-PTT-K5" ? "khu phố" : "bản")
            : cell.Code switch { "LC-TD-THPT" => "nhà trường", "LC-PTT-YT" => "trạm y tế", _ => "cơ quan" };

        List<string> Tasks(Cell cell, DateOnly date, int count)
        {
            var list = new List<string> { cell.Kind == CellKind.Residential ? SeasonalTasks[date.Month - 1] : SeasonalTasksWork[date.Month - 1] };
            var kindTasks = cell.Code switch
            {
                "LC-TD-THPT" => SchoolTasks, "LC-PTT-YT" => HealthTasks, "LC-BL-UB" => AgencyTasks, _ => VillageTasks,
            };
            list.AddRange(kindTasks.OrderBy(_ => rng.Next()).Take(count - 1));
            return list.Select((t, i) => $"{i + 1}. {t.Replace("{noi}", Noi(cell))}").ToList();
        }

        string Resolution(Cell cell, DateOnly date, MeetingKind kind, Topic? topic)
        {
            var lines = new List<string>
            {
                kind == MeetingKind.Thematic
                    ? $"Nghị quyết chuyên đề \"{topic!.Name}\":"
                    : $"Nghị quyết chi bộ tháng {date.Month}/{date.Year}:",
            };
            if (kind == MeetingKind.Thematic)
                lines.AddRange([
                    $"1. Mỗi đảng viên đăng ký ít nhất một việc làm cụ thể về \"{topic!.Name}\", thực hiện đến hết năm {date.Year}.",
                    "2. Giao chi ủy xây dựng kế hoạch thực hiện, phân công đảng viên phụ trách, kiểm tra kết quả hằng quý.",
                    "3. Đưa nội dung chuyên đề vào kiểm điểm, đánh giá đảng viên cuối năm.",
                ]);
            else
            {
                var tasks = Tasks(cell, date, 3);
                if (kind == MeetingKind.Combined)
                    tasks.Add($"{tasks.Count + 1}. Về chuyên đề \"{topic!.Name}\": mỗi đảng viên đăng ký một việc làm cụ thể, chi ủy kiểm tra vào cuối quý.");
                tasks.Add($"{tasks.Count + 1}. Giao chi ủy đôn đốc, kiểm tra việc thực hiện; báo cáo kết quả tại kỳ sinh hoạt tháng sau.");
                lines.AddRange(tasks);
            }
            return string.Join("\n", lines);
        }
    }

    // ----- What people say. {noi}: bản, cơ quan, nhà trường, trạm y tế; {thang}: this month; {chude}: the topic. -----

    static readonly string[] News =
    [
        "Thông tin về công tác chuẩn bị Đại hội đại biểu toàn quốc lần thứ XIV của Đảng; hướng dẫn công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031.",
        "Thông tin về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng; kế hoạch bảo đảm an ninh trật tự dịp Tết Nguyên đán Bính Ngọ 2026.",
        "Thông tin về công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp; một số luật mới có hiệu lực thi hành.",
        "Thông tin kết quả bầu cử đại biểu Quốc hội khóa XVI và Hội đồng nhân dân các cấp; kỷ niệm 51 năm Ngày giải phóng miền Nam, thống nhất đất nước.",
        "Thông tin về kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh; chỉ đạo của tỉnh về phòng, chống thiên tai mùa mưa lũ năm 2026.",
        "Thông tin tình hình mưa lũ, sạt lở đất trên địa bàn tỉnh; kế hoạch thi tốt nghiệp trung học phổ thông năm 2026.",
        "Thông tin về kỷ niệm 79 năm Ngày Thương binh – Liệt sĩ; tình hình kinh tế – xã hội 6 tháng đầu năm của tỉnh.",
        "Thông tin về kỷ niệm 81 năm Cách mạng Tháng Tám và Quốc khánh 2/9; hướng dẫn phòng, chống dịch bệnh trên gia súc.",
        "Thông tin về khai giảng năm học 2026–2027; cảnh báo lũ quét, sạt lở đất cuối mùa mưa.",
        "Thông tin về ngày truyền thống Hội Nông dân Việt Nam 14/10; chính sách hỗ trợ phát triển cây chè, cây mắc ca của tỉnh.",
        "Thông tin về Ngày hội Đại đoàn kết toàn dân tộc 18/11 và Ngày Nhà giáo Việt Nam 20/11; hướng dẫn kiểm điểm, đánh giá, xếp loại tổ chức đảng và đảng viên năm 2026.",
        "Thông tin kết quả kỳ họp thứ 10 Quốc hội khóa XV; kế hoạch tổ chức Tết Nguyên đán Bính Ngọ 2026 vui tươi, an toàn, tiết kiệm.",
    ];

    static readonly string[] NewsRemarks =
    [
        "Đề nghị chi bộ phổ biến các chính sách mới đến từng hộ qua loa truyền thanh của {noi} và các buổi họp bản.",
        "Bà con rất quan tâm chính sách hỗ trợ làm nhà ở cho hộ nghèo; đề nghị chi ủy hỏi rõ xã thời gian thực hiện.",
        "Tôi đề nghị các đồng chí đảng viên là trưởng dòng họ tuyên truyền lại cho con cháu bằng tiếng dân tộc để bà con dễ hiểu.",
    ];

    static readonly string[] NewsRemarksWork =
    [
        "Đề nghị {noi} tổ chức quán triệt các văn bản mới đến toàn thể cán bộ, viên chức trong tuần.",
        "Tôi đề nghị đăng các văn bản mới lên nhóm Zalo của {noi} để mọi người cùng đọc và thực hiện.",
    ];

    static readonly string[] Ideology =
    [
        "Nhân dân trong {noi} phấn khởi vì đường bê tông đã làm xong; một số hộ còn lo giá chè búp tươi giảm.",
        "Một vài thanh niên bỏ đi làm ăn xa, gia đình lo lắng; đề nghị chi bộ phối hợp đoàn thanh niên nắm tình hình.",
        "Có hiện tượng người lạ vào {noi} tuyên truyền đạo trái phép; tôi đã báo công an xã, đề nghị bà con cảnh giác.",
        "Bà con băn khoăn về việc sáp nhập xã, thủ tục giấy tờ; chi bộ cần giải thích rõ để nhân dân yên tâm.",
    ];

    static readonly string[] IdeologyWork =
    [
        "Cán bộ, viên chức yên tâm công tác sau khi sắp xếp bộ máy; một số đồng chí còn băn khoăn về vị trí việc làm.",
        "Áp lực công việc tăng sau sáp nhập, đề nghị {noi} sắp xếp lịch trực hợp lý để anh em giữ sức khỏe.",
        "Tư tưởng đảng viên ổn định, đoàn kết; đề nghị chi ủy quan tâm hơn đến đảng viên trẻ mới chuyển về.",
    ];

    static readonly string[] Results =
    [
        "Tôi đã vận động được 3 hộ gia đình tham gia bảo hiểm y tế hộ gia đình, còn 1 hộ hẹn đến cuối tháng.",
        "Tổ tự quản của tôi đã ra quân vệ sinh đường nội {noi}, phát quang hơn một cây số đường.",
        "Còn 2 hộ chưa nộp quỹ phòng, chống thiên tai; đề nghị chi bộ giao tổ dân vận tiếp tục vận động.",
        "Tôi đã hoàn thành việc giúp đỡ gia đình ông Lò Văn Ún sửa lại chuồng trại, đưa gia súc ra xa nhà ở.",
        "Tự phê bình: tháng trước tôi còn nộp đảng phí chậm, xin hứa khắc phục ngay trong tháng này.",
    ];

    static readonly string[] ResultsWork =
    [
        "Bộ phận tôi đã giải quyết hồ sơ đúng hạn, không có hồ sơ trễ hẹn trong tháng.",
        "Tôi đã hoàn thành việc cập nhật số liệu lên phần mềm; còn chậm báo cáo tổng hợp hai ngày, xin rút kinh nghiệm.",
        "Tự phê bình: tôi còn để xảy ra sai sót nhỏ trong báo cáo tháng, đã chỉnh sửa kịp thời.",
    ];

    static readonly string[] HoChiMinh =
    [
        "Học tập tấm gương tiết kiệm của Bác, tôi đăng ký tiết kiệm điện, nước trong gia đình và nơi làm việc.",
        "Tôi đề nghị mỗi đảng viên nêu gương trong việc giữ gìn vệ sinh, không vứt rác bừa bãi.",
        "Bác dạy \"dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong\"; chi bộ cần bàn bạc với dân trước khi làm.",
        "Tôi xin kể lại câu chuyện Bác Hồ với đồng bào dân tộc Tây Bắc để đảng viên trẻ cùng học tập.",
        "Đề nghị biểu dương đồng chí đảng viên đã hiến đất làm đường, đó là việc làm theo Bác rất thiết thực.",
    ];

    static readonly string[] NextTasks =
    [
        "Tôi nhận nhiệm vụ theo dõi, giúp đỡ quần chúng ưu tú là đoàn viên thanh niên của {noi} trong thời gian học lớp cảm tình Đảng.",
        "Đề nghị giao tổ phụ nữ phối hợp vận động các hộ thu gom rác thải đúng nơi quy định.",
        "Tôi xin nhận phụ trách kiểm tra đoạn mương thủy lợi đầu {noi} trước mùa mưa.",
    ];

    static readonly string[] NextTasksWork =
    [
        "Tôi nhận hoàn thành báo cáo quý trước ngày 25 và gửi chi ủy cho ý kiến.",
        "Đề nghị phân công cụ thể người phụ trách từng nhiệm vụ để dễ kiểm tra, đánh giá cuối tháng.",
    ];

    static readonly string[] Discussion =
    [
        "Tôi nhất trí với dự thảo nghị quyết; đề nghị bổ sung nội dung phòng, chống cháy rừng trong mùa khô.",
        "Đề nghị chi bộ kiến nghị Đảng ủy xã sớm sửa chữa đoạn đường bị sạt lở đầu {noi}.",
        "Tôi đề nghị nghị quyết nêu rõ thời hạn và người chịu trách nhiệm đối với từng nhiệm vụ.",
        "Một số đảng viên đi họp chưa đúng giờ, đề nghị chi bộ nhắc nhở và ghi vào biên bản.",
        "Tự phê bình: tháng qua tôi chưa dành nhiều thời gian đi vận động bà con, tháng tới tôi sẽ khắc phục.",
        "Đề nghị chi bộ quan tâm những hộ có nguy cơ tái nghèo, giúp họ vay vốn phát triển chăn nuôi.",
        "Tôi góp ý với đồng chí tổ trưởng tổ tự quản cần sâu sát hơn, nắm chắc tình hình từng hộ.",
    ];

    static readonly string[] DiscussionWork =
    [
        "Tôi nhất trí với dự thảo nghị quyết; đề nghị bổ sung chỉ tiêu về chuyển đổi số trong {noi}.",
        "Đề nghị {noi} bố trí kinh phí sửa chữa máy tính, máy in đã hỏng để phục vụ công việc.",
        "Tôi góp ý đồng chí phụ trách bộ phận cần phân công công việc đều hơn, tránh dồn việc cho một người.",
        "Tự phê bình: tôi còn ngại va chạm, chưa thẳng thắn góp ý với đồng nghiệp; tháng tới tôi sẽ sửa.",
        "Đề nghị nghị quyết nêu rõ người chịu trách nhiệm và thời hạn của từng việc.",
    ];

    static readonly string[] GuestRemarks =
    [
        "Ghi nhận chi bộ đã chuẩn bị chu đáo, nội dung sát thực tế; đề nghị chi bộ quan tâm hơn đến công tác phát triển đảng viên.",
        "Đánh giá cao tinh thần thẳng thắn của các đồng chí; đề nghị nghị quyết tháng tới cụ thể, dễ kiểm tra hơn.",
        "Đảng ủy xã ghi nhận các kiến nghị của chi bộ và sẽ báo cáo để xem xét giải quyết trong tháng.",
    ];

    static readonly string[] OtherOpinions =
    [
        "Đề nghị bổ sung thời hạn hoàn thành việc sửa đường nội bản vào nghị quyết.",
        "Nhất trí, nhưng đề nghị giảm bớt chỉ tiêu vận động vì tháng tới là mùa thu hoạch.",
        "Đề nghị ghi rõ người phụ trách từng nhiệm vụ trong nghị quyết.",
    ];

    static readonly Dictionary<string, string[]> Thematic = new()
    {
        ["CD1"] =
        [
            "Mỗi cán bộ cần rà soát lại nhiệm vụ được giao, giải quyết công việc đúng hạn, không để tồn đọng.",
            "Đề nghị tăng cường tự học, ứng dụng công nghệ thông tin trong công việc chuyên môn.",
            "Tôi thấy một số đồng chí còn ngại đổi mới cách làm; chi bộ cần động viên, kèm cặp.",
            "Đề nghị đưa kết quả thực hiện nhiệm vụ chuyên môn vào đánh giá đảng viên hằng tháng.",
            "Tự phê bình: tôi còn chậm trong việc hoàn thành hồ sơ, sẽ lập kế hoạch công việc từng tuần.",
        ],
        ["CD2"] =
        [
            "Bộ phận một cửa của xã đã tiếp nhận hồ sơ trực tuyến; đề nghị hướng dẫn bà con dùng dịch vụ công trực tuyến.",
            "Thủ tục chứng thực còn mất nhiều thời gian, đề nghị niêm yết công khai quy trình, thời hạn.",
            "Đảng viên trẻ nên giúp người cao tuổi cài ứng dụng định danh điện tử.",
            "Cần chấm dứt tình trạng hẹn lại nhiều lần, gây phiền hà cho người dân.",
            "Tôi đề nghị lấy ý kiến người dân về mức độ hài lòng mỗi quý.",
        ],
        ["CD3"] =
        [
            "Đề nghị nhân rộng mô hình dân vận khéo vận động hiến đất làm đường như ở {noi} năm trước.",
            "Cần giữ gìn tiêu chí nông thôn mới đã đạt, nhất là tiêu chí môi trường và thu nhập.",
            "Đảng viên phải gương mẫu trước trong việc xây dựng khu dân cư kiểu mẫu, không để người dân phải nhắc.",
            "Tôi đề nghị khen thưởng kịp thời những hộ tích cực đóng góp ngày công làm đường.",
            "Nên phối hợp với Mặt trận tổ chức Ngày hội Đại đoàn kết để gắn kết bà con các dân tộc.",
        ],
        ["CD4"] =
        [
            "Chi bộ cần giao đảng viên theo dõi, giúp đỡ quần chúng ưu tú là đoàn viên thanh niên, bộ đội xuất ngũ.",
            "Nhiều thanh niên đi làm ăn xa nên khó tạo nguồn; đề nghị liên hệ với nơi các em làm việc.",
            "Tôi đề nghị giới thiệu em Tòng Văn Dũng, đoàn viên xuất sắc, đi học lớp bồi dưỡng nhận thức về Đảng.",
            "Đảng viên cần gương mẫu để quần chúng thấy và muốn phấn đấu vào Đảng.",
            "Chi bộ phấn đấu năm nay kết nạp ít nhất một đảng viên mới.",
        ],
        ["CD5"] =
        [
            "Mỗi đảng viên phải nêu gương trong gia đình và ở khu dân cư, nói đi đôi với làm.",
            "Cần kiên quyết đấu tranh với biểu hiện suy thoái, \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ.",
            "Tự phê bình và phê bình phải thẳng thắn, chân thành, không nể nang, né tránh.",
            "Tôi đề nghị mỗi đảng viên đăng ký việc làm theo Bác và được kiểm tra định kỳ.",
            "Học Bác ở đức tính giản dị: tổ chức việc cưới, việc tang tiết kiệm, đúng quy ước của {noi}.",
        ],
    };

    static readonly string[] IllnessTexts = ["Ốm, đang điều trị tại Trạm Y tế xã", "Nằm viện tại Bệnh viện đa khoa tỉnh", "Bị sốt, nghỉ ở nhà theo dõi", "Đau lưng, đi lại khó khăn"];
    static readonly string[] WorkTexts = ["Đi công tác tại tỉnh", "Trực cơ quan", "Dự lớp tập huấn của tỉnh", "Trực phòng, chống thiên tai", "Tham gia đoàn kiểm tra của xã"];
    static readonly string[] TravelTexts = ["Đi thăm người nhà ốm ở Hà Nội", "Về quê dự đám cưới của cháu", "Đưa con đi khám bệnh ở Hà Nội", "Đi nhập hàng ở Lào Cai"];
    static readonly string[] SeasonalWork = ["Đi làm nương xa nhà, ở lại lán", "Đi thu hoạch chè cho hợp tác xã", "Đi làm thuê ở thị xã", "Lên rẫy trồng sắn, chưa về kịp"];

    static readonly string[] SeasonalTasks =
    [
        "Theo dõi Đại hội XIV của Đảng; vận động nhân dân đón Tết Nguyên đán Bính Ngọ vui tươi, an toàn, không đốt pháo.",
        "Giữ gìn an ninh trật tự dịp Tết; phòng chống rét cho người và gia súc.",
        "Tuyên truyền, vận động 100% cử tri trong {noi} đi bầu cử đại biểu Quốc hội khóa XVI và Hội đồng nhân dân các cấp.",
        "Chuẩn bị gieo mạ, cấy lúa; nạo vét mương nội đồng.",
        "Rà soát nhà ở, điểm có nguy cơ sạt lở; chuẩn bị phương án di dời khi có mưa lớn.",
        "Duy trì tổ xung kích phòng chống thiên tai; không để trẻ em tắm suối.",
        "Thăm hỏi, tặng quà gia đình chính sách nhân Ngày Thương binh – Liệt sĩ 27/7.",
        "Vận động 100% trẻ em trong độ tuổi đến trường, chuẩn bị năm học mới.",
        "Chăm sóc, thu hoạch chè; vận động bán sản phẩm cho hợp tác xã theo hợp đồng.",
        "Thu hoạch lúa mùa gọn, nhanh; chuẩn bị đất trồng cây vụ đông.",
        "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư; chuẩn bị kiểm điểm, đánh giá đảng viên cuối năm.",
        "Tổng kết công tác năm; chuẩn bị đón Tết, chăm lo cho hộ nghèo, gia đình chính sách.",
    ];

    static readonly string[] SeasonalTasksWork =
    [
        "Học tập, theo dõi Đại hội XIV của Đảng; bố trí trực Tết đầy đủ.",
        "Nhanh chóng ổn định công việc sau Tết; không uống rượu bia trong giờ làm việc.",
        "Tham gia phục vụ bầu cử đại biểu Quốc hội khóa XVI và Hội đồng nhân dân các cấp.",
        "Hoàn thành các chỉ tiêu quý I, xây dựng kế hoạch quý II.",
        "Tổ chức hoạt động kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh; phòng chống thiên tai tại {noi}.",
        "Sơ kết 6 tháng, đánh giá việc thực hiện nhiệm vụ chuyên môn.",
        "Thăm hỏi gia đình chính sách nhân Ngày Thương binh – Liệt sĩ 27/7.",
        "Chuẩn bị các điều kiện cho năm học mới và kế hoạch công tác quý IV.",
        "Bảo đảm an toàn cơ sở vật chất trong mùa mưa lũ.",
        "Hoàn thành chỉ tiêu 9 tháng; rà soát, đẩy nhanh các việc còn chậm.",
        "Chuẩn bị kiểm điểm, đánh giá, xếp loại đảng viên và cán bộ, viên chức năm 2026.",
        "Tổng kết công tác năm; lập kế hoạch năm mới.",
    ];

    static readonly string[] VillageTasks =
    [
        "Vận động các hộ tham gia bảo hiểm y tế, phấn đấu đạt trên 95%.",
        "Ra quân vệ sinh đường làng, ngõ xóm vào sáng Chủ nhật cuối tháng.",
        "Giúp đỡ hộ nghèo phát triển chăn nuôi, trồng chè, không để tái nghèo.",
        "Phòng, chống dịch tả lợn châu Phi; tiêm phòng đầy đủ cho đàn gia súc.",
        "Giữ gìn an ninh trật tự, phòng chống ma túy trong {noi}.",
    ];

    static readonly string[] AgencyTasks =
    [
        "Giải quyết hồ sơ thủ tục hành chính đúng hạn, không để trễ hẹn.",
        "Đẩy mạnh dịch vụ công trực tuyến, hướng dẫn người dân nộp hồ sơ qua mạng.",
        "Thực hiện nghiêm kỷ luật, kỷ cương hành chính, giờ giấc làm việc.",
    ];

    static readonly string[] SchoolTasks =
    [
        "Nâng cao chất lượng dạy và học; ôn tập cho học sinh lớp 12.",
        "Duy trì sĩ số, vận động học sinh bỏ học trở lại lớp.",
        "Bảo đảm an toàn cho học sinh bán trú trong mùa mưa.",
    ];

    static readonly string[] HealthTasks =
    [
        "Thực hiện tiêm chủng mở rộng đúng lịch, không bỏ sót trẻ.",
        "Phòng, chống sốt xuất huyết, bệnh tay chân miệng trong cộng đồng.",
        "Nâng cao tinh thần, thái độ phục vụ người bệnh.",
    ];
}
