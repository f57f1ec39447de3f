using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Audit;
using ChiBo.Features.Import;
using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Notifications;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Search;
using ChiBo.Features.Topics;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.DataProtection;

if (await Cli.TryRunAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)); // keep Vietnamese letters readable in the HTML
builder.Services.AddHttpContextAccessor();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysFolder"] ?? "data/keys"));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
// A value that does not bind (a date in the wrong format, a missing body) throws, so the API's error handler can
// answer it as a 400 naming the field instead of a bare status.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new InputChecks.DateOnlyConverter());
});
builder.Services.AddAccessRules();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Error");
}).AddMvcOptions(o => o.Filters.Add<PageAccessFilter>());
builder.Services.AddScoped<TreeService>();
builder.Services.AddScoped<MemberService>();
builder.Services.AddScoped<LeavingService>();
builder.Services.AddScoped<MeetingService>();
builder.Services.AddScoped<MinutesService>();
builder.Services.AddScoped<RatingService>();
builder.Services.AddMinutesSeal();
builder.Services.AddScoped<ChiBo.Features.Plans.PlanService>();
builder.Services.AddScoped<ChiBo.Features.Monitoring.MonitoringService>();
builder.Services.AddScoped<ChiBo.Features.Monitoring.ScheduleService>();
builder.Services.AddScoped<ChiBo.Features.Monitoring.GroupReportService>();
builder.Services.AddScoped<ChiBo.Features.Campaigns.CampaignService>();
builder.Services.AddScoped<ChiBo.Features.Practices.PracticeService>();
builder.Services.AddSingleton<ChiBo.Features.Documents.PdfConverter>();
builder.Services.AddScoped<ChiBo.Features.Documents.DocumentRegister>();
builder.Services.AddScoped<ChiBo.Features.Documents.DocumentSigning>();
builder.Services.AddScoped<ChiBo.Features.Documents.DocumentRenderer>();
builder.Services.AddScoped<ChiBo.Features.Appraisals.AppraisalService>();
builder.Services.AddScoped<ChiBo.Features.Appraisals.FourGoodService>();
builder.Services.AddScoped<ChiBo.Features.Appraisals.SchemeVersions>();
builder.Services.AddScoped<ChiBo.Features.Inspections.InspectionService>();
ChiBo.Features.Reminders.RemindersSetup.AddReminders(builder.Services, builder.Configuration);
builder.Services.AddImports();

var app = builder.Build();

await app.Services.MigrateAndSeedAsync(app.Configuration);
if (args.Contains("rebuild-rollups"))
{
    // One command rebuilds every roll-up from the records (after a bulk load, or to repair drift), then exits.
    using var scope = app.Services.CreateScope();
    var took = await ChiBo.Features.Statistics.RollupRebuild.RunAsync(scope.ServiceProvider.GetRequiredService<ChiBo.Data.AppDbContext>(), Console.WriteLine);
    Console.WriteLine($"Roll-ups rebuilt in {took.TotalSeconds:0.0} s.");
    return;
}
if (args.Contains("verify"))
{
    // Checks the sealed books of the whole database (or of --unit ID's subtree), lists what fails, exits non-zero if anything does.
    Environment.ExitCode = await VerifyCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

// API errors are ProblemDetails JSON (ApiExceptionHandler, status codes below); pages get the Vietnamese error page.
app.UseExceptionHandler("/Error");
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
// vi-VN culture: forms read and show dates as dd/MM/yyyy.
app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new("vi-VN"), SupportedCultures = [new("vi-VN")], SupportedUICultures = [new("vi-VN")] });
app.UseStaticFiles();
// Routing after the error and status-code pages, so their re-run of the request finds the error page's endpoint.
app.UseRouting();
app.UseAuthentication();
app.UseSessionChecks();
app.UseAuthorization();
app.UseInputChecks();
app.UseIdempotencyKeys();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
// The JSON API's root: every endpoint under it refuses a body that leaves out a required field (400, not a 500 later).
var api = app.MapGroup("").AddEndpointFilter(BodyChecks.FilterAsync);
api.MapAuth();
api.MapAccounts();
api.MapOrganization();
api.MapMembers();
api.MapSearch();
api.MapImports();
api.MapAudit();
api.MapRules();
api.MapTopics();
api.MapMeetings();
api.MapNotifications();
ChiBo.Features.Plans.PlansApi.MapPlans(api);
ChiBo.Features.Monitoring.MonitoringApi.MapMonitoring(api);
ChiBo.Features.Monitoring.SchedulesApi.MapSchedules(api);
ChiBo.Features.Monitoring.GroupReportsApi.MapGroupReports(api);
ChiBo.Features.Reminders.RemindersSetup.MapReminders(api);
ChiBo.Features.Campaigns.CampaignsApi.MapCampaigns(api);
ChiBo.Features.Practices.PracticesApi.MapPractices(api);
ChiBo.Features.Documents.DocumentsApi.MapDocuments(api);
ChiBo.Features.Statistics.Dashboard.MapStatistics(api);
ChiBo.Features.Appraisals.AppraisalsApi.MapAppraisals(api);
ChiBo.Features.Inspections.InspectionsApi.MapInspections(api);
app.MapRazorPages();

app.Run();

public partial class Program;
