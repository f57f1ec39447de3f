using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using ChiBo.Features.Documents;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>
/// The meeting book (sổ họp chi bộ) as DOCX: each meeting's minutes laid out like a page of the handwritten
/// book — header, the fields a secretary fills in, what each speaker said, conclusion, resolution and vote,
/// the score sheet, signatures, then any addenda. A4, Times New Roman 13 pt (Liberation Serif renders it offline).
/// </summary>
public static class MeetingBook
{
    public const string ContentType = Docx.ContentType;

    /// <summary>The cell's book (sổ họp chi bộ) or, with <paramref name="committee"/>, the cell committee's (sổ họp chi ủy).</summary>
    public static async Task<byte[]> YearAsync(AppDbContext db, UserScope scope, int cellId, int year, bool committee = false, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var ids = await db.Meetings.Where(m => m.CellId == cellId && m.Status == MeetingStatus.Adopted && m.Date >= from && m.Date < from.AddYears(1)
                && (m.Kind == MeetingKind.Committee) == committee)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).Select(m => m.Id).ToListAsync(ct);
        var list = new List<MeetingDto>();
        foreach (var id in ids) list.Add((await MeetingQueries.LoadAsync(db, scope, id, ct))!);
        var cover = await Letterheads.ForUnitAsync(db, cellId, new DateOnly(year, 12, 31), null, null, ct);
        return Render(list, cover, await HeadsAsync(db, list, ct), year, committee ? "SỔ HỌP CHI ỦY" : "SỔ HỌP CHI BỘ");
    }

    /// <summary>Each meeting's letterhead on its own date, with the minutes' number where they were entered in the register (BB).</summary>
    static async Task<Dictionary<int, Letterhead>> HeadsAsync(AppDbContext db, List<MeetingDto> meetings, CancellationToken ct)
    {
        var heads = new Dictionary<int, Letterhead>();
        foreach (var m in meetings) heads[m.Id] = (await Letterheads.ForSourceAsync(db, m.CellId, m.Date, SourceKinds.Minutes, m.Id, ct)) is var h && h.Date is null ? h with { Date = m.Date } : h;
        return heads;
    }

    public static async Task<byte[]> MeetingAsync(AppDbContext db, MeetingDto m, CancellationToken ct = default) =>
        OfficialLayout.Render(await MinutesDocumentAsync(db, m, ct));

    /// <summary>One meeting's minutes as a register document (Biên bản): the letterhead on the meeting's date, then the minutes.</summary>
    public static async Task<OfficialDocument> MinutesDocumentAsync(AppDbContext db, MeetingDto m, CancellationToken ct = default) =>
        new((await HeadsAsync(db, [m], ct))[m.Id], null, null, body => MinutesBody(body, m));

    public static byte[] Render(List<MeetingDto> meetings, Letterhead? cover, Dictionary<int, Letterhead> heads, int? bookYear, string bookTitle = "SỔ HỌP CHI BỘ")
    {
        return Docx.Build(body =>
        {
            if (bookYear is { } y && cover is not null)
            {
                OfficialLayout.Head(body, cover);
                body.Append(P(bookTitle, bold: true, size: 32, center: true, before: 2400));
                body.Append(P($"Năm {y}", bold: true, size: 28, center: true));
                body.Append(P($"Gồm {meetings.Count} biên bản đã thông qua", center: true, italic: true));
                body.Append(Docx.PageBreak());
            }
            for (var i = 0; i < meetings.Count; i++)
            {
                Minutes(body, meetings[i], heads[meetings[i].Id]);
                if (i < meetings.Count - 1) body.Append(Docx.PageBreak());
            }
            if (meetings.Count == 0) body.Append(P("Chưa có biên bản nào được thông qua.", italic: true));
        });
    }

    static void Minutes(Body body, MeetingDto m, Letterhead head)
    {
        OfficialLayout.Head(body, head);
        MinutesBody(body, m);
    }

    static void MinutesBody(Body body, MeetingDto m)
    {
        var mm = m.Minutes!;
        body.Append(P("BIÊN BẢN", bold: true, size: 30, center: true, before: 240));
        body.Append(P($"Sinh hoạt chi bộ {m.KindText.ToLowerInvariant()} tháng {m.Date:MM} năm {m.Date:yyyy}", bold: true, center: true));
        body.Append(P(m.Title, italic: true, center: true));
        if (mm.HashIntact == false) body.Append(Warning("CẢNH BÁO: biên bản không khớp với bản đã niêm phong — nội dung dưới đây không phải bản đã thông qua (xem cuối biên bản)."));
        Field(body, "Thời gian bắt đầu", mm.StartedAt is { } s ? $"{s:HH} giờ {s:mm} phút, ngày {m.Date.Vn()}" : "");
        Field(body, "Địa điểm", m.Place);
        if (m.TopicName is not null) Field(body, "Chủ đề", m.TopicName);
        Field(body, "Chủ trì", mm.Chair?.Name ?? "");
        Field(body, "Thư ký", mm.MinutesSecretary?.Name ?? "");
        Field(body, "Khách mời (đại biểu cấp trên)", string.IsNullOrWhiteSpace(mm.Guests) ? "không có" : mm.Guests.Replace("\n", "; "));
        var a = m.AttendanceSummary;
        var official = m.Attendance.Count(x => x.Official);
        Field(body, "Tổng số đảng viên của chi bộ", $"{a.Roll} (chính thức {official}, dự bị {a.Roll - official}); miễn sinh hoạt {a.Exempt}; nhiệm vụ đặc biệt {a.SpecialDuty}");
        Field(body, "Có mặt", $"{a.Present}/{a.Expected} đồng chí phải dự ({a.RateText})");
        var absent = m.Attendance.Where(x => x.Status is AttendanceStatus.AbsentExcused or AttendanceStatus.AbsentUnexcused).ToList();
        Field(body, "Vắng", absent.Count == 0 ? "không" : string.Join("; ", absent.Select(x =>
            x.Status == AttendanceStatus.AbsentUnexcused ? $"{x.FullName} (không lý do)" : $"{x.FullName} ({x.Reason?.Vietnamese().ToLowerInvariant()}{(string.IsNullOrWhiteSpace(x.ReasonText) ? "" : ": " + x.ReasonText)})")));

        body.Append(P("NỘI DUNG", bold: true, before: 200));
        var n = 0;
        foreach (var item in mm.Agenda)
        {
            body.Append(P($"{++n}. {item.Title}", bold: true, before: 120));
            foreach (var r in item.Remarks) body.Append(Run2($"Đồng chí {r.SpeakerName}: ", r.Text, indent: true));
            if (!string.IsNullOrWhiteSpace(item.Conclusion)) body.Append(Run2("Chủ trì kết luận: ", item.Conclusion, indent: true, boldLabel: true));
        }
        body.Append(P("NGHỊ QUYẾT", bold: true, before: 200));
        foreach (var line in (mm.Resolution ?? "(không có)").Split('\n')) body.Append(P(line.TrimEnd(), justify: true));
        var voters = m.Attendance.Count(x => x.Official && x.Status == AttendanceStatus.Present);
        body.Append(P($"Biểu quyết: {mm.VotesFor}/{voters} đảng viên chính thức có mặt tán thành; {mm.VotesAgainst} không tán thành; {mm.VotesOther} ý kiến khác.", before: 80));
        foreach (var v in mm.Votes.Where(v => v.Choice == VoteChoice.Other || !string.IsNullOrWhiteSpace(v.Opinion)))
            body.Append(Run2($"Ý kiến khác của đồng chí {v.FullName}: ", v.Opinion ?? "", indent: true));
        body.Append(P($"Buổi sinh hoạt kết thúc lúc {(mm.EndedAt is { } e ? $"{e:HH} giờ {e:mm} phút" : "...")}" +
            (mm.DurationMinutes is { } d ? $" (thời lượng {d} phút)." : "."), before: 120));
        if (mm.ReadBack) body.Append(P("Biên bản đã được đọc lại trước chi bộ và được thông qua.", italic: true));

        if (m.Rating is { } rating) ScoreSheet(body, rating);

        var sig = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        TableCell Signer(string role, PersonRef? who, DateTime? at) => new(
            P(role, bold: true, center: true, before: 240),
            P(at is { } t ? $"(Đã ký {VnTime.Stamp(t)})" : "(Chưa ký)", italic: true, center: true),
            P(who?.Name ?? "", bold: true, center: true, before: 480));
        sig.Append(new TableRow(Signer("THƯ KÝ", mm.MinutesSecretary, mm.SecretarySignedAt), Signer("CHỦ TRÌ", mm.Chair, mm.ChairSignedAt)));
        body.Append(sig);
        // A record that fails its check never carries the stored hash, which would vouch for text it no longer matches.
        if (mm.HashIntact == false)
            body.Append(Warning("CẢNH BÁO: biên bản không khớp với bản đã niêm phong lúc thông qua. " + string.Join(" ", mm.IntegrityProblems)));
        else if (mm.ContentHash is not null)
            body.Append(P($"Mã kiểm tra nội dung (SHA-256): {mm.ContentHash}", size: 18, italic: true, before: 200));

        foreach (var ad in mm.Addenda)
        {
            body.Append(P($"PHỤ LỤC ĐÍNH CHÍNH BIÊN BẢN, ngày {ad.Date.Vn()}", bold: true, before: 240));
            foreach (var line in ad.Text.Split('\n')) body.Append(P(line.TrimEnd(), justify: true));
            body.Append(P(ad.SignedAt is { } t ? $"Đã ký {VnTime.Stamp(t)} ({ad.SignedBy})" : "(Chưa ký)", italic: true));
            if (ad.Intact == false) body.Append(Warning("CẢNH BÁO: phụ lục này đã bị sửa ngoài hệ thống, không khớp với bản đã niêm phong."));
        }
    }

    /// <summary>A red, bold paragraph: what a reader of the printed book must not miss.</summary>
    static Paragraph Warning(string text) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = "200", After = "60" }),
        new Run(new RunProperties(new Bold(), new Color { Val = "C00000" }), new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));

    static void ScoreSheet(Body body, RatingDto r)
    {
        body.Append(P("PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT", bold: true, center: true, before: 240));
        var t = Docx.Grid();
        t.Append(Row(true, "Tiêu chí", "Tối đa", "Điểm", "Căn cứ"));
        foreach (var s in r.Scores)
            t.Append(Row(false, s.Title, s.MaxPoints.ToString(), s.Points.ToString("0.#"), s.Automatic ? s.Basis ?? "" : "Chi ủy chấm"));
        t.Append(Row(true, "Tổng cộng", "100", r.Total.ToString("0.#"), $"Xếp loại: {r.LevelText}{(r.Capped ? " (giới hạn ở Khá)" : "")}"));
        body.Append(t);
        var steps = $"Chi ủy đề xuất; chi bộ biểu quyết {r.VotesFor?.ToString() ?? "..."} tán thành, {r.VotesAgainst?.ToString() ?? "..."} không tán thành";
        if (r.ConfirmedAt is { } c) steps += $"; cấp trên xác nhận {VnTime.Stamp(c)} ({r.ConfirmedBy})" + (r.ConfirmationNote is { } note ? $": {note}" : "");
        body.Append(P(steps + ".", italic: true, size: 22));
    }

    static TableRow Row(bool header, params string[] cells) => new(cells.Select(c => new TableCell(P(c, bold: header, size: 22))));

    static void Field(Body body, string label, string value) => body.Append(Run2(label + ": ", value));
    static Paragraph Run2(string label, string text, bool indent = false, bool boldLabel = false) => Docx.Labelled(label, text, indent, boldLabel);
    static Paragraph P(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false, int? size = null, int before = 0, bool underline = false) =>
        Docx.P(text, bold, italic, center, justify, size, before, underline);
}
