using DigitaleHilfe.Web.Features.Intake;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Support;

// One app for the whole integration suite, against the real test database and a real SMTP server.
// Tests reset the Marten data before they run (see IntegrationTest), in the manner of Bogard's SliceFixture.
public sealed class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("DH_TEST_CONNECTION")
        ?? "Host=127.0.0.1;Port=5432;Database=digitalehilfe_test;Username=digitalehilfe;Password=digitalehilfe";

    public TestClock Clock { get; } = new(Start);
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("DemoData:Seed", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task ResetAsync()
    {
        await Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
        Clock.SetUtcNow(Start);
        Smtp.Clear();
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public IQuerySession QuerySession() => Services.GetRequiredService<IDocumentStore>().QuerySession();

    public static LogCall.Command ValidCall(string name = "Erika Mustermann") => new()
    {
        CallerName = name,
        Phone = "0631 123456",
        Topic = "online-banking",
        Description = "Die Banking-App fragt nach einem Code.",
        District = "innenstadt-ost",
        HelpMode = "hausbesuch",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        // The test host does not wait for Marten's start-up migration before the first test runs,
        // so the schema (including the request number counter) is brought up to date here.
        await Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
