using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Topics;

public static class TopicsApi
{
    public record TopicDto(int Id, string Code, string Name, int? ParentId, bool Active);
    public record CreateTopicRequest(string? Code, string? Name, int? ParentId);

    /// <summary>Why a new topic's code and name cannot be kept (field and reason), or null; shared with the rules page.</summary>
    public static (string Field, string Message)? Refuse(string? code, string? name)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name)) return ("name", "Nhập mã và tên chủ đề.");
        if (code.Trim().Length > 40) return ("code", "Mã chủ đề dài quá 40 ký tự.");
        if (name.Trim().Length > 300) return ("name", "Tên chủ đề dài quá 300 ký tự.");
        // Topics are exported with the dashboard tables: a name a spreadsheet would run as a formula is not a topic.
        if (Tables.Neutralize(name.Trim()) != name.Trim() || Tables.Neutralize(code.Trim()) != code.Trim())
            return ("name", "Mã và tên chủ đề không bắt đầu bằng =, +, -, @ (ký tự bảng tính hiểu là công thức).");
        return null;
    }

    public static void MapTopics(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/topics").WithTags("Chủ đề sinh hoạt chuyên đề").RequireAuthorization();

        g.MapGet("/", async (AppDbContext db) => TypedResults.Ok(await db.Topics.OrderBy(t => t.ParentId).ThenBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new TopicDto(t.Id, t.Code, t.Name, t.ParentId, t.Active)).ToListAsync()))
            .OwnRecordsOnly("the topic catalogue is reference data every account reads")
            .WithSummary("Danh mục chủ đề");

        // A topic belongs to the node of the staff who add it (OwnerUnitId).
        g.MapPost("/", async Task<Results<Created<TopicDto>, ValidationProblem>> (CreateTopicRequest req, UserScope scope, AppDbContext db) =>
        {
            if (Refuse(req.Code, req.Name) is { } bad) return Problems.Invalid(bad.Field, bad.Message);
            var code = req.Code!.Trim();
            if (await db.Topics.AnyAsync(t => t.Code == code)) return Problems.Invalid("code", "Mã chủ đề đã có.");
            if (req.ParentId is { } parent && !await db.Topics.AnyAsync(t => t.Id == parent)) return Problems.Invalid("parentId", "Không có chủ đề cha này trong danh mục.");
            var t = new Topic { Code = code, Name = req.Name!.Trim(), ParentId = req.ParentId, OwnerUnitId = scope.RootUnitId, Order = 100 };
            db.Topics.Add(t);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/v1/topics/{t.Id}", new TopicDto(t.Id, t.Code, t.Name, t.ParentId, t.Active));
        }).RequireOwnNode(UnitNeed.Manage)
            .WithSummary("Thêm chủ đề (ban tổ chức, văn phòng cấp ủy)");
    }
}
