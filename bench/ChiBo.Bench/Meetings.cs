using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Rules;

namespace ChiBo.Bench;

/// <summary>The monitoring group that watches a cell (one per commune committee), and its leader's account.</summary>
public sealed record Watcher(int GroupId, string UserId, string UserName);

/// <summary>
/// A cell's year: the approved thematic plan, 12 periodic meetings on the rule set's day (the 3rd) and one thematic meeting
/// a quarter, each held and adopted as MinutesService leaves it (attendance, agenda, chair and secretary, votes, read back,
/// hash, both signatures), its rating, and the visits of the commune's monitoring group.
/// </summary>
public sealed class Meetings(Context ctx)
{
    static readonly string[] PeriodicLines = RuleSets.AgendaLines(RuleSets.DefaultPeriodicAgenda);
    static readonly string[] ThematicLines = RuleSets.AgendaLines(RuleSets.DefaultThematicAgenda);
    static readonly string[] PlanTitles =
    [
        "Nâng cao chất lượng thực hiện nhiệm vụ được giao", "Cải cách hành chính, phục vụ nhân dân", "Dân vận khéo trong xây dựng nông thôn mới, đô thị văn minh",
        "Tạo nguồn phát triển đảng viên mới", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm, chống lãng phí",
    ];

    public void ForCell(UnitRef cell, UnitRef parent, List<Person> people, Watcher? monitor, Random rng)
    {
        var t = ctx.Tables;
        var officials = people.Where(p => !p.Exempt && p.Official is not null).ToList();
        if (officials.Count == 0) return;
        var secretary = officials[0];
        var deputy = officials.Count > 1 ? officials[1] : secretary;
        var clerk = officials.Count > 2 ? officials[2] : deputy;
        var quality = 0.80 + rng.NextDouble() * 0.18;
        var topics = Plan(cell, parent, officials, rng);
        var place = cell.Kind == CellKind.Residential ? $"Nhà văn hóa {cell.Name.Replace("Chi bộ ", "")}" : "Hội trường cơ quan";
        var start = cell.Kind == CellKind.Residential ? new TimeOnly(19, 30) : new TimeOnly(14, 0);

        for (var i = 0; i < 12; i++)
        {
            var month = Context.FirstMonth.AddMonths(i);
            var date = new DateOnly(month.Year, month.Month, ctx.MeetingDay);
            var visited = monitor is not null && rng.Next(6) == 0;
            One(cell, people, MeetingKind.Periodic, date, start, place, $"Sinh hoạt chi bộ thường kỳ tháng {date:MM/yyyy}", null, secretary, deputy, clerk,
                quality, visited ? monitor : null, rng);
        }
        for (var q = 1; q <= 4; q++)
        {
            var (topicId, title, preparer) = topics[q - 1];
            var date = new DateOnly(Context.Year, q * 3 - 1, 15 + rng.Next(10));
            One(cell, people, MeetingKind.Thematic, date, start, place, title, (topicId, preparer), secretary, deputy, clerk, quality, null, rng);
        }
    }

    List<(int TopicId, string Title, int Preparer)> Plan(UnitRef cell, UnitRef parent, List<Person> officials, Random rng)
    {
        var t = ctx.Tables;
        var id = ctx.Ids.Next("ThematicPlans");
        var late = rng.NextDouble() < 0.12;
        var submitted = Context.Utc(new DateOnly(Context.Year, late ? 2 : 1, late ? 6 + rng.Next(18) : 8 + rng.Next(23)), new TimeOnly(9, 0));
        var reviewed = submitted.AddDays(2 + rng.Next(4));
        var by = $"bithu.{cell.Code.ToLowerInvariant()}";
        var reviewer = $"vp.{parent.Code.ToLowerInvariant()}";
        var comment = late ? "Kế hoạch gửi muộn so với hạn 05/02; đề nghị rút kinh nghiệm." : "Nhất trí với kế hoạch.";
        t["ThematicPlans"].Row().I(id).I(cell.Id).I(Context.Year).S(nameof(PlanStatus.Approved)).I(parent.Id).Ts(submitted).Ts(submitted).S(by)
            .Ts(reviewed).S(reviewer).S(comment).Ts(submitted.AddDays(-2)).I(2);
        t["PlanEvents"].Row().I(ctx.Ids.Next("PlanEvents")).I(id).S(nameof(PlanAction.Submitted)).Ts(submitted).S(by).S(null);
        t["PlanEvents"].Row().I(ctx.Ids.Next("PlanEvents")).I(id).S(nameof(PlanAction.Approved)).Ts(reviewed).S(reviewer).S(comment);
        var items = new List<(int, string, int)>();
        var shift = rng.Next(ctx.TopicIds.Length);
        for (var q = 1; q <= 4; q++)
        {
            var k = (q + shift) % ctx.TopicIds.Length;
            var preparer = officials[rng.Next(officials.Count)].Id;
            t["ThematicPlanItems"].Row().I(ctx.Ids.Next("ThematicPlanItems")).I(id).I(q).I(null).I(ctx.TopicIds[k]).S(PlanTitles[k % PlanTitles.Length]).I(preparer);
            items.Add((ctx.TopicIds[k], PlanTitles[k % PlanTitles.Length], preparer));
        }
        return items;
    }

