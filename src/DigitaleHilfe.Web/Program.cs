using DigitaleHilfe.Web.Features.Catalog;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using DigitaleHilfe.Web.Infrastructure.Health;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using DigitaleHilfe.Web.Infrastructure.Validation;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPersistence(builder.Configuration, builder.Environment);
builder.Services.AddMessaging();
builder.Services.AddInputValidation();
builder.Services.AddBackgroundJobs(builder.Configuration);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddWebUi();
builder.Services.AddCurrentUser();

builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddHelpRequests();
builder.Services.AddHostedService<DemoData>();

var app = builder.Build();

app.UseWebUi();
app.MapHealth();
app.UseBackgroundJobsDashboard();
app.MapControllers();

// A command word (db-apply, db-assert, db-dump, help …) runs JasperFx's command line, which gives the
// same executable Marten's schema commands. Anything else, options like --urls included, runs the web
// app the plain way, which is also what the test host (WebApplicationFactory) waits for.
if (args is [var command, ..] && !command.StartsWith('-')) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

public partial class Program;
