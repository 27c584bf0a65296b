using DigitaleHilfe.Web.Infrastructure.Background;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.Demo;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.PublicPages;
using DigitaleHilfe.Web.Features.Catalog;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Statistics;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Features.Towns;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using DigitaleHilfe.Web.Infrastructure.Health;
using DigitaleHilfe.Web.Infrastructure.Metrics;
using DigitaleHilfe.Web.Features.Monitoring;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using DigitaleHilfe.Web.Infrastructure.Validation;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
// Production logs one JSON object per line, with the request's id and trace id from the logging scopes
// (never a senior's data: messages carry ids and numbers, docs/operations.md).
if (builder.Environment.IsProduction())
    builder.Logging.ClearProviders().AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
// On the command line, standard output belongs to the command's result (a script reads its last line).
if (UsersCommandLine.Handles(args) || TownsCommandLine.Handles(args))
    builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPersistence(builder.Configuration, builder.Environment);
builder.Services.AddTenancy(builder.Configuration);
builder.Services.AddTowns(builder.Configuration);
builder.Services.AddMessaging();
builder.Services.AddInputValidation();
builder.Services.AddBackgroundJobs(builder.Configuration);
builder.Services.AddPeopleFirst(builder.Configuration);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddHealth(builder.Configuration, builder.Environment);
builder.Services.AddMetrics(builder.Configuration);
builder.Services.AddWebUi();
builder.Services.AddRequestLimits(builder.Configuration);
builder.Services.AddCurrentUser();
builder.Services.AddAccountsAndSecurity(builder.Configuration, builder.Environment);

builder.Services.AddAccounts();
builder.Services.AddCoordination();
builder.Services.AddPublicPages();
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddHelpRequests(builder.Configuration);
builder.Services.AddCallers();
builder.Services.AddCallbacks();
builder.Services.AddVolunteers();
builder.Services.AddBoard();
builder.Services.AddMatching(builder.Configuration);
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddDemoData();
builder.Services.AddMonitoring();

var app = builder.Build();

app.UseReverseProxyHeaders();
app.UseHttpsOnly();
app.UseWebUi();
app.UseAccountsAndSecurity();
app.MapHealth();
app.MapMetrics();
app.MapBackgroundJobsDashboard();
app.MapControllers();

// `users add|api-key` and `towns add|list` manage accounts and towns and exit; the web server never starts.
if (UsersCommandLine.Handles(args) || TownsCommandLine.Handles(args))
{
    // Production schema changes go through db-apply (docs/operations.md); elsewhere bring it up to date.
    var store = app.Services.GetRequiredService<IDocumentStore>();
    await ConjoinedEventTables.ConvertAsync(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), app.Logger, CancellationToken.None);
    if (!app.Environment.IsProduction()) await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    await app.Services.GetRequiredService<FirstTown>().Populate(store, CancellationToken.None);
    return TownsCommandLine.Handles(args)
        ? await TownsCommandLine.RunAsync(args, app.Services, Console.Out, Console.Error)
        : await UsersCommandLine.RunAsync(args, app.Services, Console.Out, Console.Error);
}

// A command word (db-apply, db-assert, db-dump, help …) runs JasperFx's command line, which gives the
// same executable Marten's schema commands. Anything else, options like --urls included, runs the web
// app the plain way, which is also what the test host (WebApplicationFactory) waits for.
if (args is [var command, ..] && !command.StartsWith('-'))
{
    if (command is "db-apply" or "db-patch")
        await ConjoinedEventTables.ConvertAsync(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), app.Logger, CancellationToken.None);
    return await app.RunJasperFxCommands(args);
}
await app.RunAsync();
return 0;

public partial class Program;