    void One(UnitRef cell, List<Person> people, MeetingKind kind, DateOnly date, TimeOnly start, string place, string title, (int TopicId, int Preparer)? thematic,
        Person secretary, Person deputy, Person clerk, double quality, Watcher? monitor, Random rng)
    {
        var t = ctx.Tables;
        var m = new Meeting
        {
            Id = ctx.Ids.Next("Meetings"), CellId = cell.Id, Kind = kind, Status = MeetingStatus.Adopted, Date = date, StartTime = start, Place = place,
            Title = title, TopicId = thematic?.TopicId, ContentPreparerId = deputy.Id, ResolutionDrafterId = clerk.Id, PaperDrafterId = thematic?.Preparer,
            ReadBack = true,
        };
        // Roll call: everyone on the roll that day (probationary members admitted later are not); chair and clerk are present.
        int present = 0, officialsPresent = 0, unexcused = 0, counted = 0;
        foreach (var p in people)
        {
            if (p.Admitted > date || p.JoinedCell > date) continue;
            var official = p.Official is { } o && o <= date;
            var a = new Attendance { MeetingId = m.Id, MemberId = p.Id, Official = !p.Exempt && official };
            if (p.Exempt) a.Status = AttendanceStatus.Exempt;
            else
            {
                counted++;
                var r = rng.NextDouble();
                if (p == secretary || p == clerk || r < quality) a.Status = AttendanceStatus.Present;
                else if (r < quality + (1 - quality) * 0.9)
                {
                    a.Status = AttendanceStatus.AbsentExcused;
                    a.Reason = (AbsenceReason)(rng.Next(10) switch { < 3 => 0, < 7 => 1, < 9 => 2, _ => 3 });
                    if (a.Reason == AbsenceReason.Other) a.ReasonText = "Việc gia đình";
                    if (rng.Next(2) == 0) a.AnnouncedAt = Context.Utc(date.AddDays(-1), new TimeOnly(20, 0));
                }
                else { a.Status = AttendanceStatus.AbsentUnexcused; unexcused++; }
                if (a.Status == AttendanceStatus.Present) { present++; if (a.Official) officialsPresent++; }
            }
            m.Attendance.Add(a);
        }
        m.ChairId = secretary.Id;
        m.MinutesSecretaryId = clerk.Id;
        var late = rng.Next(20) == 0 ? rng.Next(5, 20) : rng.Next(0, 5);
        m.StartedAt = start.AddMinutes(late);
        var minutes = rng.Next(25) == 0 ? 60 + rng.Next(30) : 90 + rng.Next(kind == MeetingKind.Thematic ? 40 : 60);
        m.EndedAt = m.StartedAt.Value.AddMinutes(minutes);
        var lines = kind == MeetingKind.Thematic ? ThematicLines : PeriodicLines;
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            var section = l.StartsWith("Mở đầu:") ? AgendaSection.Opening : l.StartsWith("Kết thúc:") ? AgendaSection.Closing : AgendaSection.Content;
            var text = section switch { AgendaSection.Opening => l["Mở đầu:".Length..].Trim(), AgendaSection.Closing => l["Kết thúc:".Length..].Trim(), _ => l };
            m.Agenda.Add(new AgendaItem
            {
                MeetingId = m.Id, Order = i + 1, Section = section, Title = text, TopicId = section == AgendaSection.Content ? thematic?.TopicId : null,
                Conclusion = section == AgendaSection.Content ? "Chi bộ nhất trí; giao chi ủy theo dõi, đôn đốc thực hiện." : null,
            });
        }
        if (kind == MeetingKind.Periodic)
        {
            m.Resolution = $"Nghị quyết chi bộ tháng {date:MM/yyyy}: thực hiện nhiệm vụ tháng tới theo phân công; mỗi đảng viên hoàn thành việc được giao.";
            foreach (var a in m.Attendance.Where(a => a.Status == AttendanceStatus.Present && a.Official))
                m.Votes.Add(new Vote { MeetingId = m.Id, MemberId = a.MemberId, Choice = VoteChoice.For });
        }
        m.ContentHash = MinutesHash.Compute(m);

