using ChiBo.Features.Audit;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

/// <summary>
/// Seed 002 as the province ran it in April 2017, on the tree as it was then (Bình Lư under Huyện ủy Tam Đường):
/// the cells' reports in every state — Nà Khum on time, returned, resubmitted and accepted; Bản Bình Lư late and
/// accepted; Mường So on time and waiting for its commune; the UBND agency cell returned and not yet resubmitted;
/// the others missing — and Bình Lư's compiled report with its conference, submitted to the district on time.
/// Made through the service with the clock set to each day, like the meetings.
/// </summary>
public static class DemoCampaigns
{
    public const string Title = "Tổng kết 10 năm thực hiện Chỉ thị số 10-CT/TW về nâng cao chất lượng sinh hoạt chi bộ";

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (sp.GetService<AuditRecorder>() is { } audit) audit.ActorOverride = "demo";
        var clock = new DemoMeetings.DemoClock();
        CampaignService As(string actor, int month, int day, int hour = 9)
        {
            clock.At(new DateOnly(2017, month, day), hour);
            return new CampaignService(db, clock, new DemoMeetings.Actor(actor));
        }
        async Task<int> Unit(string code) => await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync();
        static T Check<T>(Outcome<T> r) => r.Ok ? r.Value! : throw new InvalidOperationException("Demo campaign: " + r.Error);

        var campaign = Check(await As("btc.tinh", 3, 20).CreateAsync(new CampaignInput(await Unit("LC"), Title, CampaignKind.Review,
            "Chỉ thị số 10-CT/TW, ngày 30/3/2007 của Ban Bí thư", new DateOnly(2007, 1, 1), new DateOnly(2017, 4, 1), new DateOnly(2007, 3, 30), null,
            [
                new("Chi bộ", "CHI_BO,CHI_BO_CO_SO", new DateOnly(2017, 4, 10), false),
                new("Đảng bộ cơ sở", "DANG_UY_XA,DANG_BO_CO_SO", new DateOnly(2017, 4, 15), true),
                new("Cấp huyện", "HUYEN_UY,DANG_UY_TRUC_THUOC", new DateOnly(2017, 4, 20), false),
            ])));
        var sections = await db.OutlineSections.Where(s => s.OutlineId == campaign.OutlineId).OrderBy(s => s.Order).ToDictionaryAsync(s => s.Number, s => s.Id);
        List<SectionText> Texts(string cell) =>
        [
            new(sections["I"], $"{cell} sinh hoạt tại nhà văn hóa; đảng viên phần lớn là người dân tộc thiểu số, làm nông nghiệp."),
            new(sections["III.1"], "Nền nếp sinh hoạt được duy trì hằng tháng; nội dung gắn với nhiệm vụ phát triển kinh tế của địa phương."),
            new(sections["III.2"], "Một số buổi sinh hoạt còn nặng về thông báo, ít thảo luận; tự phê bình và phê bình chưa thường xuyên."),
            new(sections["IV"], "Chuẩn bị nội dung trước mỗi buổi sinh hoạt; mỗi quý ít nhất một buổi sinh hoạt chuyên đề."),
        ];
        async Task<CampaignReport> Draft(string actor, string code, string name, int month, int day)
        {
            var r = Check(await As(actor, month, day).StartReportAsync(campaign.Id, await Unit(code)));
            return Check(await As(actor, month, day, 10).SaveAsync(r.Id, r.Version, Texts(name)));
        }

        // Nà Khum: a member comments, the secretary answers and submits on time; returned, resubmitted, accepted.
        var nakhum = await Draft("bithu.nakhum", "LC-BL-NK", "Chi bộ bản Nà Khum", 4, 1);
        var member = await db.Users.Where(u => u.UserName == "dangvien.nakhum").Select(u => new { u.Id, u.FullName }).FirstAsync();
        var comment = Check(await As("dangvien.nakhum", 4, 2).CommentAsync(nakhum.Id, member.Id, member.FullName ?? "dangvien.nakhum", sections["I"], "Đề nghị nêu rõ số đảng viên nữ."));
        Check(await As("bithu.nakhum", 4, 3).AnswerAsync(nakhum.Id, comment.Id, "Tiếp thu, bổ sung vào mục I."));
        nakhum = Check(await As("bithu.nakhum", 4, 5).SubmitAsync(nakhum.Id, nakhum.Version));
        nakhum = Check(await As("vp.binhlu", 4, 7).ReviewAsync(nakhum.Id, false, "Bổ sung tỷ lệ đảng viên dự sinh hoạt từng năm.", nakhum.Version));
        nakhum = Check(await As("bithu.nakhum", 4, 9).SubmitAsync(nakhum.Id, nakhum.Version));
        Check(await As("vp.binhlu", 4, 11).ReviewAsync(nakhum.Id, true, null, nakhum.Version));

        // Bản Bình Lư: drafted by the commune's office, submitted late (12/04), accepted.
        var late = await Draft("vp.binhlu", "LC-BL-BL", "Chi bộ bản Bình Lư", 4, 11);
        late = Check(await As("vp.binhlu", 4, 12, 16).SubmitAsync(late.Id, late.Version));
        Check(await As("vp.binhlu", 4, 13).ReviewAsync(late.Id, true, null, late.Version));

        // The UBND agency cell: submitted on time, returned, not resubmitted.
        var agency = await Draft("vp.binhlu", "LC-BL-UB", "Chi bộ Cơ quan Ủy ban nhân dân xã Bình Lư", 4, 6);
        agency = Check(await As("vp.binhlu", 4, 8).SubmitAsync(agency.Id, agency.Version));
        Check(await As("vp.binhlu", 4, 12).ReviewAsync(agency.Id, false, "Chưa đánh giá nội dung sinh hoạt chuyên đề (mục II.3.d).", agency.Version));

        // Mường So: on time, still waiting for its commune's review.
        var muongSo = await Draft("bithu.muongso", "LC-MS-MS", "Chi bộ bản Mường So", 4, 7);
        Check(await As("bithu.muongso", 4, 8).SubmitAsync(muongSo.Id, muongSo.Version));

        // Bình Lư compiles its accepted cells, holds its conference and submits to Tam Đường on time.
        var commune = Check(await As("vp.binhlu", 4, 13, 14).StartReportAsync(campaign.Id, await Unit("LC-BL")));
        commune = Check(await As("vp.binhlu", 4, 13, 15).CompileAsync(commune.Id, commune.Version));
        commune = Check(await As("vp.binhlu", 4, 14).ConferenceAsync(commune.Id, new CampaignService.ConferenceInput(commune.Version, new DateOnly(2017, 4, 14),
            "Ban Chấp hành Đảng bộ xã, bí thư các chi bộ trực thuộc", "Các chi bộ thống nhất đánh giá nền nếp sinh hoạt được duy trì; chất lượng sinh hoạt chuyên đề còn hạn chế.",
            "Thống nhất các giải pháp nâng cao chất lượng sinh hoạt chi bộ trong thời gian tới.")));
        Check(await As("vp.binhlu", 4, 15).SubmitAsync(commune.Id, commune.Version));
    }
}
