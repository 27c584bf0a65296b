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

// JasperFx's command line gives the same executable Marten's schema commands (db-apply, db-assert,
// db-dump); with no arguments it simply runs the web app.
return await app.RunJasperFxCommands(args);

public partial class Program;