        var ended = Context.Utc(date, m.EndedAt.Value);
        var signer = "dữ liệu mẫu (ghi nhận chữ ký trên sổ)";
        var notice = Context.Utc(date.AddDays(-2), new TimeOnly(8, 0));
        t["Meetings"].Row().I(m.Id).I(m.CellId).S(kind.ToString()).S(nameof(MeetingStatus.Adopted)).D(date).T(start).S(place).S(title).I(m.TopicId)
            .I(m.ContentPreparerId).I(m.ResolutionDrafterId).I(m.PaperDrafterId).Ts(notice).S($"bithu.{cell.Code.ToLowerInvariant()}").T(m.StartedAt).T(m.EndedAt)
            .I(m.ChairId).I(m.MinutesSecretaryId).S(null).S(m.Resolution).B(true).Ts(ended).S(m.ContentHash).Ts(ended.AddMinutes(5)).S(signer)
            .Ts(ended.AddMinutes(6)).S(signer).Ts(notice.AddDays(-10)).Ts(ended.AddMinutes(6)).I(8);
        foreach (var a in m.Attendance)
            t["Attendances"].Row().I(ctx.Ids.Next("Attendances")).I(m.Id).I(a.MemberId).S(a.Status.ToString()).S(a.Reason?.ToString()).S(a.ReasonText)
                .Ts(a.AnnouncedAt).S(null).B(a.Official);
        foreach (var a in m.Agenda)
            t["AgendaItems"].Row().I(ctx.Ids.Next("AgendaItems")).I(m.Id).I(a.Order).S(a.Section.ToString()).S(a.Title).I(a.TopicId).S(a.Conclusion);
        foreach (var v in m.Votes)
            t["Votes"].Row().I(ctx.Ids.Next("Votes")).I(m.Id).I(v.MemberId).S(nameof(VoteChoice.For)).S(null);

        var visit = monitor is null ? null : Visit(m, monitor, date, rng);
        Rate(m, present, counted, officialsPresent, unexcused, minutes, quality, ended, visit, rng);
    }

    (string By, DateTime At)? Visit(Meeting m, Watcher monitor, DateOnly date, Random rng)
    {
        var t = ctx.Tables;
        var assignment = ctx.Ids.Next("VisitAssignments");
        t["VisitAssignments"].Row().I(assignment).I(monitor.GroupId).I(m.Id).S(monitor.UserId)
            .Ts(Context.Utc(new DateOnly(date.Year, date.Month, 1), new TimeOnly(8, 0))).S(monitor.UserName);
        var attended = rng.Next(12) != 0;
        var at = Context.Utc(date, new TimeOnly(22, 0));
        t["Visits"].Row().I(ctx.Ids.Next("Visits")).I(assignment).B(attended).S(attended ? null : "Trùng lịch họp Đảng ủy")
            .S(null).S(null).S(attended ? "Sinh hoạt đúng giờ, đúng trình tự; đảng viên phát biểu sôi nổi." : null).S(null)
            .S(attended ? "Nghị quyết cần giao việc cụ thể cho từng đảng viên, có thời hạn." : null).B(attended).Ts(at);
        return attended ? (monitor.UserName, at) : null;
    }

    /// <summary>The score sheet from the rubric's parts: measurable parts follow the record, the rest is drawn; gating shortfalls cap Tốt at Khá.</summary>
    void Rate(Meeting m, int present, int counted, int officialsPresent, int unexcused, int minutes, double quality, DateTime ended, (string By, DateTime At)? confirmed, Random rng)
    {
        var rate = counted == 0 ? 1.0 : (double)present / counted;
        var attendance = rate * 100 >= 85 ? 15 : (int)Math.Round(15 * rate);
        var noUnexcused = unexcused == 0 ? 5 : 0;
        var duration = minutes >= 90 ? 10 : 5;
        var participation = rng.Next(10) < 9 ? 10 : 6 + rng.Next(4);
        var manual = 12 + rng.Next(4) + 3 + rng.Next(3) + 6 + rng.Next(5) + 7 + rng.Next(4); // CB1-3, TH1, TH4, TH5
        if (quality < 0.84 && rng.Next(5) == 0) manual -= 10 + rng.Next(25); // a weak meeting now and then
        decimal total = attendance + noUnexcused + duration + participation + manual + 5 + 5 + 10;
        var rules = ctx.Rules;
        var gatingShort = attendance < 15 || noUnexcused < 5 || duration < 10 || participation < 10;
        var level = total >= rules.GoodMin ? RatingLevel.Good : total >= rules.FairMin ? RatingLevel.Fair : total >= rules.AverageMin ? RatingLevel.Average : RatingLevel.Poor;
        var capped = level == RatingLevel.Good && gatingShort;
        if (capped) level = RatingLevel.Fair;
        ctx.Tables["MeetingRatings"].Row().I(ctx.Ids.Next("MeetingRatings")).I(m.Id).I(ctx.RuleSetId).N(total).S(level.ToString()).B(capped)
            .S((confirmed is null ? RatingStatus.Voted : RatingStatus.Confirmed).ToString()).S(m.ChairId is null ? null : "chi ủy").Ts(ended).S(null)
            .I(officialsPresent).I(0).Ts(ended.AddMinutes(2)).S(confirmed?.By).Ts(confirmed?.At).S(null).I(confirmed is null ? 1 : 2);
    }
}
