using ChiBo.Data;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Notifications;

/// <summary>An in-app notice to one account (meeting notices now; due lists and reminders later).</summary>
public class Notification
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>What the notice is about ("due:plan:2027:12"): a reminder is sent once per user and key.</summary>
    public string? Key { get; set; }
}

public static class NotificationsApi
{
    public record NotificationDto(int Id, string Title, string? Body, string? Link, DateTime CreatedAt, bool Read);

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization();
        g.MapGet("/", async (System.Security.Claims.ClaimsPrincipal user, AppDbContext db) =>
        {
            var id = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
            return TypedResults.Ok(await db.Notifications.Where(n => n.UserId == id).OrderByDescending(n => n.Id).Take(100)
                .Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync());
        }).OwnRecordsOnly("the signed-in account's own notifications")
            .WithSummary("Thông báo của tài khoản đang đăng nhập");
    }
}
