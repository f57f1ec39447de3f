using System.Net.Mail;
using System.Security.Claims;
using ChiBo.Data;
using ChiBo.Features.Shared;
using ChiBo.Features.Accounts;
using ChiBo.Features.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Reminders;

/// <summary>Where reminder e-mails go. Off by default: no external service is reachable from a commune office.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct = default);
}

public sealed class NoEmailSender : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct = default) => Task.CompletedTask;
}

/// <summary>Writes each message as an .eml file (Email:Mode=File): for offline installations and tests.</summary>
public sealed class FileEmailSender(string folder) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(file, $"To: {to}\r\nSubject: =?utf-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(subject))}?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n", ct);
    }
}

/// <summary>Sends through an SMTP relay of the organization's own network (Email:Mode=Smtp, Email:Host, Email:Port, Email:From).</summary>
public sealed class SmtpEmailSender(string host, int port, string from) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        using var client = new SmtpClient(host, port);
        using var message = new MailMessage(from, to, subject, body) { BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
        await client.SendMailAsync(message, ct);
    }
}

public record ReminderRun(DateOnly Date, int Users, int Items, int Overdue, int NotificationsCreated, int EmailsSent);

/// <summary>
/// Finds every account's due and overdue items on a date and tells each account once per item: an in-app
/// notification (keyed, so a second run adds nothing) and, when configured, an e-mail.
/// </summary>
public class ReminderRunner(AppDbContext db, DueList due, UserManager<AppUser> users, IEmailSender email, TimeProvider clock)
{
    public async Task<ReminderRun> RunAsync(DateOnly date, CancellationToken ct = default)
    {
        var all = await db.Users.ToListAsync(ct);
        int items = 0, overdue = 0, created = 0, sent = 0;
        foreach (var user in all)
        {
            var list = await due.ForUserAsync(user, await users.GetRolesAsync(user), date, ct);
            items += list.Count;
            overdue += list.Count(i => i.Overdue);
            var keys = list.Select(i => (i.Overdue ? "overdue:" : "soon:") + i.Key).ToList();
            var known = await db.Notifications.Where(n => n.UserId == user.Id && n.Key != null && keys.Contains(n.Key)).Select(n => n.Key!).ToListAsync(ct);
            foreach (var i in list)
            {
                var key = (i.Overdue ? "overdue:" : "soon:") + i.Key;
                if (known.Contains(key)) continue;
                var title = (i.Overdue ? "Quá hạn: " : "Sắp đến hạn: ") + i.Title;
                db.Notifications.Add(new Notification { UserId = user.Id, Key = key, Title = title, Link = i.Link, CreatedAt = clock.GetUtcNow().UtcDateTime, Body = $"Hạn: {i.Due:dd/MM/yyyy}" });
                created++;
                if (!string.IsNullOrEmpty(user.Email))
                {
                    await email.SendAsync(user.Email, "[ChiBo] " + title, $"{title}\nHạn: {i.Due:dd/MM/yyyy}\nMở: {i.Link}", ct);
                    sent++;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return new ReminderRun(date, all.Count, items, overdue, created, sent);
    }
}

/// <summary>Runs the reminders once an hour (Reminders:IntervalMinutes); tests turn it off and run it on a chosen date.</summary>
public class ReminderJob(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ReminderJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reminders:Enabled", true)) return;
        var interval = TimeSpan.FromMinutes(config.GetValue("Reminders:IntervalMinutes", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VnTime.Zone).DateTime);
                var run = await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync(today, stoppingToken);
                log.LogInformation("Reminders {Date}: {Items} items, {Created} notifications, {Sent} e-mails", run.Date, run.Items, run.NotificationsCreated, run.EmailsSent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminder run failed");
            }
            await Task.Delay(interval, clock, stoppingToken);
        }
    }
}

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DueList>();
        services.AddScoped<ReminderRunner>();
        services.AddHostedService<ReminderJob>();
        services.AddSingleton<IEmailSender>(_ => config["Email:Mode"] switch
        {
            "File" => new FileEmailSender(config["Email:Folder"] ?? "data/mail"),
            "Smtp" => new SmtpEmailSender(config["Email:Host"] ?? "127.0.0.1", config.GetValue("Email:Port", 25), config["Email:From"] ?? "chibo@localhost"),
            _ => new NoEmailSender(),
        });
        return services;
    }

    public static void MapReminders(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Việc cần làm, nhắc hạn").RequireAuthorization();

        g.MapGet("/due", async (DateOnly? date, UserScope scope, ClaimsPrincipal principal, UserManager<AppUser> users, DueList due) =>
        {
            var user = await users.GetUserAsync(principal);
            if (user is null) return TypedResults.Ok(new List<DueItem>());
            return TypedResults.Ok(await due.ForUserAsync(user, await users.GetRolesAsync(user), date ?? scope.Today));
        }).OwnRecordsOnly("the signed-in account's own due list (what its roles and node must do)")
            .WithSummary("Việc sắp đến hạn và quá hạn của tài khoản");

        // The hourly job run by hand: the system's own work, for administrators (who keep the system), no one's party step.
        g.MapPost("/reminders/run", async (DateOnly? date, UserScope scope, ReminderRunner runner) =>
            TypedResults.Ok(await runner.RunAsync(date ?? scope.Today)))
            .WithMetadata(new AccessMetadata("role: administrators run the system's reminder job"))
            .AddEndpointFilter(async (ctx, next) =>
                ctx.HttpContext.RequestServices.GetRequiredService<UserScope>().IsAdmin ? await next(ctx)
                    : Problems.Forbidden("Chỉ quản trị hệ thống mới chạy được việc nhắc hạn."))
            .WithSummary("Chạy ngay việc nhắc hạn (quản trị)");
    }
}
