using ChiBo.Data;
using ChiBo.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Topics;

public static class TopicsApi
{
    public record TopicDto(int Id, string Code, string Name, int? ParentId, bool Active);
    public record CreateTopicRequest(string Code, string Name, int? ParentId);

    public static void MapTopics(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/topics").WithTags("Chủ đề sinh hoạt chuyên đề").RequireAuthorization();

        g.MapGet("/", async (AppDbContext db) => TypedResults.Ok(await db.Topics.OrderBy(t => t.ParentId).ThenBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new TopicDto(t.Id, t.Code, t.Name, t.ParentId, t.Active)).ToListAsync()))
            .WithSummary("Danh mục chủ đề");

        g.MapPost("/", async Task<Results<Created<TopicDto>, ValidationProblem, ForbidHttpResult>> (CreateTopicRequest req, UserScope scope, AppDbContext db) =>
        {
            if (!scope.IsStaff) return TypedResults.Forbid();
            if (string.IsNullOrWhiteSpace(req.Code) || string.IsNullOrWhiteSpace(req.Name))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Nhập mã và tên chủ đề."] }, title: "Dữ liệu không hợp lệ");
            if (await db.Topics.AnyAsync(t => t.Code == req.Code.Trim()))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Mã chủ đề đã có."] }, title: "Dữ liệu không hợp lệ");
            var t = new Topic { Code = req.Code.Trim(), Name = req.Name.Trim(), ParentId = req.ParentId, OwnerUnitId = scope.RootUnitId, Order = 100 };
            db.Topics.Add(t);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/v1/topics/{t.Id}", new TopicDto(t.Id, t.Code, t.Name, t.ParentId, t.Active));
        }).WithSummary("Thêm chủ đề (ban tổ chức, văn phòng cấp ủy)");
    }
}
